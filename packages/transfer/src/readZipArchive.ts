import { checkTransferPath, type TransferFile, ValidationError } from '@lore/core';
import { Unzip, UnzipInflate } from 'fflate';
import { ArchiveError } from './ArchiveError';
import { type ArchiveLimits, defaultArchiveLimits, describeBytes } from './ArchiveLimits';
import { isIgnoredPath } from './isIgnoredPath';

const localHeader = [0x50, 0x4b, 0x03, 0x04];
const emptyArchive = [0x50, 0x4b, 0x05, 0x06];

/**
 * Reads a zip archive into files, defensively: every entry's path must stay inside the archive
 * (no `..`, absolute paths, backslashes or drive letters), and the entry count, each file's size
 * and the total are checked against the bytes actually inflated, whatever the headers claim, so
 * a zip bomb stops at the limit. Hidden files and `__MACOSX/` are skipped.
 * @throws ArchiveError (`invalid_archive`, `unsafe_path`, `archive_too_large`, `file_too_large`,
 *   `too_many_files`).
 */
export function readZipArchive(
  bytes: Uint8Array,
  limits: ArchiveLimits = defaultArchiveLimits,
): TransferFile[] {
  const startsWith = (magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (startsWith(emptyArchive)) return [];
  if (!startsWith(localHeader)) {
    throw new ArchiveError('invalid_archive', 'The body is not a zip archive.');
  }
  const files: TransferFile[] = [];
  const seen = new Set<string>();
  let entries = 0;
  let total = 0;
  // fflate catches what its callbacks throw and reports it as a stream error, so the first
  // failure is kept here, the rest of the archive ignored, and the failure thrown at the end.
  let failure: ArchiveError | null = null;
  const fail = (error: ArchiveError) => {
    failure ??= error;
  };
  const unzip = new Unzip((entry) => {
    if (failure) return;
    const path = entry.name;
    const isFolder = path.endsWith('/');
    try {
      checkTransferPath(isFolder ? path.slice(0, -1) : path);
    } catch (error) {
      if (error instanceof ValidationError) throw new ArchiveError('unsafe_path', error.message);
      throw error;
    }
    if (isFolder) return;
    entries++;
    if (entries > limits.maxEntries) {
      throw new ArchiveError(
        'too_many_files',
        `The archive holds more than ${limits.maxEntries} files.`,
        { tooLarge: true },
      );
    }
    if (seen.has(path)) {
      throw new ArchiveError('invalid_archive', `The archive holds "${path}" twice.`);
    }
    seen.add(path);
    const ignored = isIgnoredPath(path);
    const chunks: Uint8Array[] = [];
    let size = 0;
    entry.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        fail(new ArchiveError('invalid_archive', `"${path}" is damaged: ${error.message}.`));
        return;
      }
      size += chunk.byteLength;
      total += chunk.byteLength;
      if (size > limits.maxFileBytes) {
        entry.terminate();
        fail(
          new ArchiveError(
            'file_too_large',
            `"${path}" is larger than ${describeBytes(limits.maxFileBytes)} once unpacked.`,
            { tooLarge: true },
          ),
        );
        return;
      }
      if (total > limits.maxTotalBytes) {
        entry.terminate();
        fail(
          new ArchiveError(
            'archive_too_large',
            `The archive unpacks to more than ${describeBytes(limits.maxTotalBytes)}.`,
            { tooLarge: true },
          ),
        );
        return;
      }
      if (!ignored) chunks.push(chunk);
      if (final && !ignored) files.push({ path, bytes: concat(chunks, size) });
    };
    try {
      entry.start();
    } catch (error) {
      if (error instanceof ArchiveError) throw error;
      throw new ArchiveError(
        'invalid_archive',
        `"${path}" uses a compression method that is not supported (use deflate).`,
      );
    }
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(
      'invalid_archive',
      `The zip archive is damaged: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  if (failure) throw failure;
  return files;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
