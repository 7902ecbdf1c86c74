import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobStoreContract } from '@lore/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { FileBlobStore } from './FileBlobStore';

const tempDirs: string[] = [];
const tempRoot = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-blobs-'));
  tempDirs.push(dir);
  return join(dir, 'attachments');
};

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `root`, temporary ones included. */
const filesUnder = (root: string): string[] =>
  existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
    : [];

blobStoreContract({ describe, it }, 'FileBlobStore', () => {
  const root = tempRoot();
  return { store: new FileBlobStore(root), count: () => filesUnder(root).length };
});

describe('FileBlobStore on disk', () => {
  const blob = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  };

  it('keeps each blob at <root>/<first two hex digits>/<sha256>, leaving no temporary files', async () => {
    const root = tempRoot();
    const store = new FileBlobStore(root);
    const { bytes, sha256 } = blob('a picture, say');
    await store.put(sha256, bytes);
    const expected = join(root, sha256.slice(0, 2), sha256);
    expect(filesUnder(root)).toEqual([expected]);
    expect(readFileSync(expected, 'utf8')).toBe('a picture, say');
  });

  it('refuses keys that are not hex digests and bytes that do not match their key', async () => {
    const root = tempRoot();
    const store = new FileBlobStore(root);
    const { bytes, sha256 } = blob('content');
    await expect(store.put('../../etc/passwd', bytes)).rejects.toThrow(/SHA-256/);
    await expect(store.put(sha256.toUpperCase(), bytes)).rejects.toThrow(/SHA-256/);
    await expect(store.put(blob('other').sha256, bytes)).rejects.toThrow(/hash/);
    expect(await store.has('../../etc/passwd')).toBe(false);
    expect(filesUnder(root)).toEqual([]);
  });
});
