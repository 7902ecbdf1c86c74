import type { User } from '../accounts/User';
import { NotFoundError, PermissionDeniedError } from '../DomainError';
import type { Page } from '../pages/Page';
import type { PageStore } from '../pages/PageStore';
import type { Space } from '../pages/Space';
import type { SpaceStore } from '../pages/SpaceStore';
import type { AccessStore } from './AccessStore';
import {
  accessAllows,
  accessOfSpaceRole,
  lowerAccess,
  type NeededAccess,
  type PageAccess,
} from './PageAccess';
import type { PageRestriction, PrincipalList } from './PageRestriction';
import type { ReadScope } from './ReadScope';
import type { SpaceGrant } from './SpaceGrant';
import { higherSpaceRole, type SpaceRole, spaceRoleRank } from './SpaceRole';

/** Who is asking: a signed-in user, or null for someone anonymous (who may read nothing). */
export type Actor = User | null;

export interface AccessPolicyOptions {
  readonly store: AccessStore;
  readonly spaces: Pick<SpaceStore, 'findSpaceById' | 'findSpaceBySlug' | 'listSpaces'>;
  readonly pages: Pick<PageStore, 'findPageById' | 'findPageByShortId' | 'listDescendantIds'>;
}

/** A user with the groups they are in, looked up once per decision. */
interface Principal {
  readonly user: User;
  readonly groups: ReadonlySet<string>;
}

/** Where a decision reads spaces, pages and restrictions (a batch passes what it read once). */
interface EvaluationLookups {
  space(id: string): Space | null;
  page(id: string): Page | null;
  restriction(pageId: string): PageRestriction | null;
}

/** What the pages above (and including) a page impose: the tightest cap and the trash. */
interface Inherited {
  readonly cap: PageAccess;
  readonly trashed: boolean;
}

const pageNotFound = () => new NotFoundError('The page', 'page_not_found');
const spaceNotFound = () => new NotFoundError('The space', 'space_not_found');

const neededMessage: Record<NeededAccess, string> = {
  read: 'You cannot read this page.',
  comment: 'You can read this page but not comment on it.',
  edit: 'You can read this page but not change it.',
  admin: 'Only space admins can do that.',
};

/**
 * Lore's one access rule, asked by every door (routes, websocket, search, exports, previews).
 *
 * - Workspace admins hold `admin` in every space.
 * - A space role is the highest of the person's own grant, their groups' grants and, for
 *   workspace members in an open space, the space's default role. Guests hold only what they
 *   were granted, at most `editor`.
 * - A page's access follows the space role, limited by every restricted page above it and by
 *   itself (they intersect): off a view list, nothing; off an edit list, at most `comment`.
 *   Space admins are never limited, so no page becomes unreachable.
 * - Pages in the trash (or below a trashed page) are for space editors and admins only.
 *
 * Decisions read the store every time, so a change applies to the next request at once.
 */
export class AccessPolicy {
  readonly #store: AccessStore;
  readonly #spaces: AccessPolicyOptions['spaces'];
  readonly #pages: AccessPolicyOptions['pages'];

  constructor(options: AccessPolicyOptions) {
    this.#store = options.store;
    this.#spaces = options.spaces;
    this.#pages = options.pages;
  }

  /** The actor's role in a space (object, id or slug), or null when they cannot see it. */
  spaceRole(actor: Actor, space: Space | string): SpaceRole | null {
    const principal = this.#principal(actor);
    const found = typeof space === 'string' ? this.#findSpace(space) : space;
    if (!principal || !found) return null;
    return this.#roleIn(
      principal,
      found,
      this.#store.listGrantsOf(principal.user.id, [...principal.groups]),
    );
  }

  /** Every space the actor can see, with their role in it. */
  spaceRoles(actor: Actor): Map<string, SpaceRole> {
    const principal = this.#principal(actor);
    return principal ? this.#rolesOf(principal) : new Map();
  }

  readableSpaceIds(actor: Actor): string[] {
    return [...this.spaceRoles(actor).keys()];
  }

  /** What the actor may do with a page (object, id or short id); `none` for unknown pages. */
  pageAccess(actor: Actor, page: Page | string): PageAccess {
    const principal = this.#principal(actor);
    const found = typeof page === 'string' ? this.#findPage(page) : page;
    if (!principal || !found) return 'none';
    return this.#evaluation(principal).access(found);
  }

  /**
   * The access to each of `pages` at once (trees, lists): lookups are shared, so a space of
   * thousands of pages costs one pass.
   */
  pageAccessAll(actor: Actor, pages: readonly Page[]): Map<string, PageAccess> {
    const principal = this.#principal(actor);
    const result = new Map<string, PageAccess>();
    if (!principal) {
      for (const page of pages) result.set(page.id, 'none');
      return result;
    }
    const restrictions = new Map(
      this.#store.listPageRestrictions().map((restriction) => [restriction.pageId, restriction]),
    );
    const known = new Map(pages.map((page) => [page.id, page]));
    const evaluation = this.#evaluation(principal, {
      page: (id) => known.get(id) ?? this.#pages.findPageById(id),
      restriction: (id) => restrictions.get(id) ?? null,
    });
    for (const page of pages) result.set(page.id, evaluation.access(page));
    return result;
  }

  /**
   * What each of `people` may do with one page, for fan-outs to thousands (notifications):
   * the page, its ancestors, their restrictions, the space's grants and the members of the
   * groups those name are read once, and each person is then decided without another read.
   * Agrees with {@link pageAccess} for every person.
   */
  pageAccessOfPeople(people: readonly User[], page: Page): Map<string, PageAccess> {
    const result = new Map<string, PageAccess>();
    const chain = new Map<string, Page>();
    const restrictions = new Map<string, PageRestriction | null>();
    for (let current: Page | null = page; current !== null && !chain.has(current.id); ) {
      chain.set(current.id, current);
      restrictions.set(current.id, this.#store.findPageRestriction(current.id));
      current = current.parentId === null ? null : this.#pages.findPageById(current.parentId);
    }
    const grants = this.#store.listSpaceGrants(page.spaceId);
    const groupIds = new Set(
      grants.filter((grant) => grant.kind === 'group').map((grant) => grant.principalId),
    );
    for (const restriction of restrictions.values()) {
      for (const id of [...(restriction?.view?.groups ?? []), ...(restriction?.edit?.groups ?? [])])
        groupIds.add(id);
    }
    const groupsOfUser = new Map<string, string[]>();
    for (const groupId of groupIds) {
      for (const userId of this.#store.listGroupMembers(groupId)) {
        groupsOfUser.set(userId, [...(groupsOfUser.get(userId) ?? []), groupId]);
      }
    }
    const space = this.#spaces.findSpaceById(page.spaceId);
    const lookups = {
      space: (id: string) => (id === page.spaceId ? space : this.#spaces.findSpaceById(id)),
      page: (id: string) => chain.get(id) ?? this.#pages.findPageById(id),
      restriction: (id: string) =>
        restrictions.has(id) ? (restrictions.get(id) ?? null) : this.#store.findPageRestriction(id),
    };
    for (const user of people) {
      // Only the groups this space and these pages name matter to the decision.
      const principal = { user, groups: new Set(groupsOfUser.get(user.id) ?? []) };
      const own = grants.filter((grant) =>
        grant.kind === 'user'
          ? grant.principalId === user.id
          : principal.groups.has(grant.principalId),
      );
      result.set(user.id, this.#evaluation(principal, lookups, own).access(page));
    }
    return result;
  }

  /** The pages of `pages` the actor may at least read, in the same order. */
  readablePages<T extends Page>(actor: Actor, pages: readonly T[]): T[] {
    const access = this.pageAccessAll(actor, pages);
    return pages.filter((page) => access.get(page.id) !== 'none');
  }

  /**
   * A page (by id or short id) the actor may do `needed` with.
   * @throws NotFoundError `page_not_found` when it does not exist or they cannot read it (so
   *   nothing about it leaks); PermissionDeniedError when they read it but may not do that.
   */
  requirePage(actor: Actor, pageId: string, needed: NeededAccess): Page {
    return this.requirePageAccess(actor, pageId, needed).page;
  }

  /** `requirePage`, with what the actor may do with the page (at least `needed`). */
  requirePageAccess(
    actor: Actor,
    pageId: string,
    needed: NeededAccess,
  ): { page: Page; access: Exclude<PageAccess, 'none'> } {
    const page = this.#findPage(pageId);
    if (!page) throw pageNotFound();
    const access = this.pageAccess(actor, page);
    if (access === 'none') throw pageNotFound();
    if (!accessAllows(access, needed)) throw new PermissionDeniedError(neededMessage[needed]);
    return { page, access };
  }

  /**
   * A space (by id or slug) in which the actor holds at least `needed`, with their role.
   * @throws NotFoundError `space_not_found` when it does not exist or they cannot see it;
   *   PermissionDeniedError when their role is lower.
   */
  requireSpace(
    actor: Actor,
    idOrSlug: string,
    needed: SpaceRole = 'viewer',
  ): { space: Space; role: SpaceRole } {
    const space = this.#findSpace(idOrSlug);
    if (!space) throw spaceNotFound();
    const role = this.spaceRole(actor, space);
    if (role === null) throw spaceNotFound();
    if (spaceRoleRank(role) < spaceRoleRank(needed)) {
      throw new PermissionDeniedError(
        needed === 'admin'
          ? 'Only space admins can do that.'
          : `You need the ${needed} role in this space to do that.`,
      );
    }
    return { space, role };
  }

  /**
   * What the actor may read, for queries that filter before their limit (search, tags): the
   * spaces, and the restricted pages inside them (with their subpages) hidden from the actor.
   */
  readScope(actor: Actor): ReadScope {
    const principal = this.#principal(actor);
    if (!principal) return { readableSpaceIds: [], hiddenPageIds: [] };
    const roles = this.#rolesOf(principal);
    const hidden = new Set<string>();
    for (const restriction of this.#store.listPageRestrictions()) {
      if (hidden.has(restriction.pageId)) continue;
      const page = this.#pages.findPageById(restriction.pageId);
      const role = page ? (roles.get(page.spaceId) ?? null) : null;
      if (!page || role === null || role === 'admin') continue;
      if (capOf(principal, restriction) !== 'none') continue;
      hidden.add(page.id);
      for (const id of this.#pages.listDescendantIds(page.id)) hidden.add(id);
    }
    return { readableSpaceIds: [...roles.keys()], hiddenPageIds: [...hidden] };
  }

  #principal(actor: Actor): Principal | null {
    if (!actor) return null;
    return { user: actor, groups: new Set(this.#store.listGroupsOfUser(actor.id)) };
  }

  #rolesOf(principal: Principal): Map<string, SpaceRole> {
    const roles = new Map<string, SpaceRole>();
    const grants = this.#store.listGrantsOf(principal.user.id, [...principal.groups]);
    for (const space of this.#spaces.listSpaces()) {
      const role = this.#roleIn(principal, space, grants);
      if (role !== null) roles.set(space.id, role);
    }
    return roles;
  }

  #roleIn(
    principal: Principal,
    space: Space,
    grants: readonly { spaceId: string; role: SpaceRole }[],
  ): SpaceRole | null {
    const { user } = principal;
    if (user.role === 'admin') return 'admin';
    let role: SpaceRole | null =
      user.role === 'member' && space.visibility === 'open' ? space.defaultRole : null;
    for (const grant of grants) {
      if (grant.spaceId === space.id) role = higherSpaceRole(role, grant.role);
    }
    // Guests write at most; they never administer a space.
    if (user.role === 'guest' && role === 'admin') role = 'editor';
    return role;
  }

  #evaluation(
    principal: Principal,
    lookups: Partial<EvaluationLookups> = {},
    grants: readonly SpaceGrant[] = this.#store.listGrantsOf(principal.user.id, [
      ...principal.groups,
    ]),
  ) {
    const pageOf = lookups.page ?? ((id: string) => this.#pages.findPageById(id));
    const restrictionOf =
      lookups.restriction ?? ((pageId: string) => this.#store.findPageRestriction(pageId));
    const spaceOf = lookups.space ?? ((id: string) => this.#spaces.findSpaceById(id));
    const roles = new Map<string, SpaceRole | null>();
    const roleIn = (spaceId: string) => {
      if (!roles.has(spaceId)) {
        const space = spaceOf(spaceId);
        roles.set(spaceId, space ? this.#roleIn(principal, space, grants) : null);
      }
      return roles.get(spaceId) ?? null;
    };
    const inherited = new Map<string, Inherited>();
    /** The cap and trash state from the page and everything above it, memoized per page. */
    const inheritedOf = (page: Page): Inherited => {
      const chain: Page[] = [];
      const seen = new Set<string>();
      let above: Inherited = { cap: 'admin', trashed: false };
      for (let current: Page | null = page; current !== null; ) {
        const known = inherited.get(current.id);
        if (known) {
          above = known;
          break;
        }
        // A cycle (which moves never make) is treated as the top.
        if (seen.has(current.id)) break;
        seen.add(current.id);
        chain.push(current);
        current = current.parentId === null ? null : pageOf(current.parentId);
      }
      for (const current of chain.reverse()) {
        const restriction = restrictionOf(current.id);
        above = {
          cap: restriction ? lowerAccess(above.cap, capOf(principal, restriction)) : above.cap,
          trashed: above.trashed || current.deletedAt !== null,
        };
        inherited.set(current.id, above);
      }
      return above;
    };
    return {
      access(page: Page): PageAccess {
        const role = roleIn(page.spaceId);
        if (role === null) return 'none';
        if (role === 'admin') return 'admin';
        const { cap, trashed } = inheritedOf(page);
        if (trashed && spaceRoleRank(role) < spaceRoleRank('editor')) return 'none';
        return lowerAccess(accessOfSpaceRole(role), cap);
      },
    };
  }

  #findSpace(idOrSlug: string): Space | null {
    return this.#spaces.findSpaceById(idOrSlug) ?? this.#spaces.findSpaceBySlug(idOrSlug);
  }

  #findPage(idOrShortId: string): Page | null {
    return this.#pages.findPageById(idOrShortId) ?? this.#pages.findPageByShortId(idOrShortId);
  }
}

const listed = (principal: Principal, list: PrincipalList): boolean =>
  list.users.includes(principal.user.id) || list.groups.some((id) => principal.groups.has(id));

/**
 * What one restriction leaves someone: nothing when they are on neither list of a view
 * restriction, `comment` when they are off an edit restriction, otherwise no limit.
 */
function capOf(principal: Principal, restriction: PageRestriction): PageAccess {
  const onEdit = restriction.edit === null || listed(principal, restriction.edit);
  if (restriction.view !== null && !listed(principal, restriction.view)) {
    if (restriction.edit === null || !onEdit) return 'none';
  }
  return onEdit ? 'admin' : 'comment';
}
