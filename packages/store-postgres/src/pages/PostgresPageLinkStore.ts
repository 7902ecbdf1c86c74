import type { PageLink, PageLinkStore } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

interface PageLinkRow {
  source_page_id: string;
  target_short_id: string;
  anchor: string | null;
  href: string;
  text: string;
}

const toPageLink = (row: PageLinkRow): PageLink => ({
  sourcePageId: row.source_page_id,
  targetShortId: row.target_short_id,
  anchor: row.anchor,
  href: row.href,
  text: row.text,
});

/** `PageLinkStore` on the Lore PostgreSQL database (table `page_links`). */
export class PostgresPageLinkStore implements PageLinkStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  replaceLinks(sourcePageId: string, links: readonly PageLink[]): void {
    const inserts =
      links.length === 0
        ? []
        : [
            {
              // The arrays' order is document order; WITH ORDINALITY numbers it from 1.
              sql: `INSERT INTO page_links
                      (source_page_id, ordinal, target_short_id, anchor, href, text)
                    SELECT $1, l.n - 1, l.target, l.anchor, l.href, l.text
                    FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])
                         WITH ORDINALITY AS l (target, anchor, href, text, n)`,
              params: [
                sourcePageId,
                links.map((link) => link.targetShortId),
                // A text[] parameter holds nulls as well; the declared type only says string.
                links.map((link) => link.anchor) as string[],
                links.map((link) => link.href),
                links.map((link) => link.text),
              ],
            },
          ];
    this.#db.transaction(() => {
      this.#db.batch([
        { sql: 'DELETE FROM page_links WHERE source_page_id = $1', params: [sourcePageId] },
        ...inserts,
      ]);
    });
  }

  listLinksTo(targetShortId: string): PageLink[] {
    return this.#db
      .query<PageLinkRow>(
        `SELECT source_page_id, target_short_id, anchor, href, text FROM page_links
         WHERE target_short_id = $1 ORDER BY source_page_id, ordinal`,
        [targetShortId],
      )
      .map(toPageLink);
  }

  listLinksFromSpace(spaceId: string): PageLink[] {
    // Titles are COLLATE "C": lower() folds ASCII letters only, as SQLite's NOCASE does.
    return this.#db
      .query<PageLinkRow>(
        `SELECT l.source_page_id, l.target_short_id, l.anchor, l.href, l.text
         FROM page_links l JOIN pages p ON p.id = l.source_page_id
         WHERE p.space_id = $1 ORDER BY lower(p.title), p.id, l.ordinal`,
        [spaceId],
      )
      .map(toPageLink);
  }
}
