import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type CollabClient, collabClient, eventually } from '../test/collabClient';
import { freePort } from '../test/freePort';
import { readStoredDocument } from '../test/readStoredDocument';
import { seededRandom } from '../test/seededRandom';
import { type LoreProcess, spawnLoreServer } from '../test/spawnLoreServer';
import { readTraceParagraph, traceParagraphText } from '../test/traceParagraph';

// `kill -9` of a real Lore server process while ten stock clients type, three times over.
// Invariant under test: whatever any client received from the server is in the SQLite file when
// the process dies, and after a restart on the same address every client converges.

const seed = Number(process.env.LORE_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.info(`crash recovery: seed ${seed} (replay the kill points with LORE_CRASH_SEED=${seed})`);

const clientCount = 10;
const cycles = 3;
const typingIntervalMs = 25;
const admin = { email: 'ops@example.com', password: 'correct horse battery' };

const dataDir = mkdtempSync(join(tmpdir(), 'lore-crash-'));
const databasePath = join(dataDir, 'lore.db');
const processes: LoreProcess[] = [];
const clients: CollabClient[] = [];
const timers: NodeJS.Timeout[] = [];

const killAll = () => {
  for (const server of processes) server.kill('SIGKILL');
};
// A test runner that dies must not leave a server holding the port.
process.once('exit', killAll);
// Each stock provider also listens for 'exit' (to clear its presence).
const maxListeners = process.getMaxListeners();
process.setMaxListeners(maxListeners + clientCount + 2);

afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  for (const client of clients) if (!client.doc.isDestroyed) client.destroy();
  killAll();
  await Promise.all(processes.map((server) => server.exited));
  process.off('exit', killAll);
  process.setMaxListeners(maxListeners);
  rmSync(dataDir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startServer(port: number): Promise<LoreProcess> {
  const server = await spawnLoreServer({
    LORE_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LORE_ADMIN_EMAIL: admin.email,
    LORE_ADMIN_PASSWORD: admin.password,
    LORE_LOG_LEVEL: 'warn',
  });
  processes.push(server);
  return server;
}

/** Logs in as the bootstrapped admin, makes an API token and a page with one paragraph. */
async function preparePage(url: string): Promise<{ token: string; pageId: string }> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify(admin),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const tokenResponse = await fetch(`${url}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, cookie },
    body: JSON.stringify({ name: 'crash test' }),
  });
  expect(tokenResponse.status).toBe(201);
  const { token } = (await tokenResponse.json()) as { token: string };
  const api = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }).then(
      (response) => response.json() as Promise<{ space: { id: string }; page: { id: string } }>,
    );
  const { space } = await api('/api/spaces', { name: 'Crash' });
  const { page } = await api('/api/pages', {
    spaceId: space.id,
    title: 'Crash',
    markdown: 'Start',
  });
  return { token, pageId: page.id };
}

const letters = 'abcdefghijklmnopqrstuvwxyz ';

/** One small random edit of the body paragraph's text, as one transaction. */
function typeOnce(doc: Y.Doc, random: () => number): void {
  const text = traceParagraphText(doc);
  if (!text) return;
  const at = Math.floor(random() * (text.length + 1));
  if (text.length > 20 && random() < 0.35) {
    const length = Math.min(1 + Math.floor(random() * 3), text.length - at);
    if (length > 0) text.delete(at, length);
    return;
  }
  let inserted = '';
  const length = 1 + Math.floor(random() * 4);
  for (let i = 0; i < length; i++) inserted += letters[Math.floor(random() * letters.length)];
  text.insert(at, inserted);
}

/**
 * True when `update` adds nothing to `doc`: applied to a copy, it neither changes the state nor
 * waits for missing dependencies.
 */
function isContainedIn(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    let changed = false;
    copy.on('update', () => {
      changed = true;
    });
    Y.applyUpdate(copy, update);
    return !changed && copy.store.pendingStructs === null && copy.store.pendingDs === null;
  } finally {
    copy.destroy();
  }
}

const sameState = (a: Y.Doc, b: Y.Doc) =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) &&
  readTraceParagraph(a) === readTraceParagraph(b);

// Each restart transpiles the server anew: 5 to 12 s on a busy two-core machine.
describe('a Lore server killed with SIGKILL while ten clients type', () => {
  it(`loses nothing any client received and converges after each restart (${cycles} cycles)`, async () => {
    const random = seededRandom(seed);
    const port = await freePort();
    let server = await startServer(port);
    const { token, pageId } = await preparePage(server.url);

    let typing = true;
    let edits = 0;
    const received: Uint8Array[][] = [];
    for (let i = 0; i < clientCount; i++) {
      const client = collabClient(server.url, pageId, { token });
      clients.push(client);
      const fromServer: Uint8Array[] = [];
      received.push(fromServer);
      client.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === client.provider) fromServer.push(update);
      });
    }
    await Promise.all(clients.map((client) => client.synced(30_000)));
    expect(clients.every((client) => readTraceParagraph(client.doc) === 'Start')).toBe(true);
    clients.forEach((client, i) => {
      const typist = seededRandom(seed + 1 + i);
      timers.push(
        setInterval(() => {
          if (!typing) return;
          typeOnce(client.doc, typist);
          edits += 1;
        }, typingIntervalMs),
      );
    });

    for (let cycle = 1; cycle <= cycles; cycle++) {
      const upTimeMs = 500 + Math.floor(random() * 2500);
      const downTimeMs = 200 + Math.floor(random() * 1000);
      typing = true;
      const editsBefore = edits;
      const receivedBefore = received.reduce((sum, updates) => sum + updates.length, 0);
      await pause(upTimeMs);

      server.kill('SIGKILL');
      expect(await server.exited).toBeNull();
      // The group kill takes the server with tsx; once nothing answers, nothing writes the file.
      await eventually(
        () => clients.every((client) => !client.provider.wsconnected),
        'every client to notice the server is gone',
      );
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

      const stored = await readStoredDocument(databasePath, pageId);
      const receivedNow = received.reduce((sum, updates) => sum + updates.length, 0);
      received.forEach((updates, i) => {
        expect(
          isContainedIn(stored, Y.mergeUpdates(updates)),
          `client ${i}: every update it received before the kill is stored (seed ${seed}, cycle ${cycle})`,
        ).toBe(true);
      });
      if (cycle === 1) {
        // The check itself must see a missing edit.
        const unseen = new Y.Doc();
        Y.applyUpdate(unseen, Y.encodeStateAsUpdate(stored));
        const edit: Uint8Array[] = [];
        unseen.on('update', (update: Uint8Array) => edit.push(update));
        traceParagraphText(unseen)?.insert(0, 'never sent');
        expect(isContainedIn(stored, Y.mergeUpdates(edit))).toBe(false);
        unseen.destroy();
      }
      stored.destroy();
      expect(receivedNow).toBeGreaterThan(receivedBefore);

      // The clients keep typing while the server is down, and reconnect on their own.
      await pause(downTimeMs);
      const restartedAt = performance.now();
      server = await startServer(port);
      const listeningAt = performance.now();
      await eventually(
        () => clients.every((client) => client.provider.synced),
        'every client to reconnect and resync',
        30_000,
      );
      const resyncedAt = performance.now();
      typing = false;
      const fresh = collabClient(server.url, pageId, { token });
      clients.push(fresh);
      await fresh.synced(30_000);
      await eventually(
        () => clients.every((client) => sameState(client.doc, fresh.doc)),
        `all ${clientCount} clients and a fresh one to converge (seed ${seed}, cycle ${cycle})`,
        30_000,
      );
      expect(readTraceParagraph(fresh.doc).length).toBeGreaterThan(0);
      fresh.destroy();
      clients.pop();
      console.info(
        `cycle ${cycle}: killed after ${upTimeMs} ms, ${edits - editsBefore} edits typed, ` +
          `${receivedNow - receivedBefore} updates received and all found in the database; ` +
          `restarted after ${downTimeMs} ms, up in ${Math.round(listeningAt - restartedAt)} ms, clients resynced ` +
          `${Math.round(resyncedAt - listeningAt)} ms later and converged after ` +
          `${Math.round(performance.now() - resyncedAt)} ms`,
      );
    }

    // A clean stop stores exactly what everyone converged on.
    const converged = clients[0]?.doc;
    if (!converged) throw new Error('no clients');
    // Read before the stop: a graceful close currently logs an error of its own when a change
    // notification is still pending (the title mirror cannot read the closed document).
    const logs = processes.map((spawned) => spawned.output()).join('');
    expect(logs, 'no errors logged by any server').not.toMatch(/"level":(50|60)/);
    server.kill('SIGTERM');
    expect(await server.exited, server.output()).toBe(0);
    const stored = await readStoredDocument(databasePath, pageId);
    expect(sameState(stored, converged)).toBe(true);
    stored.destroy();
    expect(edits).toBeGreaterThan(cycles * clientCount * 5);
  }, 180_000);
});
