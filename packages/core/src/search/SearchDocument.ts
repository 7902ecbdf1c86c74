/**
 * What the search index knows about one page: plain data derived from the page's document and
 * metadata, rebuilt whenever either changes.
 */
export interface SearchDocument {
  readonly pageId: string;
  /** Short, permanent id used in links (`/s/<shortId>`). */
  readonly shortId: string;
  readonly spaceId: string;
  readonly title: string;
  /** Heading texts in document order. */
  readonly headings: readonly string[];
  /** The body as plain text (headings included), as `jsonToPlainText` renders it. */
  readonly body: string;
  readonly tags: readonly string[];
  /** Where the page sits: the space name, then each ancestor's title, top down. */
  readonly path: readonly string[];
  /** Ids of the users who created or edited the page. */
  readonly authors: readonly string[];
  /** Milliseconds since the Unix epoch. */
  readonly updatedAt: number;
  /** How often the page was opened (from search clicks and page views); boosts ranking. */
  readonly views: number;
}
