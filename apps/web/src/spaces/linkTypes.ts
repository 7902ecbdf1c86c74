/** A space as the link answers name it. */
export interface SpaceRef {
  id: string;
  slug: string;
  name: string;
}

/** A page offered by `[[` autocomplete (`GET /api/pages/suggest`). */
export interface SuggestedPage {
  id: string;
  shortId: string;
  title: string;
  icon: string | null;
  url: string;
  space: SpaceRef;
}

/** A live page that links to the page being viewed. */
export interface Backlink {
  page: { id: string; shortId: string; title: string; icon: string | null; url: string };
  space: SpaceRef;
  /** The text of each link to the page, as written in the source page. */
  texts: string[];
}

/** A link in a space's pages to a page that is in the trash or never existed. */
export interface BrokenLink {
  source: { id: string; shortId: string; title: string; url: string };
  href: string;
  text: string;
  reason: 'deleted' | 'missing';
}

/** The body of `POST /api/pages/:id/move`. */
export interface MoveRequest {
  /** The space's id or slug; the page's own space when absent. */
  spaceId?: string;
  parentId: string | null;
  afterId?: string | null;
  beforeId?: string | null;
}
