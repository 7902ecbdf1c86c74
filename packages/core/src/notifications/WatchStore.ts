import type { PageWatcher, Watch, WatchTargetKind } from './Watch';

/** Persistence of who watches which pages and spaces, and when people last opened pages. */
export interface WatchStore {
  /** Starts watching; false when they watched it already (the first time is kept). */
  watch(userId: string, kind: WatchTargetKind, targetId: string, at: number): boolean;
  /** `watch` for several people at once (those watching already are left as they are). */
  watchAll(userIds: readonly string[], kind: WatchTargetKind, targetId: string, at: number): void;
  /** Stops watching; false when they did not watch it. */
  unwatch(userId: string, kind: WatchTargetKind, targetId: string): boolean;
  /** What the person watches, newest first. */
  listWatches(userId: string): Watch[];
  /** Whether the person watches the page or space itself. */
  isWatching(userId: string, kind: WatchTargetKind, targetId: string): boolean;
  /**
   * Everyone who watches the page or its space (`spaceId`), each once, with when they last
   * opened the page: one query, however many watch.
   */
  listPageWatchers(pageId: string, spaceId: string): PageWatcher[];
  /** Records that the person opened the page at `at` (a later time only ever moves it on). */
  recordView(userId: string, pageId: string, at: number): void;
  lastViewedAt(userId: string, pageId: string): number | null;
  /** Runs `work` atomically against this store. */
  transaction<T>(work: () => T): T;
}
