/** Bounds on what an import reads, checked against the bytes actually inflated or read. */
export interface ArchiveLimits {
  /** Most files (directories not counted). */
  readonly maxEntries: number;
  /** Most bytes of all files together. */
  readonly maxTotalBytes: number;
  /** Most bytes of one file. */
  readonly maxFileBytes: number;
}

/** 10 000 files, 512 MiB in all, 32 MiB per file. */
export const defaultArchiveLimits: ArchiveLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 512 * 1024 * 1024,
  maxFileBytes: 32 * 1024 * 1024,
};

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`
    : `${bytes} bytes`;
}
