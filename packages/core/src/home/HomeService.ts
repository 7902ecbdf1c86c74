import type { AccessPolicy } from '../access/AccessPolicy';
import type { AccountStore } from '../accounts/AccountStore';
import type { User } from '../accounts/User';
import type { AuditLog } from '../audit/AuditLog';
import type { Clock } from '../Clock';
import type { DiscussionStore } from '../discussion/DiscussionStore';
import type { ListedNotification, NotificationService } from '../notifications/NotificationService';
import type { WatchService } from '../notifications/WatchService';
import type { WatchStore } from '../notifications/WatchStore';
import { isPageLive } from '../pages/isPageLive';
import type { Page } from '../pages/Page';
import type { PageStore } from '../pages/PageStore';
import { untitled } from '../pages/pageTitle';
import type { Space } from '../pages/Space';
import type { SpaceStore } from '../pages/SpaceStore';
import type { Revision } from '../revisions/Revision';
import type { RevisionStore } from '../revisions/RevisionStore';

export interface HomeServiceOptions {
  readonly watches: Pick<WatchService, 'watching' | 'lastVisitAt'>;
  readonly watchStore: Pick<WatchStore, 'listRecentViews' | 'listPopularPages' | 'lastViewedAt'>;
  readonly notifications: Pick<NotificationService, 'list'>;
  readonly discussion: Pick<DiscussionStore, 'findThread' | 'listCommentsOfThreads'>;
  readonly pages: Pick<PageStore, 'findPageById' | 'listPagesInSpace'>;
  readonly spaces: Pick<SpaceStore, 'findSpaceById'>;
  readonly people: Pick<AccountStore, 'findUserById'>;
  /** Where the pages someone created are found (`page.created` records). */
  readonly audit: Pick<AuditLog, 'query'>;
  readonly revisions: Pick<RevisionStore, 'listRevisions'>;
  readonly policy: AccessPolicy;
  readonly clock: Clock;
}

/** What changed in a page since the reader's last visit. */
export interface SinceLastVisit {
  readonly page: Page;
  /** When their last visit ended (not counting the one going on), or null: never opened before. */
  readonly lastVisitAt: number | null;
  /** Someone else changed the page after that. */
  readonly changed: boolean;
  /** The newest revision from before then, to compare the page with; null when there is none. */
  readonly baseRevision: Revision | null;
  readonly updatedBy: HomePerson | null;
}

/** Someone named on Home. */
export interface HomePerson {
  readonly id: string;
  readonly name: string;
}

/** A page on Home, as the person may see it now. */
export interface HomePage {
  readonly page: Page;
  readonly space: Space;
}

export interface HomeUpdate extends HomePage {
  readonly updatedAt: number;
  readonly updatedBy: HomePerson | null;
  /** When they last opened the page, or null if they never did. */
  readonly lastVisitAt: number | null;
}

export interface HomeWaiting extends HomePage {
  readonly threadId: string;
  /** The latest reply or mention after their own last comment. */
  readonly notification: ListedNotification;
}

export interface HomeRecent extends HomePage {
  /** When they last opened or created it. */
  readonly at: number;
  readonly how: 'viewed' | 'created';
}

export interface HomeDraft extends HomePage {
  /** Still untitled: most likely left unfinished. */
  readonly draft: boolean;
}

export interface HomePopular extends HomePage {
  /** People who opened it in the last seven days. */
  readonly viewers: number;
}

export interface Home {
  readonly updatedSinceLastVisit: HomeUpdate[];
  readonly waitingForReply: HomeWaiting[];
  readonly mentions: ListedNotification[];
  readonly recent: HomeRecent[];
  readonly drafts: HomeDraft[];
  readonly popular: HomePopular[];
}

const sectionSize = 10;
const week = 7 * 24 * 3_600_000;
/** Changes older than this are not "news" on Home, however long ago the last visit was. */
const updatesLookBackMs = 30 * 24 * 3_600_000;
/** Recent notifications looked at for mentions and replies. */
const notificationsLookedAt = 100;

/**
 * A person's Home: what changed in what they watch since they last looked, threads waiting for
 * their reply, mentions, their recent and newly created pages, and what people read this week.
 * Everything is checked against what the person may read now, when Home is asked for.
 */
export class HomeService {
  readonly #o: HomeServiceOptions;

  constructor(options: HomeServiceOptions) {
    this.#o = options;
  }

  home(actor: User): Home {
    const now = this.#o.clock.now();
    const notifications = this.#o.notifications.list(actor, { limit: notificationsLookedAt }).items;
    return {
      updatedSinceLastVisit: this.#updated(actor, now),
      waitingForReply: this.#waiting(actor, notifications),
      mentions: notifications
        .filter((item) => item.notification.kind === 'mentioned')
        .slice(0, sectionSize),
      recent: this.#recent(actor),
      drafts: this.#created(actor, 50)
        .map(({ page, space }) => ({ page, space, draft: isUntitled(page) }))
        .slice(0, sectionSize),
      popular: this.#popular(actor, now),
    };
  }

  /** Whether the page changed since the reader's last visit, and what to compare it with. */
  sinceLastVisit(actor: User, pageId: string): SinceLastVisit {
    const page = this.#o.policy.requirePage(actor, pageId, 'read');
    const lastVisitAt = this.#o.watches.lastVisitAt(actor.id, page.id);
    const changed =
      lastVisitAt !== null && page.updatedAt > lastVisitAt && page.updatedBy !== actor.id;
    let baseRevision: Revision | null = null;
    if (changed) {
      let beforeNumber: number | undefined;
      for (let round = 0; round < 20 && baseRevision === null; round += 1) {
        const revisions = this.#o.revisions.listRevisions(page.id, {
          limit: 50,
          ...(beforeNumber === undefined ? {} : { beforeNumber }),
        });
        baseRevision = revisions.find((revision) => revision.createdAt <= lastVisitAt) ?? null;
        const oldest = revisions.at(-1);
        if (revisions.length < 50 || !oldest) break;
        beforeNumber = oldest.number;
      }
    }
    return {
      page,
      lastVisitAt,
      changed,
      baseRevision,
      updatedBy: changed ? this.#person(page.updatedBy) : null,
    };
  }

  #updated(actor: User, now: number): HomeUpdate[] {
    const watching = this.#o.watches.watching(actor);
    /** Page id → since when its changes are news (the start of the watch, at the latest). */
    const candidates = new Map<string, { page: Page; space: Space; since: number }>();
    for (const { page, space, since } of watching.pages)
      candidates.set(page.id, { page, space, since });
    for (const { space, since } of watching.spaces) {
      const pages = this.#o.pages
        .listPagesInSpace(space.id)
        .filter((page) => !candidates.has(page.id));
      const access = this.#o.policy.pageAccessAll(actor, pages);
      for (const page of pages) {
        if (access.get(page.id) === 'none' || !isPageLive(this.#o.pages, page)) continue;
        candidates.set(page.id, { page, space, since });
      }
    }
    const updates: HomeUpdate[] = [];
    for (const { page, space, since } of candidates.values()) {
      if (page.updatedBy === actor.id || page.updatedAt < now - updatesLookBackMs) continue;
      // Home counts the latest open: a page read since it changed is no longer news.
      const lastVisitAt = this.#o.watchStore.lastViewedAt(actor.id, page.id);
      if (page.updatedAt <= (lastVisitAt ?? since)) continue;
      updates.push({
        page,
        space,
        updatedAt: page.updatedAt,
        updatedBy: this.#person(page.updatedBy),
        lastVisitAt,
      });
    }
    return updates.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, sectionSize * 2);
  }

  #waiting(actor: User, notifications: readonly ListedNotification[]): HomeWaiting[] {
    const latest = new Map<string, ListedNotification>();
    for (const item of notifications) {
      const { kind, threadId } = item.notification;
      if ((kind !== 'thread_reply' && kind !== 'mentioned') || threadId === null) continue;
      if (!latest.has(threadId)) latest.set(threadId, item);
    }
    if (latest.size === 0) return [];
    const lastOwnComment = new Map<string, number>();
    for (const comment of this.#o.discussion.listCommentsOfThreads([...latest.keys()])) {
      if (comment.authorId !== actor.id) continue;
      lastOwnComment.set(
        comment.threadId,
        Math.max(comment.createdAt, lastOwnComment.get(comment.threadId) ?? 0),
      );
    }
    const waiting: HomeWaiting[] = [];
    for (const [threadId, item] of latest) {
      const thread = this.#o.discussion.findThread(threadId);
      if (!thread || thread.resolvedAt !== null || item.page === null) continue;
      if ((lastOwnComment.get(threadId) ?? 0) >= item.notification.createdAt) continue;
      waiting.push({ page: item.page, space: item.space, threadId, notification: item });
    }
    return waiting.slice(0, sectionSize);
  }

  #recent(actor: User): HomeRecent[] {
    const seen = new Set<string>();
    const recent: HomeRecent[] = [];
    for (const view of this.#o.watchStore.listRecentViews(actor.id, sectionSize * 3)) {
      const found = this.#readable(actor, view.pageId);
      if (found) recent.push({ ...found, at: view.viewedAt, how: 'viewed' });
    }
    for (const created of this.#created(actor, sectionSize)) {
      recent.push({ page: created.page, space: created.space, at: created.at, how: 'created' });
    }
    return recent
      .sort((a, b) => b.at - a.at)
      .filter(({ page }) => !seen.has(page.id) && seen.add(page.id))
      .slice(0, sectionSize);
  }

  /** The pages the person created most recently that they may still open, newest first. */
  #created(actor: User, limit: number): (HomePage & { at: number })[] {
    const records = this.#o.audit.query({
      actorId: actor.id,
      actions: ['page.created'],
      targetKind: 'page',
      limit,
    }).records;
    const created: (HomePage & { at: number })[] = [];
    for (const record of records) {
      const found = record.target?.id ? this.#readable(actor, record.target.id) : null;
      if (found) created.push({ ...found, at: record.at });
    }
    return created;
  }

  #popular(actor: User, now: number): HomePopular[] {
    const popular: HomePopular[] = [];
    for (const entry of this.#o.watchStore.listPopularPages(now - week, sectionSize * 5)) {
      const found = this.#readable(actor, entry.pageId);
      if (found) popular.push({ ...found, viewers: entry.viewers });
      if (popular.length === sectionSize) break;
    }
    return popular;
  }

  #readable(actor: User, pageId: string): HomePage | null {
    const page = this.#o.pages.findPageById(pageId);
    if (!page || !isPageLive(this.#o.pages, page)) return null;
    if (this.#o.policy.pageAccess(actor, page) === 'none') return null;
    const space = this.#o.spaces.findSpaceById(page.spaceId);
    return space ? { page, space } : null;
  }

  #person(userId: string): HomePerson | null {
    const person = this.#o.people.findUserById(userId);
    return person ? { id: person.id, name: person.displayName } : null;
  }
}

function isUntitled(page: Page): boolean {
  const title = page.title.trim();
  return title === '' || title === untitled;
}
