import type {
  PageView,
  PageVisit,
  PageWatcher,
  PopularPage,
  Watch,
  WatchTargetKind,
} from './Watch';
import type { WatchStore } from './WatchStore';

const keyOf = (userId: string, kind: WatchTargetKind, targetId: string) =>
  `${userId}\u0000${kind}\u0000${targetId}`;

/** `WatchStore` in memory, for tests of the services. */
export class MemoryWatchStore implements WatchStore {
  readonly #watches = new Map<string, Watch>();
  readonly #views = new Map<string, { userId: string; pageId: string } & PageVisit>();
  /** `user page` of pages people explicitly unwatched. */
  readonly #unwatched = new Set<string>();

  watch(userId: string, kind: WatchTargetKind, targetId: string, at: number): boolean {
    const key = keyOf(userId, kind, targetId);
    if (kind === 'page') this.#unwatched.delete(key);
    if (this.#watches.has(key)) return false;
    this.#watches.set(key, { userId, kind, targetId, createdAt: at });
    return true;
  }

  watchAll(userIds: readonly string[], kind: WatchTargetKind, targetId: string, at: number): void {
    for (const userId of userIds) {
      if (!this.#unwatched.has(keyOf(userId, kind, targetId)))
        this.watch(userId, kind, targetId, at);
    }
  }

  unwatch(userId: string, kind: WatchTargetKind, targetId: string, _at: number): boolean {
    const key = keyOf(userId, kind, targetId);
    if (kind === 'page') this.#unwatched.add(key);
    return this.#watches.delete(key);
  }

  listWatches(userId: string): Watch[] {
    return [...this.#watches.values()]
      .filter((watch) => watch.userId === userId)
      .sort(
        (a, b) =>
          b.createdAt - a.createdAt ||
          (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.targetId < b.targetId ? -1 : 1),
      );
  }

  isWatching(userId: string, kind: WatchTargetKind, targetId: string): boolean {
    return this.#watches.has(keyOf(userId, kind, targetId));
  }

  listPageWatchers(pageId: string, spaceId: string): PageWatcher[] {
    const watchers = new Map<string, PageWatcher>();
    for (const watch of this.#watches.values()) {
      const matches =
        (watch.kind === 'page' && watch.targetId === pageId) ||
        (watch.kind === 'space' && watch.targetId === spaceId);
      if (!matches) continue;
      const known = watchers.get(watch.userId);
      if (known?.via === 'page') continue;
      watchers.set(watch.userId, {
        userId: watch.userId,
        via: watch.kind,
        lastViewedAt: this.lastViewedAt(watch.userId, pageId),
      });
    }
    return [...watchers.values()].sort((a, b) => (a.userId < b.userId ? -1 : 1));
  }

  recordView(userId: string, pageId: string, at: number, newVisitAfterMs: number): void {
    const key = `${userId}\u0000${pageId}`;
    const known = this.#views.get(key);
    if (!known) {
      this.#views.set(key, { userId, pageId, lastViewedAt: at, previousViewedAt: null });
      return;
    }
    this.#views.set(key, {
      userId,
      pageId,
      lastViewedAt: Math.max(at, known.lastViewedAt),
      previousViewedAt:
        at - known.lastViewedAt > newVisitAfterMs ? known.lastViewedAt : known.previousViewedAt,
    });
  }

  lastViewedAt(userId: string, pageId: string): number | null {
    return this.#views.get(`${userId}\u0000${pageId}`)?.lastViewedAt ?? null;
  }

  pageVisit(userId: string, pageId: string): PageVisit | null {
    const known = this.#views.get(`${userId}\u0000${pageId}`);
    return known
      ? { lastViewedAt: known.lastViewedAt, previousViewedAt: known.previousViewedAt }
      : null;
  }

  listRecentViews(userId: string, limit: number): PageView[] {
    return [...this.#views.values()]
      .filter((view) => view.userId === userId)
      .sort((a, b) => b.lastViewedAt - a.lastViewedAt || (a.pageId < b.pageId ? -1 : 1))
      .slice(0, limit)
      .map((view) => ({ pageId: view.pageId, viewedAt: view.lastViewedAt }));
  }

  listPopularPages(since: number, limit: number): PopularPage[] {
    const byPage = new Map<string, PopularPage>();
    for (const view of this.#views.values()) {
      if (view.lastViewedAt < since) continue;
      const known = byPage.get(view.pageId);
      byPage.set(view.pageId, {
        pageId: view.pageId,
        viewers: (known?.viewers ?? 0) + 1,
        lastViewedAt: Math.max(known?.lastViewedAt ?? 0, view.lastViewedAt),
      });
    }
    return [...byPage.values()]
      .sort(
        (a, b) =>
          b.viewers - a.viewers ||
          b.lastViewedAt - a.lastViewedAt ||
          (a.pageId < b.pageId ? -1 : 1),
      )
      .slice(0, limit);
  }

  transaction<T>(work: () => T): T {
    return work();
  }
}
