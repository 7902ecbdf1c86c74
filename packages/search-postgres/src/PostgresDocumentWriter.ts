import { type SearchDocument, searchTokens, withoutMatchMarkers } from '@lore/core';
import { advisoryLocks, postgresPoolTransaction } from '@lore/store-postgres';
import type pg from 'pg';
import { documentLexemes } from './documentLexemes';
import { queryRows } from './queryRows';
import { sameTerm } from './sameTerm';

const maxBodyLength = 1_000_000;
/** Index writers of every process take this lock, so their counts never race. */
const writeLock = advisoryLocks.searchWrite;

/** One page as `search_index_documents` stores it, with what the counts need. */
interface PreparedPage {
  readonly row: Record<string, unknown>;
  readonly spaceId: string;
  readonly tokens: number;
  readonly terms: readonly string[];
}

// Every page of a write in one statement: the rows travel as one JSON array.
const insertSql = `
  INSERT INTO search_index_documents (page_id, short_id, space_id, title, headings, body,
    tags, tag_keys, path, authors, updated_at, views, tokens, lexemes)
  SELECT page_id, short_id, space_id, title, headings, body, tags, tag_keys, path, authors,
         updated_at, views, tokens, lexemes
  FROM jsonb_to_recordset($1::jsonb) AS p (page_id text, short_id text, space_id text,
    title text, headings text, body text, tags text[], tag_keys text[], path text[],
    authors text[], updated_at bigint, views bigint, tokens integer, lexemes tsvector)`;

/**
 * Writes pages into the index: the stored page with its lexemes (`search_index_documents`) and,
 * in the same transaction, the counts derived from them: the vocabulary (`search_index_terms`)
 * and the pages and words per space (`search_index_spaces`). Writers of all processes take one
 * advisory lock, on the connection that then writes, so counts stay exact without deadlocks;
 * searches never wait for it.
 */
export class PostgresDocumentWriter {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Removes the pages `removedIds` names, then stores `documents`, in one transaction. */
  async write(removedIds: readonly string[], documents: readonly SearchDocument[]): Promise<void> {
    const pages = documents.map(preparePage);
    await this.#locked(async (client) => {
      const terms = new Map<string, number>();
      const spaces = new Map<string, { docs: number; tokens: number }>();
      const countSpace = (spaceId: string, docs: number, tokens: number) => {
        const known = spaces.get(spaceId) ?? { docs: 0, tokens: 0 };
        spaces.set(spaceId, { docs: known.docs + docs, tokens: known.tokens + tokens });
      };
      const removed = await queryRows<{ space_id: string; tokens: number; terms: string[] }>(
        client,
        `DELETE FROM search_index_documents WHERE page_id = ANY($1::text[])
         RETURNING space_id, tokens, tsvector_to_array(lexemes) AS terms`,
        [[...new Set([...removedIds, ...documents.map((document) => document.pageId)])]],
      );
      for (const old of removed) {
        countSpace(old.space_id, -1, -old.tokens);
        for (const term of old.terms) terms.set(term, (terms.get(term) ?? 0) - 1);
      }
      await insertPages(client, pages);
      for (const page of pages) {
        countSpace(page.spaceId, 1, page.tokens);
        for (const term of page.terms) terms.set(term, (terms.get(term) ?? 0) + 1);
      }
      await applyTerms(client, terms);
      await applySpaces(client, spaces);
    });
  }

  /**
   * Inserts pages without maintaining the vocabulary or the space counts (a rebuild recomputes
   * them at the end). Pages indexed meanwhile by a live indexer are replaced, not duplicated.
   */
  async bulkInsert(documents: readonly SearchDocument[]): Promise<void> {
    const pages = documents.map(preparePage);
    await this.#locked(async (client) => {
      await queryRows(
        client,
        'DELETE FROM search_index_documents WHERE page_id = ANY($1::text[])',
        [documents.map((document) => document.pageId)],
      );
      await insertPages(client, pages);
    });
  }

  /** Recomputes the vocabulary and the space counts from the stored pages, and the statistics. */
  async recount(): Promise<void> {
    await this.#locked(async (client) => {
      await queryRows(client, 'DELETE FROM search_index_terms');
      await queryRows(
        client,
        `INSERT INTO search_index_terms (term, docs)
         SELECT term, count(*) FROM search_index_documents, unnest(tsvector_to_array(lexemes)) AS term
         GROUP BY term`,
      );
      await queryRows(client, 'DELETE FROM search_index_spaces');
      await queryRows(
        client,
        `INSERT INTO search_index_spaces (space_id, docs, tokens)
         SELECT space_id, count(*), sum(tokens) FROM search_index_documents GROUP BY space_id`,
      );
    });
    // Fresh statistics at once, rather than when autovacuum comes by: without them the planner
    // takes a freshly loaded index for a small table, and the GIN index's own statistics, which
    // only VACUUM updates, for an empty index, and scans pages rather than the index.
    await queryRows(this.#pool, 'VACUUM (ANALYZE) search_index_documents, search_index_terms');
  }

  /** Removes every page, word and space count. */
  async clear(): Promise<void> {
    await this.#locked(async (client) => {
      for (const table of ['search_index_documents', 'search_index_terms', 'search_index_spaces']) {
        await queryRows(client, `DELETE FROM ${table}`);
      }
    });
  }

  /** Number of stored pages. */
  async count(): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      this.#pool,
      'SELECT count(*)::int AS n FROM search_index_documents',
    );
    return row?.n ?? 0;
  }

  /** `work` in a transaction holding the writers' lock, on the connection that took it. */
  #locked(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    return postgresPoolTransaction(this.#pool, async (client) => {
      await queryRows(client, 'SELECT pg_advisory_xact_lock($1)', [writeLock]);
      await work(client);
    });
  }
}

async function insertPages(client: pg.PoolClient, pages: readonly PreparedPage[]): Promise<void> {
  if (pages.length === 0) return;
  await queryRows(client, insertSql, [
    JSON.stringify(
      pages.map((page) => page.row),
      wellFormed,
    ),
  ]);
}

// A lone surrogate is stored as U+FFFD, as node-postgres encodes it in a text parameter; in JSON
// text it would be an escape PostgreSQL refuses.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (_key: string, value: unknown) =>
  typeof value === 'string' ? value.replace(loneSurrogate, '\uFFFD') : value;

async function applyTerms(
  client: pg.PoolClient,
  deltas: ReadonlyMap<string, number>,
): Promise<void> {
  const changed = [...deltas].filter(([, delta]) => delta !== 0);
  if (changed.length === 0) return;
  await queryRows(
    client,
    `INSERT INTO search_index_terms AS t (term, docs)
     SELECT * FROM unnest($1::text[], $2::bigint[])
     ON CONFLICT (term) DO UPDATE SET docs = t.docs + excluded.docs`,
    [changed.map(([term]) => term), changed.map(([, delta]) => String(delta))],
  );
  const lowered = changed.filter(([, delta]) => delta < 0).map(([term]) => term);
  if (lowered.length === 0) return;
  await queryRows(
    client,
    `DELETE FROM search_index_terms t USING unnest($1::text[]) AS w (term)
     WHERE ${sameTerm('t.term', 'w.term')} AND t.docs <= 0`,
    [lowered],
  );
}

async function applySpaces(
  client: pg.PoolClient,
  deltas: ReadonlyMap<string, { docs: number; tokens: number }>,
): Promise<void> {
  const changed = [...deltas].filter(([, delta]) => delta.docs !== 0 || delta.tokens !== 0);
  if (changed.length === 0) return;
  await queryRows(
    client,
    `INSERT INTO search_index_spaces AS s (space_id, docs, tokens)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])
     ON CONFLICT (space_id) DO UPDATE
     SET docs = s.docs + excluded.docs, tokens = s.tokens + excluded.tokens`,
    [
      changed.map(([spaceId]) => spaceId),
      changed.map(([, delta]) => String(delta.docs)),
      changed.map(([, delta]) => String(delta.tokens)),
    ],
  );
  await queryRows(
    client,
    'DELETE FROM search_index_spaces WHERE space_id = ANY($1::text[]) AND docs <= 0',
    [changed.map(([spaceId]) => spaceId)],
  );
}

/**
 * One page as stored, with the distinct words it indexes (for the vocabulary) and its length in
 * words as FTS5's BM25 counts it: every column, including one filter token for the space, each
 * author and each tag.
 */
function preparePage(document: SearchDocument): PreparedPage {
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
    row: {
      page_id: document.pageId,
      short_id: document.shortId,
      space_id: document.spaceId,
      title,
      headings,
      body,
      tags,
      tag_keys: tags.map((tag) => tag.trim().toLowerCase()),
      path,
      authors: [...document.authors],
      updated_at: document.updatedAt,
      views: Math.max(0, Math.trunc(document.views)),
      tokens,
      lexemes: lexemes.text,
    },
    spaceId: document.spaceId,
    tokens,
    terms: lexemes.words,
  };
}
