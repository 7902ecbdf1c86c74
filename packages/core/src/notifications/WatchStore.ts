import type {
  PageView,
  PageVisit,
  PageWatcher,
  PopularPage,
  Watch,
  WatchTargetKind,
} from './Watch';

/** Persistence of who watches which pages and spaces, and when people last opened pages. */
export interface WatchStore {
  /**
   * Starts watching; false when they watched it already (the first time is kept). Watching a page
   * clears an earlier explicit unwatch of it.
   */
  watch(userId: string, kind: WatchTargetKind, targetId: string, at: number): boolean;
  /**
   * `watch` for several people at once, on their behalf (automatic watching): those watching
   * already are left as they are, and those who explicitly unwatched the page are not added.
   */
  watchAll(userIds: readonly string[], kind: WatchTargetKind, targetId: string, at: number): void;
  /**
   * Stops watching; false when they did not watch it. Unwatching a page is remembered, so
   * `watchAll` does not watch it again for them.
   */
  unwatch(userId: string, kind: WatchTargetKind, targetId: string, at: number): boolean;
  /** What the person watches, newest first. */
  listWatches(userId: string): Watch[];
  /** Whether the person watches the page or space itself. */
  isWatching(userId: string, kind: WatchTargetKind, targetId: string): boolean;
  /**
   * Everyone who watches the page or its space (`spaceId`), each once, with when they last
   * opened the page: one query, however many watch.
   */
  listPageWatchers(pageId: string, spaceId: string): PageWatcher[];
  /**
   * Records that the person opened the page at `at` (a later time only ever moves it on). When
   * more than `newVisitAfterMs` passed since the last open, a new visit begins and the last open
   * is kept as the end of the previous visit.
   */
  recordView(userId: string, pageId: string, at: number, newVisitAfterMs: number): void;
  lastViewedAt(userId: string, pageId: string): number | null;
  /** When the person last opened the page and when their previous visit ended, or null. */
  pageVisit(userId: string, pageId: string): PageVisit | null;
  /** The pages the person opened most recently, newest first. */
  listRecentViews(userId: string, limit: number): PageView[];
  /**
   * The pages most people opened since `since` (each person once, by their last open), most
   * first, then most recently opened, then by id.
   */
  listPopularPages(since: number, limit: number): PopularPage[];
  /** Runs `work` atomically against this store. */
  transaction<T>(work: () => T): T;
}
