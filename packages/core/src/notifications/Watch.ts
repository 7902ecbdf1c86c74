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
