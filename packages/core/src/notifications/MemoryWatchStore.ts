import type { PageWatcher, Watch, WatchTargetKind } from './Watch';
import type { WatchStore } from './WatchStore';

const keyOf = (userId: string, kind: WatchTargetKind, targetId: string) =>
  `${userId}\u0000${kind}\u0000${targetId}`;

/** `WatchStore` in memory, for tests of the services. */
export class MemoryWatchStore implements WatchStore {
  readonly #watches = new Map<string, Watch>();
  readonly #views = new Map<string, number>();

  watch(userId: string, kind: WatchTargetKind, targetId: string, at: number): boolean {
    const key = keyOf(userId, kind, targetId);
    if (this.#watches.has(key)) return false;
    this.#watches.set(key, { userId, kind, targetId, createdAt: at });
    return true;
  }

  watchAll(userIds: readonly string[], kind: WatchTargetKind, targetId: string, at: number): void {
    for (const userId of userIds) this.watch(userId, kind, targetId, at);
  }

  unwatch(userId: string, kind: WatchTargetKind, targetId: string): boolean {
    return this.#watches.delete(keyOf(userId, kind, targetId));
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

  recordView(userId: string, pageId: string, at: number): void {
    const key = `${userId}\u0000${pageId}`;
    this.#views.set(key, Math.max(at, this.#views.get(key) ?? at));
  }

  lastViewedAt(userId: string, pageId: string): number | null {
    return this.#views.get(`${userId}\u0000${pageId}`) ?? null;
  }

  transaction<T>(work: () => T): T {
    return work();
  }
}
