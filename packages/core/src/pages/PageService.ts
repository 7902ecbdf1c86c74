import { randomUUID } from 'node:crypto';
import type { User } from '../accounts/User';
import { assertCanEdit } from '../authorization/workspacePolicy';
import type { Clock } from '../Clock';
import { ConflictError, NotFoundError, ValidationError } from '../DomainError';
import type { Page, PageTreeNode } from './Page';
import type { PageContent, RenderedPage } from './PageContent';
import type { PageStore } from './PageStore';
import { normalizeTitle } from './pageTitle';
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
}

export interface NewSpace {
  readonly name: string;
  readonly slug?: string;
  readonly description?: string;
}

export interface NewPage {
  readonly spaceId: string;
  readonly title: string;
  readonly parentId?: string | null;
  /** Initial body as GitHub-flavoured Markdown. */
  readonly markdown?: string;
}

export interface PageWithContent extends RenderedPage {
  readonly page: Page;
  readonly space: Space;
}

const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;

/** Spaces and the pages in them: creation, reading, renaming, trash. */
export class PageService {
  readonly #spaces: SpaceStore;
  readonly #pages: PageStore;
  readonly #content: PageContent;
  readonly #clock: Clock;

  constructor(options: PageServiceOptions) {
    this.#spaces = options.spaces;
    this.#pages = options.pages;
    this.#content = options.content;
    this.#clock = options.clock;
  }

  createSpace(actor: User, input: NewSpace): Space {
    assertCanEdit(actor);
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
    const now = this.#clock.now();
    const space: Space = {
      id: randomUUID(),
      slug,
      name,
      description: (input.description ?? '').trim(),
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    };
    if (!this.#spaces.insertSpace(space)) {
      throw new ConflictError('slug_taken', `A space with the address "${slug}" already exists.`);
    }
    return space;
  }

  listSpaces(_actor: User): Space[] {
    return this.#spaces.listSpaces();
  }

  /** A space by id or slug. */
  getSpace(_actor: User, idOrSlug: string): Space {
    const space = this.#spaces.findSpaceById(idOrSlug) ?? this.#spaces.findSpaceBySlug(idOrSlug);
    if (!space) throw new NotFoundError('The space', 'space_not_found');
    return space;
  }

  async createPage(actor: User, input: NewPage): Promise<Page> {
    assertCanEdit(actor);
    const space = this.getSpace(actor, input.spaceId);
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = this.#pages.findPageById(parentId);
      if (!parent || parent.spaceId !== space.id || parent.deletedAt !== null) {
        throw new NotFoundError('The parent page', 'parent_not_found');
      }
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
      return page;
    });
  }

  /** A live or trashed page's metadata; trashed pages are readable so they can be restored. */
  getPageMeta(_actor: User, pageId: string): Page {
    const page = this.#pages.findPageById(pageId) ?? this.#pages.findPageByShortId(pageId);
    if (!page) throw pageNotFound();
    return page;
  }

  async getPage(actor: User, pageId: string): Promise<PageWithContent> {
    const page = this.getPageMeta(actor, pageId);
    const space = this.getSpace(actor, page.spaceId);
    const rendered = await this.#content.render(page.id);
    return { page, space, ...rendered };
  }

  async renamePage(actor: User, pageId: string, title: string): Promise<Page> {
    assertCanEdit(actor);
    const page = this.#livePage(pageId);
    const normalized = normalizeTitle(title);
    await this.#content.setTitle(page.id, normalized);
    this.#pages.updateTitle(page.id, normalized, actor.id, this.#clock.now());
    return this.#requirePage(page.id);
  }

  /**
   * Records that a page's document changed: its title as typed in the title field, and the
   * time. Called by the collaboration layer after edits it already authorized.
   */
  recordDocumentChange(pageId: string, documentTitle: string, by?: string): void {
    const page = this.#pages.findPageById(pageId);
    if (!page) return;
    this.#pages.updateTitle(
      page.id,
      normalizeTitle(documentTitle),
      by ?? page.updatedBy,
      this.#clock.now(),
    );
  }

  /** Moves a page (and with it, its subpages) to the trash. */
  trashPage(actor: User, pageId: string): Page {
    assertCanEdit(actor);
    const page = this.#livePage(pageId);
    this.#pages.setDeleted(page.id, { at: this.#clock.now(), by: actor.id });
    return this.#requirePage(page.id);
  }

  restorePage(actor: User, pageId: string): Page {
    assertCanEdit(actor);
    const page = this.getPageMeta(actor, pageId);
    if (page.deletedAt === null) {
      throw new ConflictError('not_in_trash', 'The page is not in the trash.');
    }
    this.#pages.setDeleted(page.id, null);
    return this.#requirePage(page.id);
  }

  /** The space's live pages as a tree; pages under a trashed page are hidden with it. */
  tree(actor: User, spaceIdOrSlug: string): PageTreeNode[] {
    const space = this.getSpace(actor, spaceIdOrSlug);
    const pages = this.#pages.listPagesInSpace(space.id).filter((page) => page.deletedAt === null);
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

  /** Pages in the space's trash, newest first. */
  trash(actor: User, spaceIdOrSlug: string): Page[] {
    const space = this.getSpace(actor, spaceIdOrSlug);
    return this.#pages
      .listPagesInSpace(space.id)
      .filter((page) => page.deletedAt !== null)
      .sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
  }

  #livePage(pageId: string): Page {
    const page = this.#pages.findPageById(pageId) ?? this.#pages.findPageByShortId(pageId);
    if (!page || page.deletedAt !== null) throw pageNotFound();
    return page;
  }

  #requirePage(pageId: string): Page {
    const page = this.#pages.findPageById(pageId);
    if (!page) throw pageNotFound();
    return page;
  }
}

const pageNotFound = () => new NotFoundError('The page', 'page_not_found');
