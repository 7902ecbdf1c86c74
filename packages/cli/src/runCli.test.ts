import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, SqliteAccountStore } from '@lore/store-sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './runCli';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    env,
    out: (line: string) => out.push(line),
    err: (line: string) => err.push(line),
    lines: { out, err },
  };
}

describe('lore users create', () => {
  it('creates an admin in the configured data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-cli-'));
    dirs.push(dataDir);
    const terminal = io({ LORE_DATA_DIR: dataDir });
    const code = await runCli(
      [
        'users',
        'create',
        '--email',
        'Ops@Example.com',
        '--password',
        'operator password',
        '--admin',
      ],
      terminal,
    );
    expect(code).toBe(0);
    expect(terminal.lines.out.join('\n')).toMatch(/Created admin Ops <ops@example.com>/);
    const db = openDatabase({ path: join(dataDir, 'lore.db') });
    expect(new SqliteAccountStore(db).findUserByEmail('ops@example.com')?.role).toBe('admin');
    db.close();
  });

  it('fails with a clear message and exit code 2 on bad input, creating nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-cli-'));
    dirs.push(dataDir);
    const cases: [string[], RegExp][] = [
      [['users', 'create', '--email', 'a@b.co'], /--email and --password are required/],
      [['users', 'create', '--email', 'a@b.co', '--password', 'short'], /at least 10 characters/],
      [
        ['users', 'create', '--email', 'a@b.co', '--password', 'long enough!', '--role', 'king'],
        /--role must be/,
      ],
      [['users', 'create', '--bogus'], /Unknown option/],
      [['frobnicate'], /Unknown command/],
    ];
    for (const [argv, message] of cases) {
      const terminal = io({ LORE_DATA_DIR: dataDir });
      expect(await runCli(argv, terminal)).toBe(2);
      expect(terminal.lines.err.join('\n')).toMatch(message);
    }
    const db = openDatabase({ path: join(dataDir, 'lore.db') });
    expect(new SqliteAccountStore(db).countUsers()).toBe(0);
    db.close();
  });

  it('refuses a duplicate email', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-cli-'));
    dirs.push(dataDir);
    const argv = ['users', 'create', '--email', 'a@b.co', '--password', 'long enough!'];
    expect(await runCli(argv, io({ LORE_DATA_DIR: dataDir }))).toBe(0);
    const again = io({ LORE_DATA_DIR: dataDir });
    expect(await runCli(argv, again)).toBe(2);
    expect(again.lines.err.join('')).toMatch(/already exists/);
  });

  it('prints usage for help', async () => {
    const terminal = io();
    expect(await runCli(['--help'], terminal)).toBe(0);
    expect(terminal.lines.out.join('\n')).toContain('users create');
  });
});

describe('lore events', () => {
  it('shows each consumer, lists and replays dead letters, and refuses bad use', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-cli-events-'));
    dirs.push(dataDir);
    const env = { LORE_DATA_DIR: dataDir };
    const status = io(env);
    expect(await runCli(['events'], status)).toBe(0);
    expect(status.lines.out[0]).toBe('Events written: 0.');
    expect(
      status.lines.out
        .slice(1)
        .map((line) => line.trim().split(':')[0])
        .sort(),
    ).toEqual(['page-links', 'page-titles', 'search', 'trashed-rooms']);

    const none = io(env);
    expect(await runCli(['events', 'dead'], none)).toBe(0);
    expect(none.lines.out).toEqual(['No dead letters: every consumer handled every event.']);

    // A dead letter for an event that retention has already removed: replaying it fails and
    // keeps it, with the reason.
    const db = openDatabase({ path: join(dataDir, 'lore.db') });
    db.prepare(
      `INSERT INTO event_dead_letters (consumer, seq, type, page_id, attempts, error, at)
       VALUES ('search', 41, 'page.renamed', 'p1', 5, 'engine down', 0)`,
    ).run();
    db.close();
    const dead = io(env);
    expect(await runCli(['events', 'dead'], dead)).toBe(0);
    expect(dead.lines.out).toEqual([
      '#1 search event 41 page.renamed page p1: 5 attempts, last error: engine down',
    ]);
    const replay = io(env);
    expect(await runCli(['events', 'replay', '--all'], replay)).toBe(1);
    expect(replay.lines.out).toEqual(['#1: failed again (the event is no longer stored); kept.']);

    const unknown = io(env);
    expect(await runCli(['events', 'replay', '7'], unknown)).toBe(2);
    expect(unknown.lines.err[0]).toBe('There is no dead letter #7.');
    const wrong = io(env);
    expect(await runCli(['events', 'purge'], wrong)).toBe(2);
    expect(wrong.lines.err[0]).toMatch(/^Unknown use of lore events/);
  });
});
