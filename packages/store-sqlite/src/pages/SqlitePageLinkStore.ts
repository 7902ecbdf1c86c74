import type { PageLink, PageLinkStore } from '@lore/core';
import type { Db } from '../openDatabase';

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

/** `PageLinkStore` on the Lore SQLite database (table `page_links`). */
export class SqlitePageLinkStore implements PageLinkStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      clear: db.prepare<[string]>('DELETE FROM page_links WHERE source_page_id = ?'),
      insert: db.prepare<[string, number, string, string | null, string, string]>(
        `INSERT INTO page_links (source_page_id, ordinal, target_short_id, anchor, href, text)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      to: db.prepare<[string], PageLinkRow>(
        `SELECT source_page_id, target_short_id, anchor, href, text FROM page_links
         WHERE target_short_id = ? ORDER BY source_page_id, ordinal`,
      ),
      fromSpace: db.prepare<[string], PageLinkRow>(
        `SELECT l.source_page_id, l.target_short_id, l.anchor, l.href, l.text
         FROM page_links l JOIN pages p ON p.id = l.source_page_id
         WHERE p.space_id = ? ORDER BY p.title COLLATE NOCASE, p.id, l.ordinal`,
      ),
    };
  }

  replaceLinks(sourcePageId: string, links: readonly PageLink[]): void {
    this.#db.transaction(() => {
      this.#statements.clear.run(sourcePageId);
      links.forEach((link, ordinal) => {
        this.#statements.insert.run(
          sourcePageId,
          ordinal,
          link.targetShortId,
          link.anchor,
          link.href,
          link.text,
        );
      });
    })();
  }

  listLinksTo(targetShortId: string): PageLink[] {
    return this.#statements.to.all(targetShortId).map(toPageLink);
  }

  listLinksFromSpace(spaceId: string): PageLink[] {
    return this.#statements.fromSpace.all(spaceId).map(toPageLink);
  }
}
