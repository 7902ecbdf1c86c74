import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobStore } from '@lore/core';

const sha256Pattern = /^[0-9a-f]{64}$/;

/**
 * `BlobStore` on the local disk: each blob is the file `<root>/<sha256[0:2]>/<sha256>`. Files are
 * written to a temporary name in the same folder, fsynced, renamed into place and the folder
 * fsynced, so a blob is either complete or absent after a crash; a file at the final name is
 * therefore never rewritten. The root should be inside Lore's data folder, outside any web root.
 */
export class FileBlobStore implements BlobStore {
  readonly #root: string;

  constructor(root: string) {
    this.#root = root;
  }

  /** Where the blob `sha256` lives (or would live). */
  pathOf(sha256: string): string {
    // The key becomes a path: anything but a hex digest is refused so no name can escape root.
    if (!sha256Pattern.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${sha256}`);
    return join(this.#root, sha256.slice(0, 2), sha256);
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(sha256);
    if (await this.has(sha256)) return;
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) throw new Error(`Blob bytes hash to ${actual}, not ${sha256}.`);
    const folder = join(this.#root, sha256.slice(0, 2));
    await mkdir(folder, { recursive: true });
    const temporary = join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const file = await open(temporary, 'wx', 0o640);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncFolder(folder);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async read(sha256: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(this.pathOf(sha256)));
  }

  stream(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }
}

/** Makes a rename in `folder` durable; platforms that cannot open folders skip it. */
async function syncFolder(folder: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle?.close();
  }
}
