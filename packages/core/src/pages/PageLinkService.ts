import type { AccessPolicy } from '../access/AccessPolicy';
import type { User } from '../accounts/User';
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
  /** Backlinks and broken links are listed only from pages the actor may read. */
  readonly policy: AccessPolicy;
}

/** Links between pages: recording them from documents, backlinks and broken links. */
export class PageLinkService {
  readonly #pages: PageStore;
  readonly #spaces: SpaceStore;
  readonly #links: PageLinkStore;
  readonly #policy: AccessPolicy;

  constructor(options: PageLinkServiceOptions) {
    this.#pages = options.pages;
    this.#spaces = options.spaces;
    this.#links = options.links;
    this.#policy = options.policy;
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

  /** Live pages the actor may read linking to the page (other than itself), each once, by title. */
  backlinks(actor: User, pageId: string): Backlink[] {
    const target = this.#policy.requirePage(actor, pageId, 'read');
    const bySource = new Map<string, string[]>();
    for (const link of this.#links.listLinksTo(target.shortId)) {
      if (link.sourcePageId === target.id) continue;
      const texts = bySource.get(link.sourcePageId) ?? [];
      if (link.text !== '' && !texts.includes(link.text)) texts.push(link.text);
      bySource.set(link.sourcePageId, texts);
    }
    const spaces = new Map<string, Space | null>();
    const backlinks: Backlink[] = [];
    const sources = this.#policy.readablePages(
      actor,
      [...bySource.keys()].flatMap((id) => {
        const page = this.#pages.findPageById(id);
        return page && isPageLive(this.#pages, page) ? [page] : [];
      }),
    );
    for (const page of sources) {
      const texts = bySource.get(page.id) ?? [];
      if (!spaces.has(page.spaceId)) {
        spaces.set(page.spaceId, this.#spaces.findSpaceById(page.spaceId));
      }
      const space = spaces.get(page.spaceId);
      if (space) backlinks.push({ page, space, texts });
    }
    return backlinks.sort((a, b) => a.page.title.localeCompare(b.page.title));
  }

  /**
   * Links in the space's live pages the actor may read whose target is in the trash or does not
   * exist (a live target is not reported, whoever may read it).
   */
  brokenLinks(actor: User, spaceIdOrSlug: string): { space: Space; brokenLinks: BrokenLink[] } {
    const { space } = this.#policy.requireSpace(actor, spaceIdOrSlug);
    const sources = new Map<string, Page | null>();
    const targets = new Map<string, 'live' | 'deleted' | 'missing'>();
    const brokenLinks: BrokenLink[] = [];
    for (const link of this.#links.listLinksFromSpace(space.id)) {
      if (!sources.has(link.sourcePageId)) {
        const page = this.#pages.findPageById(link.sourcePageId);
        sources.set(
          link.sourcePageId,
          page && isPageLive(this.#pages, page) && this.#policy.pageAccess(actor, page) !== 'none'
            ? page
            : null,
        );
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
