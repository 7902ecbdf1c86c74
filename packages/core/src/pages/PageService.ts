import { randomUUID } from 'node:crypto';
import type { AccessPolicy } from '../access/AccessPolicy';
import type { AccessStore } from '../access/AccessStore';
import type { PageAccess } from '../access/PageAccess';
import type { DefaultSpaceRole, SpaceRole } from '../access/SpaceRole';
import type { SpaceVisibility } from '../access/SpaceVisibility';
import { assertWorkspaceMember } from '../access/workspaceRole';
import type { User } from '../accounts/User';
import type { Clock } from '../Clock';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '../DomainError';
import type { DomainEventData, DomainEventType } from '../events/DomainEvent';
import type { EventLog } from '../events/EventLog';
import { isPageLive } from './isPageLive';
import type { Page, PageTreeNode } from './Page';
import type { PageContent, RenderedPage } from './PageContent';
import type { PageStore } from './PageStore';
import { isPageIcon } from './pageIcon';
import { normalizeTitle } from './pageTitle';
import { reservedSpaceSlugs } from './parsePageHref';
import { positionBetween } from './positionBetween';
import type { Space } from './Space';
import type { SpaceStore } from './SpaceStore';
import { newShortId } from './shortId';
import { slugify } from './slugify';

export interface PageServiceOptions {
  readonly spaces: SpaceStore;
  readonly pages: PageStore;
  readonly content: PageContent;
  readonly clock: Clock;
  /** Where every change writes its domain event, in the change's own transaction. */
  readonly events: EventLog;
  /** Where a new space's creator is made its admin. */
  readonly access: Pick<AccessStore, 'setSpaceGrant'>;
  /** Who may do what; asked by every method that takes an actor. */
  readonly policy: AccessPolicy;
}

export interface NewSpace {
  readonly name: string;
  readonly slug?: string;
  readonly description?: string;
  /** Default `open`. */
  readonly visibility?: SpaceVisibility;
  /** The role an open space gives workspace members; default `editor`. */
  readonly defaultRole?: DefaultSpaceRole;
}

/** A space with the role the person asking holds in it. */
export interface SpaceWithRole {
  readonly space: Space;
  readonly role: SpaceRole;
}

export interface NewPage {
  readonly spaceId: string;
  readonly title: string;
  readonly parentId?: string | null;
  /** Initial body as GitHub-flavoured Markdown. */
  readonly markdown?: string;
}

/** A page with the space it lives in. */
export interface PageInfo {
  readonly page: Page;
  readonly space: Space;
  /** The actor's role in the space. */
  readonly role: SpaceRole;
  /** What the actor may do with the page, restrictions counted. */
  readonly access: Exclude<PageAccess, 'none'>;
}

export interface PageWithContent extends PageInfo, RenderedPage {}

/** Where to move a page: a parent (null for the top level) and the siblings to land between. */
export interface PageMove {
  /** The target space, by id or slug; defaults to the parent's space, else the page's own. */
  readonly spaceId?: string;
  readonly parentId: string | null;
  /** The sibling to land before (below the page once moved). */
  readonly beforeId?: string | null;
  /** The sibling to land after (above the page once moved). */
  readonly afterId?: string | null;
}

/** Changes to a page's metadata; absent fields stay as they are. */
export interface PageChanges {
  readonly title?: string;
  /** One emoji, or null to remove the icon. */
  readonly icon?: string | null;
}

/** A page offered while typing a link, with its space for the address. */
export interface PageSuggestion {
  readonly page: Page;
  readonly space: Space;
}

/** The siblings named for a move are not children of the target parent, or are out of order. */
export class InvalidPositionError extends DomainError {
  readonly code = 'invalid_position';
}

export const suggestLimitDefault = 8;
export const suggestLimitMax = 20;

const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;

/** Spaces and the pages in them: creation, reading, renaming, trash. */
export class PageService {
  readonly #spaces: SpaceStore;
  readonly #pages: PageStore;
  readonly #content: PageContent;
  readonly #clock: Clock;
  readonly #events: EventLog;
  readonly #access: Pick<AccessStore, 'setSpaceGrant'>;
  readonly #policy: AccessPolicy;

  constructor(options: PageServiceOptions) {
    this.#spaces = options.spaces;
    this.#pages = options.pages;
    this.#content = options.content;
    this.#clock = options.clock;
    this.#events = options.events;
    this.#access = options.access;
    this.#policy = options.policy;
  }

  /** Creates a space; its creator becomes its admin. Workspace admins and members only. */
  createSpace(actor: User, input: NewSpace): Space {
    assertWorkspaceMember(actor, 'Guests cannot create spaces.');
    const name = input.name.trim();
    if (name.length === 0 || name.length > 100) {
      throw new ValidationError('A space name must be 1 to 100 characters.');
    }
    const slug = input.slug ?? slugify(name);
    if (!slugPattern.test(slug)) {
      throw new ValidationError(
        'A space slug must be 1 to 60 lowercase letters, digits or dashes, starting and ending with a letter or digit.',
      );
    }
    // Page addresses start with the space slug, so it cannot be one of the app's own paths.
    if (reservedSpaceSlugs.has(slug)) {
      throw new ValidationError(`"${slug}" is reserved; choose another space address.`);
    }
    const now = this.#clock.now();
    const space: Space = {
      id: randomUUID(),
      slug,
      name,
      description: (input.description ?? '').trim(),
      visibility: input.visibility ?? 'open',
      defaultRole: input.defaultRole ?? 'editor',
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    };
    this.#pages.transaction(() => {
      if (!this.#spaces.insertSpace(space)) {
        throw new ConflictError('slug_taken', `A space with the address "${slug}" already exists.`);
      }
      this.#access.setSpaceGrant({
        spaceId: space.id,
        kind: 'user',
        principalId: actor.id,
        role: 'admin',
      });
      this.#events.append({
        type: 'space.created',
        pageId: null,
        spaceId: space.id,
        actorId: actor.id,
        at: now,
        data: { name, slug },
      });
    });
    return space;
  }

  /** The spaces the actor can see, with their role in each. */
  listSpaces(actor: User): SpaceWithRole[] {
    const roles = this.#policy.spaceRoles(actor);
    return this.#spaces.listSpaces().flatMap((space) => {
      const role = roles.get(space.id);
      return role ? [{ space, role }] : [];
    });
  }

  /** A space the actor can see, by id or slug (`space_not_found` otherwise). */
  getSpace(actor: User, idOrSlug: string): Space {
    return this.#policy.requireSpace(actor, idOrSlug).space;
  }

  /** A space the actor can see, with their role in it. */
  getSpaceWithRole(actor: User, idOrSlug: string): SpaceWithRole {
    return this.#policy.requireSpace(actor, idOrSlug);
  }

  /** Creates a page; needs the editor role in the space and edit access to the parent. */
  async createPage(actor: User, input: NewPage): Promise<Page> {
    const { space } = this.#policy.requireSpace(actor, input.spaceId, 'editor');
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = this.#pages.findPageById(parentId);
      if (
        !parent ||
        parent.spaceId !== space.id ||
        !isPageLive(this.#pages, parent) ||
        this.#policy.pageAccess(actor, parent) === 'none'
      ) {
        throw new NotFoundError('The parent page', 'parent_not_found');
      }
      this.#policy.requirePage(actor, parent.id, 'edit');
    }
    const title = normalizeTitle(input.title);
    const id = randomUUID();
    // The document is written first: a crash before the row exists leaves an unreferenced log,
    // never a page whose content was acknowledged and then lost.
    // An untitled page keeps an empty title in its document, so the first words typed into the
    // title field are the title (the page list shows "Untitled" meanwhile).
    await this.#content.create(id, input.title.trim() === '' ? '' : title, input.markdown ?? '');
    const now = this.#clock.now();
    return this.#pages.transaction(() => {
      const page: Page = {
        id,
        shortId: newShortId(),
        spaceId: space.id,
        parentId,
        position: positionBetween(this.#pages.lastChildPosition(space.id, parentId), null),
        title,
        icon: null,
        createdBy: actor.id,
        createdAt: now,
        updatedBy: actor.id,
        updatedAt: now,
        deletedAt: null,
        deletedBy: null,
      };
      this.#pages.insertPage(page);
      this.#emit(page, actor.id, now, 'page.created', { title, parentId });
      return page;
    });
  }

  /**
   * A page's metadata, live or in the trash (trashed pages are for space editors, who may
   * restore them); `page_not_found` when the actor cannot read it.
   */
  getPageMeta(actor: User, pageId: string): Page {
    return this.#policy.requirePage(actor, pageId, 'read');
  }

  /** A page (by id or short id) and its space, without reading its content. */
  getPageInfo(actor: User, pageId: string): PageInfo {
    const { page, access } = this.#policy.requirePageAccess(actor, pageId, 'read');
    const { space, role } = this.#policy.requireSpace(actor, page.spaceId);
    return { page, space, role, access };
  }

  async getPage(actor: User, pageId: string): Promise<PageWithContent> {
    const info = this.getPageInfo(actor, pageId);
    return { ...info, ...(await this.#content.render(info.page.id)) };
  }

  async renamePage(actor: User, pageId: string, title: string): Promise<Page> {
    const page = this.#editableLivePage(actor, pageId);
    const normalized = normalizeTitle(title);
    await this.#content.setTitle(page.id, normalized);
    this.#recordTitle(page.id, normalized, actor.id);
    return this.#requirePage(page.id);
  }

  /** Changes a page's title and/or icon; invalid input changes nothing. */
  async updatePage(actor: User, pageId: string, changes: PageChanges): Promise<Page> {
    const page = this.#editableLivePage(actor, pageId);
    if (changes.icon !== undefined && changes.icon !== null && !isPageIcon(changes.icon)) {
      throw new ValidationError('An icon must be a single emoji.');
    }
    if (changes.title !== undefined) await this.renamePage(actor, page.id, changes.title);
    if (changes.icon !== undefined && changes.icon !== page.icon) {
      const icon = changes.icon;
      const now = this.#clock.now();
      this.#pages.transaction(() => {
        this.#pages.setIcon(page.id, icon, actor.id, now);
        this.#emit(page, actor.id, now, 'page.icon_changed', { icon });
      });
    }
    return this.#requirePage(page.id);
  }

  /**
   * Moves a page (with its subpages) under another parent, between two siblings, possibly into
   * another space. The checks and the write happen in one store transaction, so concurrent moves
   * can never build a cycle: a move that would put a page below itself fails with `move_cycle`.
   */
  movePage(actor: User, pageId: string, move: PageMove): Page {
    return this.#pages.transaction(() => {
      const page = this.#editableLivePage(actor, pageId);
      if (!isPageLive(this.#pages, page)) throw pageNotFound();
      const found = move.parentId === null ? null : this.#findPage(move.parentId);
      const parent = found && this.#policy.pageAccess(actor, found) !== 'none' ? found : null;
      if (move.parentId !== null && !parent) throw parentNotFound();
      // Moving needs the editor role where the page lands and edit access to its new parent.
      const { space } = this.#policy.requireSpace(
        actor,
        move.spaceId ?? parent?.spaceId ?? page.spaceId,
        'editor',
      );
      if (parent) {
        if (parent.spaceId !== space.id) throw parentNotFound();
        this.#assertNoCycle(page, parent);
        this.#policy.requirePage(actor, parent.id, 'edit');
      }
      const siblings = this.#pages
        .listChildren(space.id, parent?.id ?? null)
        .filter((sibling) => sibling.id !== page.id);
      const position = positionAmong(siblings, move.afterId ?? null, move.beforeId ?? null);
      const now = this.#clock.now();
      this.#pages.placePage(
        page.id,
        { spaceId: space.id, parentId: parent?.id ?? null, position },
        actor.id,
        now,
      );
      if (space.id !== page.spaceId) {
        this.#pages.setSpace(this.#pages.listDescendantIds(page.id), space.id);
      }
      const placed = this.#requirePage(page.id);
      this.#emit(placed, actor.id, now, 'page.moved', {
        parentId: placed.parentId,
        previousParentId: page.parentId,
        previousSpaceId: page.spaceId,
      });
      return placed;
    });
  }

  /**
   * Live pages whose title matches `query` for link autocompletion: titles starting with it
   * first, then a word starting with it, then containing it; recently updated first within each.
   * An empty query gives the most recently updated pages.
   */
  suggestPages(actor: User, query: string, limit = suggestLimitDefault): PageSuggestion[] {
    const wanted = Math.max(1, Math.min(suggestLimitMax, Math.trunc(limit)));
    const needle = query.trim().toLowerCase();
    const candidates = this.#policy.readablePages(
      actor,
      this.#pages
        .findPagesByTitle(needle, needle === '' ? wanted * 5 : 500)
        .filter((page) => isPageLive(this.#pages, page)),
    );
    const ranked =
      needle === ''
        ? candidates
        : candidates
            .map((page, order) => ({ page, order, rank: titleMatchRank(page.title, needle) }))
            .filter((entry) => entry.rank < 3)
            .sort((a, b) => a.rank - b.rank || a.order - b.order)
            .map((entry) => entry.page);
    const spaces = new Map(this.#spaces.listSpaces().map((space) => [space.id, space]));
    const suggestions: PageSuggestion[] = [];
    for (const page of ranked) {
      const space = spaces.get(page.spaceId);
      if (space) suggestions.push({ page, space });
      if (suggestions.length === wanted) break;
    }
    return suggestions;
  }

  /**
   * Records that a page's document changed: its title as typed in the title field, and the
   * time. Called by the collaboration layer after edits it already authorized.
   */
  recordDocumentChange(pageId: string, documentTitle: string, by?: string): void {
    const page = this.#pages.findPageById(pageId);
    if (!page) return;
    this.#recordTitle(page.id, normalizeTitle(documentTitle), by ?? page.updatedBy);
  }

  /** Writes the title (and who changed the page, when); a new title is a `page.renamed`. */
  #recordTitle(pageId: string, title: string, by: string): void {
    const now = this.#clock.now();
    this.#pages.transaction(() => {
      const page = this.#requirePage(pageId);
      this.#pages.updateTitle(page.id, title, by, now);
      if (page.title !== title) {
        this.#emit(page, by === '' ? null : by, now, 'page.renamed', {
          title,
          previousTitle: page.title,
        });
      }
    });
  }

  #emit<T extends DomainEventType>(
    page: Page,
    actorId: string | null,
    at: number,
    type: T,
    data: DomainEventData[T],
  ): void {
    this.#events.append({ type, pageId: page.id, spaceId: page.spaceId, actorId, at, data });
  }

  /** Moves a page (and with it, its subpages) to the trash. */
  trashPage(actor: User, pageId: string): Page {
    const page = this.#editableLivePage(actor, pageId);
    const now = this.#clock.now();
    this.#pages.transaction(() => {
      this.#pages.setDeleted(page.id, { at: now, by: actor.id });
      this.#emit(page, actor.id, now, 'page.trashed', { title: page.title });
    });
    return this.#requirePage(page.id);
  }

  restorePage(actor: User, pageId: string): Page {
    const page = this.#policy.requirePage(actor, pageId, 'edit');
    if (page.deletedAt === null) {
      throw new ConflictError('not_in_trash', 'The page is not in the trash.');
    }
    this.#pages.transaction(() => {
      this.#pages.setDeleted(page.id, null);
      this.#emit(page, actor.id, this.#clock.now(), 'page.restored', { title: page.title });
    });
    return this.#requirePage(page.id);
  }

  /**
   * The space's live pages the actor may read, as a tree; pages under a trashed page are hidden
   * with it, and so are pages under a restricted page the actor may not read.
   */
  tree(actor: User, spaceIdOrSlug: string): PageTreeNode[] {
    const space = this.getSpace(actor, spaceIdOrSlug);
    const pages = this.#policy.readablePages(
      actor,
      this.#pages.listPagesInSpace(space.id).filter((page) => page.deletedAt === null),
    );
    const byParent = new Map<string | null, Page[]>();
    for (const page of pages) {
      const siblings = byParent.get(page.parentId) ?? [];
      siblings.push(page);
      byParent.set(page.parentId, siblings);
    }
    const build = (parentId: string | null): PageTreeNode[] =>
      (byParent.get(parentId) ?? [])
        .sort((a, b) =>
          a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1,
        )
        .map((page) => ({
          id: page.id,
          shortId: page.shortId,
          title: page.title,
          icon: page.icon,
          position: page.position,
          children: build(page.id),
        }));
    return build(null);
  }

  /** Pages in the space's trash, newest first: for the space's editors and admins. */
  trash(actor: User, spaceIdOrSlug: string): Page[] {
    const { space } = this.#policy.requireSpace(actor, spaceIdOrSlug, 'editor');
    return this.#policy
      .readablePages(
        actor,
        this.#pages.listPagesInSpace(space.id).filter((page) => page.deletedAt !== null),
      )
      .sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
  }

  /** Refuses a parent that is the page itself, below it, or in (or below a page in) the trash. */
  #assertNoCycle(page: Page, parent: Page): void {
    const seen = new Set<string>();
    let current: Page | null = parent;
    while (current !== null) {
      if (current.id === page.id) {
        throw new ConflictError('move_cycle', 'A page cannot be moved below itself.');
      }
      if (current.deletedAt !== null || seen.has(current.id)) throw parentNotFound();
      seen.add(current.id);
      current = current.parentId === null ? null : this.#pages.findPageById(current.parentId);
    }
  }

  #findPage(idOrShortId: string): Page | null {
    return this.#pages.findPageById(idOrShortId) ?? this.#pages.findPageByShortId(idOrShortId);
  }

  /** A page not in the trash that the actor may edit (`page_not_found` if they cannot read it). */
  #editableLivePage(actor: User, pageId: string): Page {
    const page = this.#policy.requirePage(actor, pageId, 'read');
    if (!isPageLive(this.#pages, page)) throw pageNotFound();
    return this.#policy.requirePage(actor, page.id, 'edit');
  }

  #requirePage(pageId: string): Page {
    const page = this.#pages.findPageById(pageId);
    if (!page) throw pageNotFound();
    return page;
  }
}

const pageNotFound = () => new NotFoundError('The page', 'page_not_found');
const parentNotFound = () => new NotFoundError('The parent page', 'parent_not_found');

/** A position among `siblings` (ordered) after `afterId` and/or before `beforeId`; last by default. */
function positionAmong(siblings: Page[], afterId: string | null, beforeId: string | null): string {
  const indexOf = (id: string) => {
    const index = siblings.findIndex((sibling) => sibling.id === id || sibling.shortId === id);
    if (index < 0) {
      throw new InvalidPositionError(
        'The pages to place it between must be other pages under the same parent.',
      );
    }
    return index;
  };
  const after = afterId === null ? null : indexOf(afterId);
  const before = beforeId === null ? null : indexOf(beforeId);
  const low =
    after !== null
      ? (siblings[after]?.position ?? null)
      : before !== null
        ? (siblings[before - 1]?.position ?? null)
        : (siblings.at(-1)?.position ?? null);
  const high =
    before !== null
      ? (siblings[before]?.position ?? null)
      : after !== null
        ? (siblings[after + 1]?.position ?? null)
        : null;
  if (low !== null && high !== null && low >= high) {
    throw new InvalidPositionError('The page above must come before the page below.');
  }
  return positionBetween(low, high);
}

/** 0: the title starts with the needle; 1: a word in it does; 2: it contains it; 3: no match. */
function titleMatchRank(title: string, needle: string): number {
  const haystack = title.toLowerCase();
  let index = haystack.indexOf(needle);
  if (index < 0) return 3;
  if (index === 0) return 0;
  while (index >= 0) {
    if (!/[\p{L}\p{N}]/u.test(haystack[index - 1] ?? '')) return 1;
    index = haystack.indexOf(needle, index + 1);
  }
  return 2;
}
