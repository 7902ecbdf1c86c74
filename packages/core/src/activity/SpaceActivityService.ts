import type { AccessPolicy, Actor } from '../access/AccessPolicy';
import type { AccountStore } from '../accounts/AccountStore';
import type { Page } from '../pages/Page';
import type { PageStore } from '../pages/PageStore';
import type { Space } from '../pages/Space';
import type { SpaceActivity, SpaceActivityCursor } from './SpaceActivity';
import type { SpaceActivityStore } from './SpaceActivityStore';

export interface SpaceActivityServiceOptions {
  readonly store: SpaceActivityStore;
  readonly pages: Pick<PageStore, 'findPageById'>;
  readonly people: Pick<AccountStore, 'findUserById'>;
  readonly policy: AccessPolicy;
}

/** A row of activity as a reader sees it: the page as it is now, and who did it. */
export interface SpaceActivityEntry {
  readonly activity: SpaceActivity;
  readonly page: Page;
  readonly actor: { readonly id: string; readonly name: string } | null;
}

export interface SpaceActivityPage {
  readonly space: Space;
  readonly entries: SpaceActivityEntry[];
  /** Where the next (older) page starts, or null when there is no more. */
  readonly next: SpaceActivityCursor | null;
}

/** Rows read from the store per round while filling a page with rows the reader may see. */
const batchSize = 200;

/**
 * What happened in a space, newest first, each row shown only to people who may read its page
 * now (a page made private later hides its past rows too).
 */
export class SpaceActivityService {
  readonly #store: SpaceActivityStore;
  readonly #pages: SpaceActivityServiceOptions['pages'];
  readonly #people: SpaceActivityServiceOptions['people'];
  readonly #policy: AccessPolicy;

  constructor(options: SpaceActivityServiceOptions) {
    this.#store = options.store;
    this.#pages = options.pages;
    this.#people = options.people;
    this.#policy = options.policy;
  }

  list(
    actor: Actor,
    spaceIdOrSlug: string,
    before: SpaceActivityCursor | null,
    limit: number,
  ): SpaceActivityPage {
    const { space } = this.#policy.requireSpace(actor, spaceIdOrSlug, 'viewer');
    const entries: SpaceActivityEntry[] = [];
    let cursor = before;
    for (;;) {
      const rows = this.#store.list(space.id, cursor, batchSize);
      for (const activity of rows) {
        cursor = { at: activity.at, id: activity.id };
        const page = this.#pages.findPageById(activity.pageId);
        if (!page || this.#policy.pageAccess(actor, page) === 'none') continue;
        entries.push({ activity, page, actor: this.#actorOf(activity.actorId) });
        if (entries.length === limit) return { space, entries, next: cursor };
      }
      if (rows.length < batchSize) return { space, entries, next: null };
    }
  }

  #actorOf(actorId: string | null): SpaceActivityEntry['actor'] {
    if (actorId === null) return null;
    const person = this.#people.findUserById(actorId);
    return { id: actorId, name: person?.displayName ?? 'Former member' };
  }
}
