import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../runCli';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function terminal(dataDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    env: { LORE_DATA_DIR: dataDir },
    out: (line: string) => out.push(line),
    err: (line: string) => err.push(line),
    out_: out,
    err_: err,
  };
}

async function run(dataDir: string, ...argv: string[]) {
  const io = terminal(dataDir);
  const code = await runCli(argv, io);
  return { code, out: io.out_.join('\n'), err: io.err_.join('\n') };
}

describe('lore spaces', () => {
  it('creates open and private spaces and manages their members, without the web app', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-cli-spaces-'));
    dirs.push(dataDir);
    const people = [
      ['ops@example.com', 'admin'],
      ['hana@example.com', 'member'],
      ['gus@example.com', 'guest'],
    ];
    for (const [email, role] of people) {
      const made = await run(
        dataDir,
        'users',
        'create',
        '--email',
        email ?? '',
        '--password',
        'long enough password',
        '--role',
        role ?? '',
      );
      expect(made.code, made.err).toBe(0);
    }

    expect((await run(dataDir, 'spaces', 'list')).out).toBe('No spaces yet.');
    const hr = await run(dataDir, 'spaces', 'create', 'People Team', '--slug', 'hr', '--private');
    expect(hr.code, hr.err).toBe(0);
    expect(hr.out).toBe(
      'Created the private space People Team (hr); ops@example.com is its admin.',
    );
    const docs = await run(dataDir, 'spaces', 'create', 'Docs', '--default-role', 'viewer');
    expect(docs.code, docs.err).toBe(0);
    expect((await run(dataDir, 'spaces', 'list')).out.split('\n').sort()).toEqual([
      'docs  Docs  (open, members are viewers)',
      'hr  People Team  (private)',
    ]);

    const added = await run(
      dataDir,
      'spaces',
      'members',
      'hr',
      'add',
      'hana@example.com',
      'editor',
    );
    expect(added.code, added.err).toBe(0);
    expect(added.out).toBe('hana is an editor of hr.');
    expect((await run(dataDir, 'spaces', 'members', 'hr')).out.split('\n')).toEqual([
      'editor     hana',
      'admin      ops',
    ]);

    // Guests are at most editors; the refusal changes nothing.
    const refused = await run(
      dataDir,
      'spaces',
      'members',
      'hr',
      'add',
      'gus@example.com',
      'admin',
    );
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/Guests cannot be space admins/);

    const removed = await run(dataDir, 'spaces', 'members', 'hr', 'remove', 'hana@example.com');
    expect(removed.code, removed.err).toBe(0);
    expect((await run(dataDir, 'spaces', 'members', 'hr')).out).toBe('admin      ops');
  });

  it('refuses bad use with a clear message and a non-zero exit, touching nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-cli-spaces-'));
    dirs.push(dataDir);
    const none = await run(dataDir, 'spaces', 'list');
    expect(none.code).not.toBe(0);
    expect(none.err).toMatch(/no admin yet/);
    await run(
      dataDir,
      'users',
      'create',
      '--email',
      'ops@example.com',
      '--password',
      'long enough password',
      '--admin',
    );
    const cases: [string[], RegExp][] = [
      [['spaces', 'fly'], /Unknown action: spaces fly/],
      [['spaces', 'create'], /Usage: lore spaces create/],
      [['spaces', 'create', 'X', '--default-role', 'admin'], /default role must be one of/],
      [['spaces', 'members', 'nowhere'], /space/i],
      [['spaces', 'members', 'x', 'add', 'a@b.co', 'king'], /role must be one of/],
      [['spaces', 'create', 'Y', '--as', 'nobody@example.com'], /no user with the email/],
      [['spaces', 'create', 'Bad Slug', '--slug', 'Not A Slug'], /slug/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(dataDir, ...argv);
      expect(result.code, argv.join(' ')).not.toBe(0);
      expect(result.err, argv.join(' ')).toMatch(message);
    }
    expect((await run(dataDir, 'spaces', 'list')).out).toBe('No spaces yet.');
  });
});
