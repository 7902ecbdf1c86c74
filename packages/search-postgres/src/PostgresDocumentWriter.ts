import { type SearchDocument, searchTokens, withoutMatchMarkers } from '@lore/core';
import type { PostgresDatabase, Statement } from '@lore/store-postgres';
import { documentLexemes } from './documentLexemes';

const maxBodyLength = 1_000_000;
/** Any number; index writers of every process take this lock, so their counts never race. */
const writeLock = 7_406_552;

/**
 * Writes pages into the index: the stored page with its lexemes (`search_index_documents`) and,
 * in the same transaction, the counts derived from them: the vocabulary (`search_index_terms`)
 * and the pages and words per space (`search_index_spaces`). Writers of all processes take one
 * advisory lock, so counts stay exact without deadlocks; searches never wait for it.
 */
export class PostgresDocumentWriter {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  /** Removes the pages `removedIds` names, then stores `documents`, in one transaction. */
  write(removedIds: readonly string[], documents: readonly SearchDocument[]): void {
    this.#db.transaction(() => {
      this.#lock();
      const terms = new Map<string, number>();
      const spaces = new Map<string, { docs: number; tokens: number }>();
      const countSpace = (spaceId: string, docs: number, tokens: number) => {
        const known = spaces.get(spaceId) ?? { docs: 0, tokens: 0 };
        spaces.set(spaceId, { docs: known.docs + docs, tokens: known.tokens + tokens });
      };
      const removed = this.#db.query<{ space_id: string; tokens: number; terms: string[] }>(
        `DELETE FROM search_index_documents WHERE page_id = ANY($1::text[])
         RETURNING space_id, tokens, tsvector_to_array(lexemes) AS terms`,
        [[...new Set([...removedIds, ...documents.map((document) => document.pageId)])]],
      );
      for (const old of removed) {
        countSpace(old.space_id, -1, -old.tokens);
        for (const term of old.terms) terms.set(term, (terms.get(term) ?? 0) - 1);
      }
      const inserts = documents.map((document) => insertStatement(document));
      this.#db.batch(inserts.map((insert) => insert.statement));
      for (const insert of inserts) {
        countSpace(insert.spaceId, 1, insert.tokens);
        for (const term of insert.terms) terms.set(term, (terms.get(term) ?? 0) + 1);
      }
      this.#applyTerms(terms);
      this.#applySpaces(spaces);
    });
  }

  /**
   * Inserts pages without maintaining the vocabulary or the space counts (a rebuild recomputes
   * them at the end). Pages indexed meanwhile by a live indexer are replaced, not duplicated.
   */
  bulkInsert(documents: readonly SearchDocument[]): void {
    this.#db.transaction(() => {
      this.#lock();
      this.#db.run('DELETE FROM search_index_documents WHERE page_id = ANY($1::text[])', [
        documents.map((document) => document.pageId),
      ]);
      this.#db.batch(documents.map((document) => insertStatement(document).statement));
    });
  }

  /** Recomputes the vocabulary and the space counts from the stored pages, and the statistics. */
  recount(): void {
    this.#db.transaction(() => {
      this.#lock();
      this.#db.exec(
        `DELETE FROM search_index_terms;
         INSERT INTO search_index_terms (term, docs)
         SELECT term, count(*) FROM search_index_documents, unnest(tsvector_to_array(lexemes)) AS term
         GROUP BY term;
         DELETE FROM search_index_spaces;
         INSERT INTO search_index_spaces (space_id, docs, tokens)
         SELECT space_id, count(*), sum(tokens) FROM search_index_documents GROUP BY space_id;`,
      );
    });
    // Fresh statistics at once, rather than when autovacuum comes by: without them the planner
    // takes a freshly loaded index for a small table and filters every page's words row by row.
    this.#db.exec('ANALYZE search_index_documents, search_index_terms');
  }

  /** Removes every page, word and space count. */
  clear(): void {
    this.#db.transaction(() => {
      this.#lock();
      this.#db.exec(
        'DELETE FROM search_index_documents; DELETE FROM search_index_terms; DELETE FROM search_index_spaces;',
      );
    });
  }

  /** Number of stored pages. */
  count(): number {
    return (
      this.#db.one<{ n: number }>('SELECT count(*)::int AS n FROM search_index_documents')?.n ?? 0
    );
  }

  #lock(): void {
    this.#db.run('SELECT pg_advisory_xact_lock($1)', [writeLock]);
  }

  #applyTerms(deltas: ReadonlyMap<string, number>): void {
    const changed = [...deltas].filter(([, delta]) => delta !== 0);
    if (changed.length === 0) return;
    this.#db.batch([
      {
        sql: `INSERT INTO search_index_terms AS t (term, docs)
              SELECT * FROM unnest($1::text[], $2::bigint[])
              ON CONFLICT (term) DO UPDATE SET docs = t.docs + excluded.docs`,
        params: [changed.map(([term]) => term), changed.map(([, delta]) => String(delta))],
      },
      {
        sql: 'DELETE FROM search_index_terms WHERE term = ANY($1::text[]) AND docs <= 0',
        params: [changed.filter(([, delta]) => delta < 0).map(([term]) => term)],
      },
    ]);
  }

  #applySpaces(deltas: ReadonlyMap<string, { docs: number; tokens: number }>): void {
    const changed = [...deltas].filter(([, delta]) => delta.docs !== 0 || delta.tokens !== 0);
    if (changed.length === 0) return;
    this.#db.batch([
      {
        sql: `INSERT INTO search_index_spaces AS s (space_id, docs, tokens)
              SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])
              ON CONFLICT (space_id) DO UPDATE
              SET docs = s.docs + excluded.docs, tokens = s.tokens + excluded.tokens`,
        params: [
          changed.map(([spaceId]) => spaceId),
          changed.map(([, delta]) => String(delta.docs)),
          changed.map(([, delta]) => String(delta.tokens)),
        ],
      },
      {
        sql: 'DELETE FROM search_index_spaces WHERE space_id = ANY($1::text[]) AND docs <= 0',
        params: [changed.map(([spaceId]) => spaceId)],
      },
    ]);
  }
}

/**
 * The INSERT of one page, with the distinct words it indexes (for the vocabulary) and its length
 * in words as FTS5's BM25 counts it: every column, including one filter token for the space,
 * each author and each tag.
 */
function insertStatement(document: SearchDocument): {
  statement: Statement;
  spaceId: string;
  tokens: number;
  terms: string[];
} {
  const title = withoutMatchMarkers(document.title);
  const headings = withoutMatchMarkers(document.headings.join('\n'));
  const body = withoutMatchMarkers(document.body.slice(0, maxBodyLength));
  const tags = document.tags.map(withoutMatchMarkers);
  const path = document.path.map(withoutMatchMarkers);
  const lexemes = documentLexemes({
    title,
    headings,
    tags: tags.join('\n'),
    path: path.join('\n'),
    body,
  });
  const tokens =
    [title, headings, body, tags.join('\n'), path.join('\n')].reduce(
      (sum, text) => sum + searchTokens(text).length,
      0,
    ) +
    1 +
    document.authors.length +
    tags.length;
  return {
    statement: {
      sql: `INSERT INTO search_index_documents (page_id, short_id, space_id, title, headings, body,
              tags, tag_keys, path, authors, updated_at, views, tokens, lexemes)
            VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::text[], $9::text[], $10::text[], $11,
                    $12, $13, $14::tsvector)`,
      params: [
        document.pageId,
        document.shortId,
        document.spaceId,
        title,
        headings,
        body,
        tags,
        tags.map((tag) => tag.trim().toLowerCase()),
        path,
        [...document.authors],
        document.updatedAt,
        Math.max(0, Math.trunc(document.views)),
        tokens,
        lexemes.text,
      ],
    },
    spaceId: document.spaceId,
    tokens,
    terms: lexemes.words,
  };
}
