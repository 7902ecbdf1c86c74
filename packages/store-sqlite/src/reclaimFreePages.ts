import type { Db } from './openDatabase';

/** What {@link reclaimFreePages} did. */
export interface ReclaimResult {
  /** Pages handed back to the file system. */
  readonly freedPages: number;
  /** Free pages left in the file (0 unless `maxPages` stopped early or auto-vacuum is off). */
  readonly freePagesLeft: number;
}

/**
 * Gives space freed by deleted rows (compacted update logs, pruned sessions) back to the file
 * system, up to `maxPages` pages at a time so a large backlog never holds the write lock long.
 * Works on databases created with incremental auto-vacuum, which every database created by
 * {@link openDatabase} is; on older files it does nothing (a one-off `VACUUM` converts them).
 */
export function reclaimFreePages(db: Db, maxPages = 4096): ReclaimResult {
  const before = db.pragma('freelist_count', { simple: true }) as number;
  // 2 = INCREMENTAL; NONE and FULL need nothing from us.
  if (before === 0 || db.pragma('auto_vacuum', { simple: true }) !== 2) {
    return { freedPages: 0, freePagesLeft: before };
  }
  db.pragma(`incremental_vacuum(${Math.max(1, Math.trunc(maxPages))})`);
  const after = db.pragma('freelist_count', { simple: true }) as number;
  return { freedPages: before - after, freePagesLeft: after };
}
