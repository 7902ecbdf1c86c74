import type { TransferFile } from '@lore/core';
import { type Zippable, zipSync } from 'fflate';

const alreadyCompressed = /\.(png|jpe?g|gif|webp|avif|zip|gz|pdf|mp4|mp3)$/i;

/** Packs files into a zip archive (deflated, except formats that are compressed already). */
export function writeZipArchive(files: readonly TransferFile[]): Uint8Array {
  const tree: Zippable = {};
  for (const file of files) {
    tree[file.path] = [file.bytes, { level: alreadyCompressed.test(file.path) ? 0 : 6 }];
  }
  return zipSync(tree, { mtime: new Date('2020-01-01T00:00:00Z') });
}
