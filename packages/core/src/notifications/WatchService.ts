import type { AccessPolicy } from '../access/AccessPolicy';
import type { User } from '../accounts/User';
import type { Clock } from '../Clock';
import { NotFoundError } from '../DomainError';
import { isPageLive } from '../pages/isPageLive';
import type { Page } from '../pages/Page';
import type { PageStore } from '../pages/PageStore';
import type { Space } from '../pages/Space';
import type { SpaceStore } from '../pages/SpaceStore';
import type { NotificationSettings } from './NotificationSettings';
import type { WatchStore } from './WatchStore';

export interface WatchServiceOptions {
  readonly store: WatchStore;
  readonly pages: Pick<PageStore, 'findPageById' | 'findPageByShortId'>;
  readonly spaces: Pick<SpaceStore, 'findSpaceById'>;
  readonly policy: AccessPolicy;
  readonly clock: Clock;
  /** Each person's settings (whether they watch what they create, edit or comment on). */
  readonly settingsOf: (userIds: readonly string[]) => Map<string, NotificationSettings>;
  /** A view of the same page by the same person within this time is not written again. Default 60 s. */
  readonly viewWriteIntervalMs?: number;
  /** Most (person, page) view times remembered for that. Default 50,000. */
  readonly maxRememberedViews?: number;
  /**
   * Opening a page after this long without opening it begins a new visit; the visit before is
   * what "changed since your last visit" compares with. Default 30 minutes.
   */
  readonly newVisitAfterMs?: number;
}

/** What someone watches and may still see. */
export interface Watching {
  readonly pages: readonly { readonly page: Page; readonly space: Space; readonly since: number }[];
  readonly spaces: readonly { readonly space: Space; readonly since: number }[];
}

/** Whether someone watches a page, and how. */
export interface PageWatchState {
  readonly page: Page;
  /** They watch the page itself. */
  readonly watching: boolean;
  /** They watch its space (so they hear of it either way). */
  readonly viaSpace: boolean;
}

const pageNotFound = () => new NotFoundError('The page', 'page_not_found');

/**
 * Watching pages and spaces: people choose it (needing read access), or it follows from what
 * they create, edit or comment on (unless their settings turn that off). Also remembers when
 * people last opened pages, so a watcher is not told of a change they have seen.
 */
export class WatchService {
  readonly #store: WatchStore;
  readonly #pages: WatchServiceOptions['pages'];
  readonly #spaces: WatchServiceOptions['spaces'];
  readonly #policy: AccessPolicy;
  readonly #clock: Clock;
  readonly #settingsOf: WatchServiceOptions['settingsOf'];
  readonly #viewWriteIntervalMs: number;
  readonly #maxRememberedViews: number;
  readonly #newVisitAfterMs: number;
  /** `user page` → when a view was last written; Map order is insertion order, oldest first. */
  readonly #viewsWritten = new Map<string, number>();

  constructor(options: WatchServiceOptions) {
    this.#store = options.store;
    this.#pages = options.pages;
    this.#spaces = options.spaces;
    this.#policy = options.policy;
    this.#clock = options.clock;
    this.#settingsOf = options.settingsOf;
    this.#viewWriteIntervalMs = options.viewWriteIntervalMs ?? 60_000;
    this.#maxRememberedViews = options.maxRememberedViews ?? 50_000;
    this.#newVisitAfterMs = options.newVisitAfterMs ?? 1_800_000;
  }

  watchPage(actor: User, pageId: string): PageWatchState {
    const page = this.#livePage(actor, pageId);
    this.#store.watch(actor.id, 'page', page.id, this.#clock.now());
    return this.#stateOf(actor, page);
  }

  unwatchPage(actor: User, pageId: string): PageWatchState {
    const page = this.#policy.requirePage(actor, pageId, 'read');
    this.#store.unwatch(actor.id, 'page', page.id, this.#clock.now());
    return this.#stateOf(actor, page);
  }

  pageState(actor: User, pageId: string): PageWatchState {
    return this.#stateOf(actor, this.#policy.requirePage(actor, pageId, 'read'));
  }

  watchSpace(actor: User, spaceIdOrSlug: string): Space {
    const { space } = this.#policy.requireSpace(actor, spaceIdOrSlug, 'viewer');
    this.#store.watch(actor.id, 'space', space.id, this.#clock.now());
    return space;
  }

  unwatchSpace(actor: User, spaceIdOrSlug: string): Space {
    const { space } = this.#policy.requireSpace(actor, spaceIdOrSlug, 'viewer');
    this.#store.unwatch(actor.id, 'space', space.id, this.#clock.now());
    return space;
  }

  /** What the person watches, newest first, leaving out what they can no longer see. */
  watching(actor: User): Watching {
    const pages: Watching['pages'][number][] = [];
    const spaces: Watching['spaces'][number][] = [];
    for (const watch of this.#store.listWatches(actor.id)) {
      if (watch.kind === 'space') {
        if (this.#policy.spaceRole(actor, watch.targetId) === null) continue;
        const space = this.#spaces.findSpaceById(watch.targetId);
        if (space) spaces.push({ space, since: watch.createdAt });
        continue;
      }
      const page = this.#pages.findPageById(watch.targetId);
      if (!page || !isPageLive(this.#pages, page)) continue;
      if (this.#policy.pageAccess(actor, page) === 'none') continue;
      const space = this.#spaces.findSpaceById(page.spaceId);
      if (space) pages.push({ page, space, since: watch.createdAt });
    }
    return { pages, spaces };
  }

  /**
   * The people of `userIds` whose settings let them watch what they work on start watching the
   * page (those watching already keep their watch). Returns who watches now because of it.
   */
  autoWatch(userIds: readonly string[], pageId: string, at: number = this.#clock.now()): string[] {
    const unique = [...new Set(userIds)];
    const settings = this.#settingsOf(unique);
    const willing = unique.filter((userId) => settings.get(userId)?.autoWatch ?? true);
    if (willing.length > 0) this.#store.watchAll(willing, 'page', pageId, at);
    return willing;
  }

  /**
   * The person opened the page. Written at most once a minute per person and page (a burst of
   * reloads is one write); the time only ever moves on.
   */
  recordView(userId: string, pageId: string): void {
    const now = this.#clock.now();
    const key = `${userId} ${pageId}`;
    const last = this.#viewsWritten.get(key);
    if (last !== undefined && now - last < this.#viewWriteIntervalMs) return;
    this.#viewsWritten.delete(key);
    this.#viewsWritten.set(key, now);
    while (this.#viewsWritten.size > this.#maxRememberedViews) {
      const oldest = this.#viewsWritten.keys().next().value;
      if (oldest === undefined) break;
      this.#viewsWritten.delete(oldest);
    }
    this.#store.recordView(userId, pageId, now, this.#newVisitAfterMs);
  }

  /**
   * When the person's last visit of the page ended, not counting the visit going on now (opens
   * less than `newVisitAfterMs` ago), or null when they have not visited it before.
   */
  lastVisitAt(userId: string, pageId: string): number | null {
    const visit = this.#store.pageVisit(userId, pageId);
    if (!visit) return null;
    const visiting = this.#clock.now() - visit.lastViewedAt <= this.#newVisitAfterMs;
    return visiting ? visit.previousViewedAt : visit.lastViewedAt;
  }

  #livePage(actor: User, pageId: string): Page {
    const page = this.#policy.requirePage(actor, pageId, 'read');
    if (!isPageLive(this.#pages, page)) throw pageNotFound();
    return page;
  }

  #stateOf(actor: User, page: Page): PageWatchState {
    return {
      page,
      watching: this.#store.isWatching(actor.id, 'page', page.id),
      viaSpace: this.#store.isWatching(actor.id, 'space', page.spaceId),
    };
  }
}
