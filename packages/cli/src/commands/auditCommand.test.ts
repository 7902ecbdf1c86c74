import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createLore, loadConfig } from '@lore/server';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../runCli';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function io(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    env,
    out: (line: string) => out.push(line),
    err: (line: string) => err.push(line),
    lines: out,
    errors: err,
  };
}

const password = 'operator password';

describe('lore audit', () => {
  it('prints the audit log as a table, CSV or JSON, filtered by time, person and action', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-cli-audit-'));
    dirs.push(dataDir);
    const env = { LORE_DATA_DIR: dataDir };
    for (const email of ['ops@example.com', 'grace@example.com']) {
      const created = io(env);
      expect(
        await runCli(['users', 'create', '--email', email, '--password', password], created),
      ).toBe(0);
    }
    expect(await runCli(['users', 'role', 'grace@example.com', 'admin'], io(env))).toBe(0);
    // A sign-in, which names its person, and a record from long ago.
    const runtime = await createLore(loadConfig(env), { logger: createLogger('error') });
    await runtime.services.accounts.login('grace@example.com', password);
    runtime.db
      .prepare("INSERT INTO audit_log (at, action, details) VALUES (?, 'user.enabled', '{}')")
      .run(Date.now() - 10 * 86_400_000);
    await runtime.close();

    const table = io(env);
    expect(await runCli(['audit'], table)).toBe(0);
    expect(table.lines[0]).toMatch(/^Time \(UTC\)\s+Who\s+Action\s+Target\s+Address$/);
    expect(table.lines.slice(1).map((line) => line.split(/\s{2,}/)[2])).toEqual([
      'user.signed_in',
      'user.role_changed',
      'user.created',
      'user.created',
    ]);
    expect(table.lines[2]).toMatch(/user grace \(grace@example\.com\)/);

    const older = io(env);
    expect(await runCli(['audit', '--since', '30d', '--action', 'user.en'], older)).toBe(0);
    expect(older.lines).toHaveLength(2);
    expect(older.lines[1]).toMatch(/user\.enabled/);

    const byGrace = io(env);
    expect(
      await runCli(['audit', '--actor', 'grace@example.com', '--format', 'json'], byGrace),
    ).toBe(0);
    expect(byGrace.lines.map((line) => JSON.parse(line).action)).toEqual(['user.signed_in']);

    const csv = io(env);
    expect(await runCli(['audit', '--action', 'user.created', '--format', 'csv'], csv)).toBe(0);
    expect(csv.lines[0]).toMatch(/^id,time,action,actor_id,actor_name/);
    expect(csv.lines).toHaveLength(3);

    const limited = io(env);
    expect(await runCli(['audit', '--limit', '1'], limited)).toBe(0);
    expect(limited.lines.at(-1)).toMatch(/and more/);

    const nothing = io(env);
    expect(await runCli(['audit', '--action', 'group.'], nothing)).toBe(0);
    expect(nothing.lines).toEqual(['No audit records match.']);
  });

  it('refuses bad options with exit code 2 and a message', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-cli-audit-'));
    dirs.push(dataDir);
    const env = { LORE_DATA_DIR: dataDir };
    for (const [args, message] of [
      [['audit', '--since', 'last week'], /--since takes/],
      [['audit', '--format', 'xml'], /--format is table, csv or json/],
      [['audit', '--limit', '0'], /--limit/],
      [['audit', '--action', 'DROP TABLE'], /--action/],
      [['audit', '--since', '2d', '--until', '3d'], /--since must come before --until/],
      [['audit', '--actor', 'nobody@example.com'], /No account has the email/],
    ] as const) {
      const terminal = io(env);
      expect(await runCli([...args], terminal), args.join(' ')).toBe(2);
      expect(terminal.errors.join('\n')).toMatch(message);
    }
  });
});
