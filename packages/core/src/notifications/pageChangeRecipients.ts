import type { PageWatcher } from './Watch';

export interface PageChangeRecipientsInput {
  /** Everyone watching the page or its space, with when they last opened it. */
  readonly watchers: readonly PageWatcher[];
  /** When each watcher was last told the page changed, for those ever told. */
  readonly lastNotifiedAt: ReadonlyMap<string, number>;
  /** Who made the change: never told of their own work. */
  readonly editors: ReadonlySet<string>;
  /** The change's last edit. */
  readonly changedAt: number;
  /** Now (the change's event). */
  readonly at: number;
  /** A watcher is told of a page's changes at most once in this time. */
  readonly windowMs: number;
}

/**
 * Which watchers to tell that a page changed: not its editors, not who opened the page after the
 * change (they have seen it), and not who was told of this page within the window.
 */
export function pageChangeRecipients(input: PageChangeRecipientsInput): string[] {
  return input.watchers
    .filter((watcher) => {
      if (input.editors.has(watcher.userId)) return false;
      if (watcher.lastViewedAt !== null && watcher.lastViewedAt >= input.changedAt) return false;
      const told = input.lastNotifiedAt.get(watcher.userId);
      return told === undefined || input.at - told >= input.windowMs;
    })
    .map((watcher) => watcher.userId);
}
