import type { User } from '../accounts/User';
import { NotFoundError } from '../DomainError';
import { isPageLive } from './isPageLive';
import type { Page } from './Page';
import type { Backlink, BrokenLink, PageLink } from './PageLink';
import type { PageLinkStore } from './PageLinkStore';
import type { PageStore } from './PageStore';
import type { Space } from './Space';
import type { SpaceStore } from './SpaceStore';

export interface PageLinkServiceOptions {
  readonly pages: PageStore;
  readonly spaces: SpaceStore;
  readonly links: PageLinkStore;
}

/** Links between pages: recording them from documents, backlinks and broken links. */
export class PageLinkService {
  readonly #pages: PageStore;
  readonly #spaces: SpaceStore;
  readonly #links: PageLinkStore;

  constructor(options: PageLinkServiceOptions) {
    this.#pages = options.pages;
    this.#spaces = options.spaces;
    this.#links = options.links;
  }

  /**
   * Replaces a page's outgoing links with those found in its document. Called by whatever
   * derived them (the document change hook, an import); a page that no longer exists is skipped.
   */
  recordLinks(sourcePageId: string, links: readonly Omit<PageLink, 'sourcePageId'>[]): void {
    this.#pages.transaction(() => {
      if (!this.#pages.findPageById(sourcePageId)) return;
      this.#links.replaceLinks(
        sourcePageId,
        links.map((link) => ({ ...link, sourcePageId })),
      );
    });
  }

  /** Live pages linking to the page (other than itself), each once, by title. */
  backlinks(_actor: User, pageId: string): Backlink[] {
    const target = this.#pages.findPageById(pageId) ?? this.#pages.findPageByShortId(pageId);
    if (!target) throw new NotFoundError('The page', 'page_not_found');
    const bySource = new Map<string, string[]>();
    for (const link of this.#links.listLinksTo(target.shortId)) {
      if (link.sourcePageId === target.id) continue;
      const texts = bySource.get(link.sourcePageId) ?? [];
      if (link.text !== '' && !texts.includes(link.text)) texts.push(link.text);
      bySource.set(link.sourcePageId, texts);
    }
    const spaces = new Map<string, Space | null>();
    const backlinks: Backlink[] = [];
    for (const [sourceId, texts] of bySource) {
      const page = this.#pages.findPageById(sourceId);
      if (!page || !isPageLive(this.#pages, page)) continue;
      if (!spaces.has(page.spaceId)) {
        spaces.set(page.spaceId, this.#spaces.findSpaceById(page.spaceId));
      }
      const space = spaces.get(page.spaceId);
      if (space) backlinks.push({ page, space, texts });
    }
    return backlinks.sort((a, b) => a.page.title.localeCompare(b.page.title));
  }

  /** Links in the space's live pages whose target is in the trash or does not exist. */
  brokenLinks(_actor: User, spaceIdOrSlug: string): { space: Space; brokenLinks: BrokenLink[] } {
    const space =
      this.#spaces.findSpaceById(spaceIdOrSlug) ?? this.#spaces.findSpaceBySlug(spaceIdOrSlug);
    if (!space) throw new NotFoundError('The space', 'space_not_found');
    const sources = new Map<string, Page | null>();
    const targets = new Map<string, 'live' | 'deleted' | 'missing'>();
    const brokenLinks: BrokenLink[] = [];
    for (const link of this.#links.listLinksFromSpace(space.id)) {
      if (!sources.has(link.sourcePageId)) {
        const page = this.#pages.findPageById(link.sourcePageId);
        sources.set(link.sourcePageId, page && isPageLive(this.#pages, page) ? page : null);
      }
      const source = sources.get(link.sourcePageId);
      if (!source) continue;
      let state = targets.get(link.targetShortId);
      if (state === undefined) {
        const target = this.#pages.findPageByShortId(link.targetShortId);
        state = !target ? 'missing' : isPageLive(this.#pages, target) ? 'live' : 'deleted';
        targets.set(link.targetShortId, state);
      }
      if (state !== 'live') {
        brokenLinks.push({ source, href: link.href, text: link.text, reason: state });
      }
    }
    return { space, brokenLinks };
  }
}
