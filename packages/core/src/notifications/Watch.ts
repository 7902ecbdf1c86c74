/** What one can watch: a page, or a whole space (every page in it). */
export const watchTargetKinds = ['page', 'space'] as const;
export type WatchTargetKind = (typeof watchTargetKinds)[number];

/** A person watching a page or a space. */
export interface Watch {
  readonly userId: string;
  readonly kind: WatchTargetKind;
  /** The page's or space's id. */
  readonly targetId: string;
  readonly createdAt: number;
}

/** Someone who watches a page, directly or through its space, and when they last opened it. */
export interface PageWatcher {
  readonly userId: string;
  /** How: the page itself (when both, `page`), or its space. */
  readonly via: WatchTargetKind;
  readonly lastViewedAt: number | null;
}

/** When someone last opened a page, and when the visit before the current one ended. */
export interface PageVisit {
  readonly lastViewedAt: number;
  /** Null when they have opened the page in one visit only. */
  readonly previousViewedAt: number | null;
}

/** A page someone opened, and when they last did. */
export interface PageView {
  readonly pageId: string;
  readonly viewedAt: number;
}

/** A page and how many people opened it in a period. */
export interface PopularPage {
  readonly pageId: string;
  readonly viewers: number;
  /** The latest of their opens. */
  readonly lastViewedAt: number;
}
