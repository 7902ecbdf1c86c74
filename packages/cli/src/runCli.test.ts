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
    ).toEqual([
      'discussion-comment-marks',
      'home-space-activity',
      'notifications-auto-watch',
      'notifications-comments',
      'notifications-page-changed',
      'notifications-page-mentions',
      'notifications-page-shared',
      'page-links',
      'page-titles',
      'search',
      'socket-access',
      'trashed-rooms',
    ]);

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

describe('lore users lifecycle and lore setup-code', () => {
  it('prints the setup code until the first admin exists', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-cli-'));
    dirs.push(dataDir);
    const first = io({ LORE_DATA_DIR: dataDir });
    expect(await runCli(['setup-code'], first)).toBe(0);
    const code = /Setup code: (\S+)/.exec(first.lines.out.join('\n'))?.[1];
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const again = io({ LORE_DATA_DIR: dataDir });
    await runCli(['setup-code'], again);
    expect(again.lines.out.join('\n')).toContain(code);
    const create = [
      'users',
      'create',
      '--email',
      'a@b.co',
      '--password',
      'long enough!',
      '--admin',
    ];
    expect(await runCli(create, io({ LORE_DATA_DIR: dataDir }))).toBe(0);
    const after = io({ LORE_DATA_DIR: dataDir });
    expect(await runCli(['setup-code'], after)).toBe(0);
    expect(after.lines.out.join('\n')).toMatch(/already set up/);
  });

  it('lists, disables, enables, changes roles and prints reset links', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-cli-'));
    dirs.push(dataDir);
    const env = { LORE_DATA_DIR: dataDir, LORE_PUBLIC_URL: 'https://wiki.example.com' };
    const run = async (argv: string[]) => {
      const terminal = io(env);
      const code = await runCli(argv, terminal);
      return { code, out: terminal.lines.out.join('\n'), err: terminal.lines.err.join('\n') };
    };
    await run(['users', 'create', '--email', 'ops@b.co', '--password', 'long enough!', '--admin']);
    await run(['users', 'create', '--email', 'bob@b.co', '--password', 'long enough!']);

    expect(await run(['users', 'disable', 'bob@b.co'])).toMatchObject({ code: 0 });
    expect((await run(['users', 'list'])).out).toMatch(
      /bob@b\.co {2}member {2}bob {2}\(disabled\)/,
    );
    expect(await run(['users', 'enable', 'BOB@b.co'])).toMatchObject({ code: 0 });
    expect((await run(['users', 'list'])).out).not.toContain('(disabled)');
    expect((await run(['users', 'role', 'bob@b.co', 'guest'])).out).toContain('is now guest');
    const reset = await run(['users', 'reset-password', 'bob@b.co']);
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/https:\/\/wiki\.example\.com\/reset-password\/lore_pwr_/);

    const db = openDatabase({ path: join(dataDir, 'lore.db') });
    const store = new SqliteAccountStore(db);
    expect(store.findUserByEmail('bob@b.co')).toMatchObject({ role: 'guest', disabledAt: null });
    const types = (
      db.prepare('SELECT type FROM domain_events ORDER BY seq').all() as { type: string }[]
    ).map((row) => row.type);
    expect(types).toEqual([
      'user.created',
      'user.created',
      'user.disabled',
      'user.enabled',
      'user.role_changed',
      'user.password_reset_created',
    ]);
    db.close();

    const bad: [string[], RegExp][] = [
      [['users', 'disable', 'ops@b.co'], /last enabled admin/],
      [['users', 'role', 'ops@b.co', 'member'], /last enabled admin/],
      [['users', 'disable', 'nobody@b.co'], /user was not found/],
      [['users', 'role', 'bob@b.co', 'king'], /role must be one of/],
      [['users', 'disable'], /takes 1 argument/],
      [['users', 'frobnicate'], /Unknown action/],
    ];
    for (const [argv, message] of bad) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
    }
  });
});

describe('lore migrate', () => {
  it('refuses unclear use with a message and a non-zero exit, touching nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-cli-'));
    dirs.push(dataDir);
    const withoutTarget = io({ LORE_DATA_DIR: dataDir });
    expect(await runCli(['migrate'], withoutTarget)).not.toBe(0);
    expect(withoutTarget.lines.err.join('\n')).toContain('--to postgres');
    const badUrl = io({ LORE_DATA_DIR: dataDir });
    expect(
      await runCli(['migrate', '--to', 'postgres', '--database-url', 'mysql://x/y'], badUrl),
    ).not.toBe(0);
    expect(badUrl.lines.err.join('\n')).toContain('postgresql://');
    const noInstall = io({ LORE_DATA_DIR: join(dataDir, 'nothing-here') });
    expect(
      await runCli(
        ['migrate', '--to', 'postgres', '--database-url', 'postgresql://lore@127.0.0.1:1/lore'],
        noInstall,
      ),
    ).not.toBe(0);
    expect(noInstall.lines.err.join('\n')).toContain('no Lore database');
    const help = io();
    expect(await runCli(['migrate', '--help'], help)).toBe(0);
    expect(help.lines.out.join('\n')).toContain('verified');
  });
});
