import type { AccessStore } from '../access/AccessStore';
import type { Page } from '../pages/Page';
import type { PageStore } from '../pages/PageStore';
import type { ShareLink } from './ShareLink';

/** One page of a shared subtree with the shared pages below it, in tree order. */
export interface SharedTreeNode {
  readonly page: Page;
  readonly children: SharedTreeNode[];
}

export type SharedScopeLookups = {
  readonly pages: Pick<PageStore, 'findPageById' | 'findPageByShortId' | 'listChildren'>;
  readonly restrictions: Pick<AccessStore, 'findPageRestriction'>;
};

/** The most pages a shared tree lists (a table of contents, not an export). */
export const sharedTreeMaxPages = 500;

/**
 * What a visitor holding a live share link may open: the shared page, and with
 * `includeSubpages` its live descendants — except pages below it that carry their own view
 * restriction (with everything under them), since those were limited to fewer people on purpose.
 * Never a page above the shared one or beside it.
 */
export class SharedScope {
  readonly share: ShareLink;
  readonly root: Page;
  readonly #lookups: SharedScopeLookups;

  constructor(share: ShareLink, root: Page, lookups: SharedScopeLookups) {
    this.share = share;
    this.root = root;
    this.#lookups = lookups;
  }

  /** The page (by id or short id) when the link lets visitors open it, else null. */
  page(idOrShortId: string): Page | null {
    const { pages } = this.#lookups;
    const page = pages.findPageById(idOrShortId) ?? pages.findPageByShortId(idOrShortId);
    if (!page) return null;
    if (page.id === this.root.id) return this.root;
    return this.share.includeSubpages && this.#isSharedDescendant(page) ? page : null;
  }

  /** Whether visitors may see the page with this id. */
  includes(pageId: string): boolean {
    return this.page(pageId)?.id === pageId;
  }

  /** The shared pages as a tree from the shared page (just it without subpages). */
  tree(): SharedTreeNode {
    let budget = sharedTreeMaxPages - 1;
    const build = (page: Page): SharedTreeNode => {
      const children: SharedTreeNode[] = [];
      if (this.share.includeSubpages) {
        for (const child of this.#lookups.pages.listChildren(page.spaceId, page.id)) {
          if (budget <= 0) break;
          if (this.#viewRestricted(child.id)) continue;
          budget--;
          children.push(build(child));
        }
      }
      return { page, children };
    };
    return build(this.root);
  }

  /** A live page below the root with no view-restricted page between them (itself included). */
  #isSharedDescendant(page: Page): boolean {
    const seen = new Set<string>();
    for (let current: Page | null = page; current !== null; ) {
      if (current.id === this.root.id) return true;
      if (current.deletedAt !== null || seen.has(current.id)) return false;
      if (current.spaceId !== this.root.spaceId || this.#viewRestricted(current.id)) return false;
      seen.add(current.id);
      current =
        current.parentId === null ? null : this.#lookups.pages.findPageById(current.parentId);
    }
    return false;
  }

  #viewRestricted(pageId: string): boolean {
    return this.#lookups.restrictions.findPageRestriction(pageId)?.view != null;
  }
}
