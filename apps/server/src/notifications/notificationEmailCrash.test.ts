import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../test/collabClient';
import { freePort } from '../test/freePort';
import { type LoreProcess, spawnLoreServer } from '../test/spawnLoreServer';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '../test/startSmtpServer';

const admin = { email: 'ada@example.com', password: 'analytical-engine' };
const processes: LoreProcess[] = [];
const smtps: TestSmtpServer[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const server of processes) server.kill('SIGKILL');
  for (const smtp of smtps) await smtp.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function api(url: string, token: string, path: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The email states of the notifications in the SQLite file, as the stopped process left them. */
function emailStates(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'lore.db'), { readonly: true });
  try {
    return db
      .prepare("SELECT email_state FROM notifications WHERE kind = 'mentioned' ORDER BY created_at")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

const mentionsOf = (received: readonly ReceivedMail[], text: string) =>
  received.filter(
    (mail) => mail.to.includes('max@example.com') && mail.parsed.text?.includes(text),
  );

describe('notification emails across a kill -9', () => {
  it('are sent after the restart, once, whether the process died before sending or while the mail server was down', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-email-kill-'));
    dirs.push(dataDir);
    const port = await freePort();
    const smtpPort = await freePort();
    let smtp = await startSmtpServer({}, smtpPort);
    smtps.push(smtp);
    const url = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      LORE_DATA_DIR: dataDir,
      LORE_ADMIN_EMAIL: admin.email,
      LORE_ADMIN_PASSWORD: admin.password,
      LORE_LOG_LEVEL: 'warn',
      LORE_PUBLIC_URL: url,
      LORE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      LORE_MAIL_FROM: 'Lore <wiki@example.com>',
      // Instant emails wait two seconds; the sender looks often and retries soon.
      LORE_EMAIL_BATCH_SECONDS: '2',
      LORE_EMAIL_POLL_SECONDS: '0.2',
      LORE_EMAIL_RETRY_SECONDS: '0.5',
    };
    let server = await spawnLoreServer(env);
    processes.push(server);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify(admin),
    });
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const token = (
      await (
        await fetch(`${url}/api/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: url, cookie },
          body: JSON.stringify({ name: 'emails' }),
        })
      ).json()
    ).token as string;
    // People are made by an admin's session (tokens act as their owner, with less).
    const made = await fetch(`${url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, cookie },
      body: JSON.stringify({
        email: 'max@example.com',
        displayName: 'Max',
        password: 'max password',
        role: 'member',
      }),
    });
    expect(made.status).toBe(201);
    const max = (await made.json()).user;
    const space = (await api(url, token, '/api/spaces', { name: 'Ops' })).body.space;
    const page = (await api(url, token, '/api/pages', { spaceId: space.id, title: 'Runbook' })).body
      .page;
    const mention = (text: string) =>
      api(url, token, `/api/pages/${page.id}/comments`, {
        body: `${text} @[Max](user:${max.id})`,
      });

    // 1. Killed right after the comment was acknowledged, well before its email was due.
    expect((await mention('Before the crash,')).status).toBe(201);
    server.kill('SIGKILL');
    await server.exited;
    expect(smtp.received).toEqual([]);
    server = await spawnLoreServer(env);
    processes.push(server);
    await eventually(
      async () => mentionsOf(smtp.received, 'Before the crash,').length > 0,
      'the email of the comment made before the crash',
    );

    // 2. The mail server is down when the email is due: it waits, pending, through a kill.
    await smtp.close();
    expect((await mention('While the mail server was down,')).status).toBe(201);
    await eventually(
      async () => server.output().includes('could not be sent; trying again later'),
      'a failed try',
    );
    server.kill('SIGKILL');
    await server.exited;
    expect(emailStates(dataDir)).toEqual(['sent', 'pending']);
    const before = smtp.received;
    smtp = await startSmtpServer({}, smtpPort);
    smtps.push(smtp);
    server = await spawnLoreServer(env);
    processes.push(server);
    await eventually(
      async () => mentionsOf(smtp.received, 'While the mail server was down,').length > 0,
      'the email that waited for the mail server',
    );

    // Once each: nothing more comes after a few more passes, nor after a graceful restart.
    await sleep(1_500);
    server.kill('SIGTERM');
    await server.exited;
    server = await spawnLoreServer(env);
    processes.push(server);
    await sleep(1_500);
    const received = [...before, ...smtp.received];
    expect(mentionsOf(received, 'Before the crash,')).toHaveLength(1);
    expect(mentionsOf(received, 'While the mail server was down,')).toHaveLength(1);
    expect(received.filter((mail) => mail.to.includes('max@example.com'))).toHaveLength(2);
    server.kill('SIGTERM');
    await server.exited;
    expect(emailStates(dataDir)).toEqual(['sent', 'sent']);
  });
});
