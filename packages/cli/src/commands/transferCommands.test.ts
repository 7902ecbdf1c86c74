import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZipArchive } from '@lore/transfer';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../runCli';
import { importCommand } from './importCommand';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lore-cli-transfer-'));
  dirs.push(dir);
  return dir;
}

function io(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    env,
    out: (line: string) => out.push(line),
    err: (line: string) => err.push(line),
    lines: { out, err },
  };
}

function writeTree(root: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

async function preparedDataDir(): Promise<string> {
  const dataDir = tempDir();
  const terminal = io({ LORE_DATA_DIR: dataDir });
  const created = [
    'users',
    'create',
    '--email',
    'ops@example.com',
    '--password',
    'operator password',
  ];
  expect(await runCli([...created, '--admin'], terminal)).toBe(0);
  return dataDir;
}

describe('lore import and lore export', () => {
  it('imports a folder with a progress bar and a summary, then exports it', async () => {
    const dataDir = await preparedDataDir();
    const folder = tempDir();
    writeTree(folder, {
      'index.md': '# Home\n\nSee [the guide](guide/).\n',
      'guide/README.md': '# Guide\n\nBack [home](../index.md), [nowhere](missing.md).\n',
    });
    // The space is made through the same runtime the server and the commands use.
    const { createLore, loadConfig } = await import('@lore/server');
    const runtime = await createLore(loadConfig({ LORE_DATA_DIR: dataDir }));
    const { SqliteAccountStore } = await import('@lore/store-sqlite');
    const admin = new SqliteAccountStore(runtime.services.db).listUsers()[0];
    if (!admin) throw new Error('no admin');
    runtime.services.pages.createSpace(admin, { name: 'Docs', slug: 'docs' });
    await runtime.close();

    const terminal = io({ LORE_DATA_DIR: dataDir });
    const drawn: string[] = [];
    const summary = await importCommand([folder, '--space', 'docs'], terminal, {
      isTTY: true,
      write: (text) => drawn.push(text),
    });
    expect(summary?.pages).toEqual({ created: 2, updated: 0 });
    expect(drawn.join('')).toContain('Importing pages [');
    expect(terminal.lines.out[0]).toMatch(/2 pages created, 0 updated/);
    expect(terminal.lines.out).toContain('  unresolved link guide/README.md:3 missing.md');

    const out = join(tempDir(), 'docs.zip');
    expect(await runCli(['export', '--space', 'docs', '--out', out], terminal)).toBe(0);
    const files = readZipArchive(readFileSync(out)).map((file) => file.path);
    expect(files.sort()).toEqual(['guide.md', 'home.md']);
  }, 60_000);

  it('exits non-zero with a clear message on bad input', async () => {
    const dataDir = await preparedDataDir();
    const terminal = io({ LORE_DATA_DIR: dataDir });
    expect(await runCli(['import', '/no/such/folder', '--space', 'docs'], terminal)).toBe(2);
    expect(terminal.lines.err.at(-1)).toContain('There is no folder at "/no/such/folder"');
    expect(await runCli(['import', tempDir()], terminal)).toBe(2);
    expect(terminal.lines.err.at(-1)).toContain('--space');

    const folder = tempDir();
    writeTree(folder, { 'a.md': '# A' });
    writeFileSync(join(folder, 'latin1.md'), Buffer.from([0x23, 0x20, 0xe9]));
    expect(await runCli(['import', folder, '--space', 'nope'], terminal)).toBe(2);
    expect(terminal.lines.err.at(-1)).toContain('The space was not found');
    expect(await runCli(['export', '--out', join(folder, 'x.zip')], terminal)).toBe(2);
  }, 60_000);
});
