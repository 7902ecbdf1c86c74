import type { AccountStore } from '../accounts/AccountStore';
import type { User } from '../accounts/User';
import type { Clock } from '../Clock';
import { ValidationError } from '../DomainError';
import type { EventLog } from '../events/EventLog';
import type { Page } from '../pages/Page';
import type { PageStore } from '../pages/PageStore';
import type { AccessPolicy } from './AccessPolicy';
import type { AccessStore } from './AccessStore';
import type { PrincipalList } from './PageRestriction';

export interface PageRestrictionServiceOptions {
  readonly store: AccessStore;
  readonly policy: AccessPolicy;
  readonly pages: Pick<PageStore, 'findPageById'>;
  readonly people: Pick<AccountStore, 'findUserById'>;
  readonly clock: Clock;
  readonly events: EventLog;
}

/** What restricts a page: its own lists, and the restricted pages above it that also apply. */
export interface PageRestrictions {
  readonly view: PrincipalList | null;
  readonly edit: PrincipalList | null;
  /** Ids of the restricted pages above this one, nearest first; each applies too. */
  readonly inheritedFrom: string[];
}

/** Entries a list may name at most. */
export const restrictionListMax = 500;

/**
 * Page restrictions: limiting a page and its subpages to fewer people than its space. Anyone
 * who reads the page sees them; whoever may edit it changes them, but cannot lock themselves
 * out (space admins are never limited by restrictions).
 */
export class PageRestrictionService {
  readonly #options: PageRestrictionServiceOptions;

  constructor(options: PageRestrictionServiceOptions) {
    this.#options = options;
  }

  get(actor: User, pageId: string): PageRestrictions {
    const page = this.#options.policy.requirePage(actor, pageId, 'read');
    const own = this.#options.store.findPageRestriction(page.id);
    return {
      view: own?.view ?? null,
      edit: own?.edit ?? null,
      inheritedFrom: this.#restrictedAbove(page),
    };
  }

  /** Replaces the page's restriction (null lists: not restricted; both null lifts it). */
  set(
    actor: User,
    pageId: string,
    lists: { view: PrincipalList | null; edit: PrincipalList | null },
  ): PageRestrictions {
    const { store, policy, clock, events } = this.#options;
    const page = policy.requirePage(actor, pageId, 'edit');
    const view = lists.view === null ? null : this.#clean(lists.view);
    const edit = lists.edit === null ? null : this.#clean(lists.edit);
    if (policy.pageAccess(actor, page) !== 'admin') {
      const groups = new Set(store.listGroupsOfUser(actor.id));
      const on = (list: PrincipalList) =>
        list.users.includes(actor.id) || list.groups.some((id) => groups.has(id));
      if (
        (view !== null && !on(view) && !(edit !== null && on(edit))) ||
        (edit !== null && !on(edit))
      ) {
        throw new ValidationError(
          'Keep yourself on the lists: you would lose access to the page (space admins never do).',
        );
      }
    }
    store.transaction(() => {
      const previous = store.findPageRestriction(page.id);
      const previousView = previous?.view ?? null;
      const previousEdit = previous?.edit ?? null;
      if (sameList(previousView, view) && sameList(previousEdit, edit)) return;
      const now = clock.now();
      if (view === null && edit === null) store.removePageRestriction(page.id);
      else
        store.setPageRestriction({
          pageId: page.id,
          view,
          edit,
          updatedBy: actor.id,
          updatedAt: now,
        });
      events.append({
        type: 'page.restrictions_changed',
        pageId: page.id,
        spaceId: page.spaceId,
        actorId: actor.id,
        at: now,
        data: { view, edit, previousView, previousEdit },
      });
    });
    return { view, edit, inheritedFrom: this.#restrictedAbove(page) };
  }

  /** Sorted, without duplicates, every user and group known. */
  #clean(list: PrincipalList): PrincipalList {
    const users = [...new Set(list.users)].sort();
    const groups = [...new Set(list.groups)].sort();
    if (users.length + groups.length > restrictionListMax) {
      throw new ValidationError(
        `A restriction names at most ${restrictionListMax} people and groups.`,
      );
    }
    for (const id of users) {
      if (!this.#options.people.findUserById(id)) {
        throw new ValidationError(`There is no user ${JSON.stringify(id)}.`);
      }
    }
    for (const id of groups) {
      if (!this.#options.store.findGroupById(id)) {
        throw new ValidationError(`There is no group ${JSON.stringify(id)}.`);
      }
    }
    return { users, groups };
  }

  #restrictedAbove(page: Page): string[] {
    const found: string[] = [];
    const seen = new Set<string>([page.id]);
    let parentId = page.parentId;
    while (parentId !== null && !seen.has(parentId)) {
      seen.add(parentId);
      if (this.#options.store.findPageRestriction(parentId)) found.push(parentId);
      parentId = this.#options.pages.findPageById(parentId)?.parentId ?? null;
    }
    return found;
  }
}

function sameList(a: PrincipalList | null, b: PrincipalList | null): boolean {
  if (a === null || b === null) return a === b;
  const key = (list: PrincipalList) =>
    JSON.stringify([[...list.users].sort(), [...list.groups].sort()]);
  return key(a) === key(b);
}
