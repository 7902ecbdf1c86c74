import { type QueryGroup, queryCoverage, rankingBoost } from '@lore/core';
import type Database from 'better-sqlite3';

/** A matching page (by `search_docs` rowid) and its score. */
export interface ScoredRow {
  rowid: number;
  score: number;
}

/**
 * What narrows every statement of one search besides its MATCH expression: pages updated
 * since a time, and pages hidden from the searcher by page restrictions (a JSON array of
 * `search_docs` rowids), both applied in the SQL before any limit.
 */
export interface FtsScope {
  readonly updatedAfter?: number | undefined;
  readonly hiddenRowids?: string | undefined;
  /**
   * The spaces results may come from (a JSON array), checked on the page rows of the matches:
   * cheaper than a MATCH over many space tokens when the words match few pages.
   */
  readonly spaceIds?: string | undefined;
}

/** Matches counted at most; a total beyond it is a lower bound. */
export const maxTotal = 1_000;
/** Column weights for bm25: title, headings, body, tags, path, facets. */
const bm25 = 'bm25(search_fts, 10.0, 4.0, 1.0, 5.0, 2.0, 0.0)';

/**
 * Runs MATCH expressions against the index: counts matches, picks candidates (by bm25, or
 * newest first when there are too many to score) and orders them with the ranking boosts.
 * Statements for the expressions seen are prepared once and kept until `clear`.
 */
export class FtsRanker {
  readonly #db: Database.Database;
  readonly #rankLimit: number;
  readonly #queries = new Map<string, Database.Statement>();
  readonly #statements;

  /** `rankLimit`: most matches ranked by bm25 per query (see `Fts5SearchIndexOptions`). */
  constructor(db: Database.Database, rankLimit: number) {
    this.#db = db;
    this.#rankLimit = rankLimit;
    this.#statements = {
      titleLengths: db.prepare<[string], { rowid: number; words: number }>(
        `SELECT rowid, length(title) - length(replace(title, ' ', '')) + 1 AS words
         FROM search_docs WHERE rowid IN (SELECT value FROM json_each(?))`,
      ),
      boosts: db.prepare<
        [string],
        { rowid: number; updated_at: number; views: number; title: string; headings: string }
      >(
        `SELECT rowid, updated_at, views, title, headings FROM search_docs
         WHERE rowid IN (SELECT value FROM json_each(?))`,
      ),
    };
  }

  /** Matches of `expression`, counted up to `maxTotal + 1`. */
  count(expression: string, scope: FtsScope): number {
    const [from, params] = matchClause(expression, scope);
    return this.#query(`SELECT count(*) FROM (SELECT search_fts.rowid ${from} LIMIT ?)`)
      .pluck()
      .get(...params, maxTotal + 1) as number;
  }

  /**
   * The best `limit` candidates for `expression` (which matched `matches` pages): ranked by
   * bm25 when there are few enough, else the newest title and body matches (`#newest`).
   */
  candidates(
    matches: number,
    titleExpression: string,
    expression: string,
    limit: number,
    scope: FtsScope,
  ): ScoredRow[] {
    return matches <= this.#rankLimit
      ? this.#rankRecent(expression, limit, scope)
      : this.#newest(titleExpression, expression, limit, scope);
  }

  /** Candidates with bm25 turned into a positive score and boosted, best first. */
  boosted(candidates: ScoredRow[], now: number, groups: readonly QueryGroup[]): ScoredRow[] {
    if (candidates.length === 0) return [];
    const meta = new Map(
      this.#statements.boosts
        .all(JSON.stringify(candidates.map((candidate) => candidate.rowid)))
        .map((row) => [row.rowid, row]),
    );
    return candidates
      .map((candidate) => {
        const row = meta.get(candidate.rowid);
        if (!row) return { rowid: candidate.rowid, score: -candidate.score };
        const boost =
          rankingBoost(row.updated_at, row.views, now) *
          (1 + 2 * queryCoverage(groups, row.title) + queryCoverage(groups, row.headings) / 2);
        return { rowid: candidate.rowid, score: -candidate.score * boost };
      })
      .sort((a, b) => b.score - a.score || b.rowid - a.rowid);
  }

  /** Forgets the prepared statements. */
  clear(): void {
    this.#queries.clear();
  }

  /** Every match (at most `rankLimit`, newest first) ranked by bm25; the best `limit`. */
  #rankRecent(expression: string, limit: number, scope: FtsScope): ScoredRow[] {
    const [from, params] = matchClause(expression, scope);
    return this.#query(
      `SELECT rowid, score FROM (
         SELECT search_fts.rowid AS rowid, ${bm25} AS score ${from}
         ORDER BY search_fts.rowid DESC LIMIT ?
       ) ORDER BY score LIMIT ?`,
    ).all(...params, this.#rankLimit, limit) as ScoredRow[];
  }

  /**
   * Too many matches to score them all (a very common word, a short prefix): bm25 would tell
   * little apart anyway. The newest title and heading matches come first, shortest titles
   * first, then the newest body matches; the boosts order them further. FTS5 walks a word's
   * pages newest first and stops early, so this costs the same however common the words are.
   */
  #newest(
    titleExpression: string,
    expression: string,
    limit: number,
    scope: FtsScope,
  ): ScoredRow[] {
    const newest = (match: string, count: number) => {
      const [from, params] = matchClause(match, scope);
      return this.#query(`SELECT search_fts.rowid ${from} ORDER BY search_fts.rowid DESC LIMIT ?`)
        .pluck()
        .all(...params, count) as number[];
    };
    const titled = newest(titleExpression, limit);
    const lengths = new Map(
      this.#statements.titleLengths
        .all(JSON.stringify(titled))
        .map((row) => [row.rowid, row.words]),
    );
    const scored: ScoredRow[] = titled.map((rowid) => ({
      rowid,
      // Negative like bm25: a lower value is better. A shorter title is a closer match.
      score: -(2 + 1 / (lengths.get(rowid) ?? 1)),
    }));
    const seen = new Set(titled);
    for (const rowid of newest(expression, limit)) {
      if (!seen.has(rowid)) scored.push({ rowid, score: -1 });
    }
    return scored;
  }

  #query(sql: string): Database.Statement {
    let statement = this.#queries.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#queries.set(sql, statement);
    }
    return statement;
  }
}

/**
 * The FROM/WHERE of a match: joined to the pages when filtering by update time or space, and
 * leaving out the hidden pages.
 */
function matchClause(expression: string, scope: FtsScope): [string, (string | number)[]] {
  let sql = 'FROM search_fts';
  const params: (string | number)[] = [];
  if (scope.updatedAfter !== undefined || scope.spaceIds !== undefined) {
    sql += ' JOIN search_docs d ON d.rowid = search_fts.rowid';
  }
  sql += ' WHERE search_fts MATCH ?';
  params.push(expression);
  if (scope.updatedAfter !== undefined) {
    sql += ' AND d.updated_at >= ?';
    params.push(scope.updatedAfter);
  }
  if (scope.spaceIds !== undefined) {
    sql += ' AND d.space_id IN (SELECT value FROM json_each(?))';
    params.push(scope.spaceIds);
  }
  if (scope.hiddenRowids !== undefined) {
    sql += ' AND search_fts.rowid NOT IN (SELECT value FROM json_each(?))';
    params.push(scope.hiddenRowids);
  }
  return [sql, params];
}
