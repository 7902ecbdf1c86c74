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
