import { type SearchDocument, searchTokens, withoutMatchMarkers } from '@lore/core';
import type Database from 'better-sqlite3';
import { type FtsDocumentRow, storedList } from './FtsDocumentRow';
import type { FtsVocabulary } from './FtsVocabulary';
import { facetToken } from './facetToken';

const maxBodyLength = 1_000_000;

/**
 * Writes pages into the index: the stored page (`search_docs`), its FTS5 row (`search_fts`),
 * and, in the same transaction, the counts derived from them: the vocabulary and the pages per
 * space (`search_spaces`, which the permission filter reads).
 */
export class FtsDocumentWriter {
  readonly #db: Database.Database;
  readonly #vocabulary: FtsVocabulary;
  readonly #statements;

  constructor(db: Database.Database, vocabulary: FtsVocabulary) {
    this.#db = db;
    this.#vocabulary = vocabulary;
    this.#statements = {
      byPage: db.prepare<[string], FtsDocumentRow>('SELECT * FROM search_docs WHERE page_id = ?'),
      insertDoc: db.prepare<
        [string, string, string, string, string, string, string, string, string, number, number]
      >(
        `INSERT INTO search_docs (page_id, short_id, space_id, title, headings, body, tags, path,
                                  authors, updated_at, views)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      deleteDoc: db.prepare<[number]>('DELETE FROM search_docs WHERE rowid = ?'),
      insertFts: db.prepare<[number | bigint, string, string, string, string, string, string]>(
        `INSERT INTO search_fts (rowid, title, headings, body, tags, path, facets)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      deleteFts: db.prepare<[number]>('DELETE FROM search_fts WHERE rowid = ?'),
      addSpace: db.prepare<[string, number]>(
        `INSERT INTO search_spaces (space_id, docs) VALUES (?, ?)
         ON CONFLICT (space_id) DO UPDATE SET docs = docs + excluded.docs`,
      ),
      pruneSpace: db.prepare<[string]>(
        'DELETE FROM search_spaces WHERE space_id = ? AND docs <= 0',
      ),
      count: db.prepare<[], number>('SELECT count(*) FROM search_docs').pluck(),
    };
  }

  /** Removes the pages `removedIds` names, then stores `documents`, in one transaction. */
  write(removedIds: readonly string[], documents: readonly SearchDocument[]): void {
    const s = this.#statements;
    this.#db.transaction(() => {
      const terms = new Map<string, number>();
      const spaces = new Map<string, number>();
      const count = (map: Map<string, number>, key: string, delta: number) =>
        map.set(key, (map.get(key) ?? 0) + delta);
      for (const pageId of removedIds) {
        const old = s.byPage.get(pageId);
        if (!old) continue;
        s.deleteFts.run(old.rowid);
        s.deleteDoc.run(old.rowid);
        count(spaces, old.space_id, -1);
        for (const term of distinctTerms([
          old.title,
          old.headings,
          old.body,
          storedList(old.tags).join('\n'),
          storedList(old.path).join('\n'),
        ])) {
          count(terms, term, -1);
        }
      }
      for (const document of documents) {
        count(spaces, document.spaceId, 1);
        for (const term of distinctTerms(this.#insert(document))) count(terms, term, 1);
      }
      this.#vocabulary.apply(terms);
      for (const [spaceId, delta] of spaces) {
        if (delta === 0) continue;
        s.addSpace.run(spaceId, delta);
        if (delta < 0) s.pruneSpace.run(spaceId);
      }
    })();
  }

  /**
   * Inserts pages without maintaining the vocabulary or the space counts (a rebuild recomputes
   * them at the end). Pages indexed meanwhile by a live indexer are replaced, not duplicated.
   */
  bulkInsert(documents: readonly SearchDocument[]): void {
    const s = this.#statements;
    this.#db.transaction(() => {
      for (const document of documents) {
        const old = s.byPage.get(document.pageId);
        if (old) {
          s.deleteFts.run(old.rowid);
          s.deleteDoc.run(old.rowid);
        }
        this.#insert(document);
      }
    })();
  }

  /** Removes every page, word and space count. */
  clear(): void {
    this.#db.transaction(() => {
      this.#db.exec(`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`);
      this.#db.exec('DELETE FROM search_docs; DELETE FROM search_spaces;');
      this.#vocabulary.clear();
    })();
  }

  /** Number of stored pages. */
  count(): number {
    return this.#statements.count.get() ?? 0;
  }

  /** Stores one page and indexes it; returns the words it holds, for the vocabulary. */
  #insert(document: SearchDocument): string[] {
    const s = this.#statements;
    const title = withoutMatchMarkers(document.title);
    const headings = withoutMatchMarkers(document.headings.join('\n'));
    const body = withoutMatchMarkers(document.body.slice(0, maxBodyLength));
    const tags = document.tags.map(withoutMatchMarkers);
    const path = document.path.map(withoutMatchMarkers);
    const { lastInsertRowid } = s.insertDoc.run(
      document.pageId,
      document.shortId,
      document.spaceId,
      title,
      headings,
      body,
      JSON.stringify(tags),
      JSON.stringify(path),
      JSON.stringify(document.authors),
      document.updatedAt,
      document.views,
    );
    const facets = [
      facetToken.space(document.spaceId),
      ...document.authors.map(facetToken.author),
      ...tags.map(facetToken.tag),
    ].join(' ');
    const tagText = tags.join('\n');
    const pathText = path.join('\n');
    s.insertFts.run(lastInsertRowid, title, headings, body, tagText, pathText, facets);
    return [title, headings, body, tagText, pathText];
  }
}

function distinctTerms(texts: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const text of texts) for (const term of searchTokens(text)) terms.add(term);
  return terms;
}
