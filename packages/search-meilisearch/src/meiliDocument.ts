import { type SearchDocument, withoutMatchMarkers } from '@lore/core';

/** A page as stored in Meilisearch. */
export interface MeiliPage {
  readonly [key: string]: unknown;
  readonly id: string;
  readonly pageId: string;
  readonly shortId: string;
  readonly spaceId: string;
  readonly title: string;
  readonly headings: string[];
  readonly body: string;
  readonly tags: string[];
  /** Tags lowercased, for filters. */
  readonly tagKeys: string[];
  readonly path: string[];
  readonly authorIds: string[];
  readonly updatedAt: number;
  readonly views: number;
}

/**
 * Meilisearch's document id for a page: ids limited to `[A-Za-z0-9_-]` (UUIDs are) are used
 * as they are, anything else is hex-encoded behind a prefix that no plain id can have.
 */
export function meiliId(pageId: string): string {
  return /^[A-Za-z0-9_-]{1,400}$/.test(pageId) && !pageId.startsWith('x_')
    ? pageId
    : `x_${Buffer.from(pageId, 'utf8').toString('hex').slice(0, 500)}`;
}

export function meiliDocument(document: SearchDocument): MeiliPage {
  return {
    id: meiliId(document.pageId),
    pageId: document.pageId,
    shortId: document.shortId,
    spaceId: document.spaceId,
    title: withoutMatchMarkers(document.title),
    headings: document.headings.map(withoutMatchMarkers),
    body: withoutMatchMarkers(document.body),
    tags: document.tags.map(withoutMatchMarkers),
    tagKeys: document.tags.map((tag) => tag.trim().toLowerCase()),
    path: document.path.map(withoutMatchMarkers),
    authorIds: [...document.authors],
    updatedAt: document.updatedAt,
    views: document.views,
  };
}
