import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveError } from './ArchiveError';
import { readFolder } from './readFolder';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lore-read-folder-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('readFolder', () => {
  it('reads files with relative paths, skipping hidden ones and symbolic links', () => {
    const outside = folder({ 'secret.md': 'secret' });
    const dir = folder({
      'a.md': 'A',
      'team/b.md': 'B',
      '.git/config': 'x',
      'team/.DS_Store': 'x',
    });
    symlinkSync(join(outside, 'secret.md'), join(dir, 'link.md'));
    const files = readFolder(dir);
    expect(files.map((file) => file.path)).toEqual(['a.md', 'team/b.md']);
    expect(new TextDecoder().decode(files[1]?.bytes)).toBe('B');
  });

  it('refuses missing folders and folders over the limits', () => {
    expect(() => readFolder('/no/such/folder')).toThrow(ArchiveError);
    const dir = folder({ 'a.md': 'x'.repeat(100), 'b.md': 'y'.repeat(100) });
    const limits = { maxEntries: 10, maxTotalBytes: 1000, maxFileBytes: 50 };
    expect(() => readFolder(dir, limits)).toThrow(/larger than 50 bytes/);
    expect(() => readFolder(dir, { ...limits, maxFileBytes: 500, maxTotalBytes: 150 })).toThrow(
      /more than 150 bytes/,
    );
    expect(() => readFolder(dir, { ...limits, maxFileBytes: 500, maxEntries: 1 })).toThrow(
      /more than 1 files/,
    );
  });
});
