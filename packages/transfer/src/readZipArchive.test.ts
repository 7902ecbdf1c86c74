import { deflateSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ArchiveError } from './ArchiveError';
import type { ArchiveLimits } from './ArchiveLimits';
import { readZipArchive } from './readZipArchive';
import { writeZipArchive } from './writeZipArchive';

const text = (value: string) => new TextEncoder().encode(value);
const limits: ArchiveLimits = { maxEntries: 5, maxTotalBytes: 3000, maxFileBytes: 2000 };

function expectArchiveError(run: () => unknown, code: string, tooLarge = false): ArchiveError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe(code);
    expect((error as ArchiveError).tooLarge).toBe(tooLarge);
    return error as ArchiveError;
  }
  throw new Error(`expected ${code}`);
}

/** Rewrites the sizes every header claims for the first entry, as a zip bomb would. */
function lieAboutSize(zip: Uint8Array, claimed: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  view.setUint32(22, claimed, true);
  for (let i = 0; i < out.length - 4; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, claimed, true);
  }
  return out;
}

describe('readZipArchive', () => {
  it('reads back what writeZipArchive packed, skipping folders and hidden files', () => {
    const zip = writeZipArchive([
      { path: 'a.md', bytes: text('# A') },
      { path: 'team/b c.md', bytes: text('B') },
      { path: 'team/.DS_Store', bytes: text('x') },
      { path: '__MACOSX/team/._b c.md', bytes: text('x') },
      { path: 'img/p.png', bytes: new Uint8Array([1, 2, 3]) },
    ]);
    const files = readZipArchive(zip);
    expect(files.map((file) => file.path)).toEqual(['a.md', 'team/b c.md', 'img/p.png']);
    expect(new TextDecoder().decode(files[0]?.bytes)).toBe('# A');
    expect([...(files[2]?.bytes ?? [])]).toEqual([1, 2, 3]);
  });

  it.each([
    ['../evil.md', 'leaves the folder'],
    ['docs/../../evil.md', 'leaves the folder'],
    ['/etc/passwd', 'absolute'],
    ['docs\\evil.md', 'backslash'],
    ['C:/evil.md', 'drive letter'],
  ])('refuses the entry %j', (name, reason) => {
    const zip = zipSync({ 'ok.md': text('fine'), [name]: text('bad') });
    const error = expectArchiveError(() => readZipArchive(zip), 'unsafe_path');
    expect(error.message).toContain(reason);
  });

  it('stops a file at its limit by the bytes inflated, whatever the header claims', () => {
    const bomb = lieAboutSize(zipSync({ 'bomb.md': new Uint8Array(100_000) }), 10);
    const error = expectArchiveError(() => readZipArchive(bomb, limits), 'file_too_large', true);
    expect(error.message).toContain('bomb.md');
  });

  it('stops at the total and entry limits', () => {
    const many = zipSync({
      'a.md': new Uint8Array(1500),
      'b.md': new Uint8Array(1500),
      'c.md': new Uint8Array(1500),
    });
    expectArchiveError(() => readZipArchive(many, limits), 'archive_too_large', true);
    const files = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [`f${i}.md`, text('x')] as const),
    );
    expectArchiveError(() => readZipArchive(zipSync(files), limits), 'too_many_files', true);
  });

  it('refuses what is not a zip and damaged data', () => {
    expectArchiveError(() => readZipArchive(text('just text')), 'invalid_archive');
    const zip = zipSync({ 'a.md': text('hello hello hello hello') });
    const damaged = zip.slice();
    damaged.set(deflateSync(text('zz')).subarray(0, 2), 30 + 'a.md'.length);
    damaged.fill(0xff, 30 + 'a.md'.length, 40);
    expectArchiveError(() => readZipArchive(damaged), 'invalid_archive');
  });
});
