import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TransferFile } from '@lore/core';
import { ArchiveError } from './ArchiveError';
import { type ArchiveLimits, defaultArchiveLimits, describeBytes } from './ArchiveLimits';
import { isIgnoredPath } from './isIgnoredPath';

/**
 * Reads a folder to import: every file under it, paths relative to it with `/`. Hidden files
 * and folders are skipped, symbolic links are not followed (so nothing outside the folder is
 * read), and the same limits as for archives apply.
 * @throws ArchiveError when the folder is missing or over the limits.
 */
export function readFolder(
  dir: string,
  limits: ArchiveLimits = defaultArchiveLimits,
): TransferFile[] {
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    throw new ArchiveError('not_found', `There is no folder at "${dir}".`);
  }
  if (!isDirectory) throw new ArchiveError('not_a_folder', `"${dir}" is not a folder.`);
  const files: TransferFile[] = [];
  let total = 0;
  const walk = (relative: string) => {
    const entries = readdirSync(join(dir, relative), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    );
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (isIgnoredPath(path)) continue;
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      if (!entry.isFile()) continue;
      const size = lstatSync(join(dir, path)).size;
      if (files.length + 1 > limits.maxEntries) {
        throw new ArchiveError(
          'too_many_files',
          `The folder holds more than ${limits.maxEntries} files.`,
          {
            tooLarge: true,
          },
        );
      }
      if (size > limits.maxFileBytes) {
        throw new ArchiveError(
          'file_too_large',
          `"${path}" is larger than ${describeBytes(limits.maxFileBytes)}.`,
          { tooLarge: true },
        );
      }
      total += size;
      if (total > limits.maxTotalBytes) {
        throw new ArchiveError(
          'archive_too_large',
          `The folder holds more than ${describeBytes(limits.maxTotalBytes)}.`,
          { tooLarge: true },
        );
      }
      files.push({ path, bytes: readFileSync(join(dir, path)) });
    }
  };
  walk('');
  return files;
}
