import {
  correctQueryText,
  highlightHtml,
  maxQueryLength,
  parseQuery,
  type SearchDocument,
  type SearchHit,
  type SearchIndex,
  type SearchRequest,
  type SearchResults,
  type SynonymGroup,
  searchTokens,
  snippetHtml,
  type TermMatcher,
  termMatcher,
  withoutMatchMarkers,
} from '@lore/core';
import type Database from 'better-sqlite3';
import { FtsVocabulary } from './FtsVocabulary';
import { facetToken } from './facetToken';
import { migrateFts5Schema } from './fts5Schema';
import { ftsAnyOf, ftsPhrase } from './ftsPhrase';
import { planQuery, type QueryGroup, type QueryPlan } from './planQuery';
import { rankingBoost } from './rankingBoost';
import { SynonymTable } from './SynonymTable';

export interface Fts5SearchIndexOptions {
  /** The Lore database; the index creates its own tables in it (`fts5Schema`). */
  readonly db: Database.Database;
  /**
   * Most matches ranked by bm25 per query. Queries matching more pages rank the most recently
   * indexed title and heading matches, then body matches, keeping common words fast.
   * Default 400.
   */
  readonly rankLimit?: number;
}

interface DocRow {
  rowid: number;
  page_id: string;
  short_id: string;
  space_id: string;
  title: string;
  headings: string;
  body: string;
  tags: string;
  path: string;
  updated_at: number;
  views: number;
}

interface Scored {
  rowid: number;
  score: number;
}

/** Column weights for bm25: title, headings, body, tags, path, facets. */
const bm25 = 'bm25(search_fts, 10.0, 4.0, 1.0, 5.0, 2.0, 0.0)';
const textColumns = '- facets';
const titleColumns = '{title headings}';
const maxTotal = 1_000;
/** FTS5's default; restored after a rebuild. */
const automerge = 4;
const maxBodyLength = 1_000_000;
const empty: SearchResults = { hits: [], total: 0, totalExact: true, didYouMean: null };

const clamp = (value: number, min: number, max: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;
const parseList = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
};

/**
 * The embedded search index: SQLite FTS5 in the Lore database, beside the pages. See
 * docs/search.md for how queries are evaluated.
 */
export class Fts5SearchIndex implements SearchIndex {
  readonly #db: Database.Database;
  readonly #rankLimit: number;
  readonly #vocabulary: FtsVocabulary;
  readonly #statements;
  readonly #queries = new Map<string, Database.Statement>();
  readonly #searchTransaction: (request: SearchRequest) => SearchResults;
  #synonyms = new SynonymTable();

  constructor(options: Fts5SearchIndexOptions) {
    this.#db = options.db;
    migrateFts5Schema(this.#db);
    this.#rankLimit = options.rankLimit ?? 400;
    this.#vocabulary = new FtsVocabulary(this.#db);
    this.#searchTransaction = this.#db.transaction((request: SearchRequest) =>
      this.#search(request),
    );
    const db = this.#db;
    this.#statements = {
      byPage: db.prepare<[string], DocRow>('SELECT * FROM search_docs WHERE page_id = ?'),
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
      spaces: db.prepare<[], string>('SELECT space_id FROM search_spaces').pluck(),
      count: db.prepare<[], number>('SELECT count(*) FROM search_docs').pluck(),
      rows: db.prepare<[string], DocRow>(
        'SELECT * FROM search_docs WHERE rowid IN (SELECT value FROM json_each(?))',
      ),
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

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    this.#write(
      documents.map((document) => document.pageId),
      documents,
    );
  }

  async remove(pageIds: readonly string[]): Promise<void> {
    this.#write(pageIds, []);
  }

  async clear(): Promise<void> {
    this.#db.transaction(() => {
      this.#db.exec(`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`);
      this.#db.exec('DELETE FROM search_docs; DELETE FROM search_spaces;');
      this.#vocabulary.clear();
    })();
  }

  async setSynonyms(groups: readonly SynonymGroup[]): Promise<void> {
    this.#synonyms = new SynonymTable(groups);
  }

  async count(): Promise<number> {
    return this.#statements.count.get() ?? 0;
  }

  async rebuild(batches: AsyncIterable<readonly SearchDocument[]>): Promise<number> {
    await this.clear();
    // Merging segments while loading costs more than one merge at the end.
    this.#db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)`);
    let indexed = 0;
    try {
      for await (const batch of batches) {
        this.#bulkInsert(batch);
        indexed += batch.length;
      }
      this.#db.exec(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
      this.#db.transaction(() => {
        this.#vocabulary.rebuild();
        this.#db.exec(
          `DELETE FROM search_spaces;
           INSERT INTO search_spaces (space_id, docs)
           SELECT space_id, count(*) FROM search_docs GROUP BY space_id;`,
        );
      })();
    } finally {
      this.#db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ${automerge})`);
    }
    return indexed;
  }

  async close(): Promise<void> {
    this.#queries.clear();
  }

  async search(request: SearchRequest): Promise<SearchResults> {
    // One read transaction: the spaces, the vocabulary and the matches are one snapshot, so a
    // page written meanwhile by another process cannot slip past the permission filter.
    return this.#searchTransaction(request);
  }

  #write(removedIds: readonly string[], documents: readonly SearchDocument[]): void {
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
          parseList(old.tags).join('\n'),
          parseList(old.path).join('\n'),
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
   * Inserts pages without maintaining the vocabulary (a rebuild recomputes it at the end).
   * Pages indexed meanwhile by a live indexer are replaced, not duplicated.
   */
  #bulkInsert(documents: readonly SearchDocument[]): void {
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

  #search(request: SearchRequest): SearchResults {
    const limit = clamp(request.limit, 1, 100);
    const offset = clamp(request.offset, 0, maxTotal);
    const needed = offset + limit;
    const query = parseQuery(request.text);
    if (query.required.length === 0) return empty;
    const filter = this.#filterExpression(request);
    if (filter === null) return empty;
    const plan = planQuery(query, this.#vocabulary, this.#synonyms);
    const excluded =
      plan.excluded.length > 0 ? ` NOT (${textColumns} : ${ftsAnyOf(plan.excluded)})` : '';
    const updatedAfter = request.filters?.updatedAfter;
    const now = request.now ?? Date.now();

    const best = new Map<number, number>();
    let total = 0;
    let totalExact = true;
    let fullMatches = 0;
    for (const level of matchingLevels(plan.groups)) {
      // Pages matching fewer words are looked at when all words found few pages (a question
      // with a word the answer does not use) or too few to fill the page.
      // Completions of a word typed in full only fill up: "slack" should not rank "slackbot".
      const needMore = best.size < needed;
      if (!level.exact && !needMore) continue;
      if (level.dropped > 0 && !needMore && (level.dropped > 1 || fullMatches >= 50)) break;
      const groups = level.groups;
      const all = `(${textColumns} : ${allOf(groups)})${filter}${excluded}`;
      const matches = this.#count(all, updatedAfter);
      if (level.dropped === 0) fullMatches = Math.max(fullMatches, matches);
      if (matches === 0) continue;
      total = Math.max(total, Math.min(matches, maxTotal));
      totalExact = totalExact && matches <= maxTotal;
      const candidates =
        matches <= this.#rankLimit
          ? this.#rankRecent(all, needed + 40, updatedAfter)
          : this.#newest(
              `(${titleColumns} : ${allOf(groups)})${filter}${excluded}`,
              all,
              needed + 40,
              updatedAfter,
            );
      // Matching fewer of the words, or a longer word than the one typed, costs rank.
      const share = groups.length / plan.groups.length;
      const weight = share * (level.exact ? 1 : 0.7);
      for (const candidate of this.#boosted(candidates, now, plan.groups)) {
        const score = candidate.score * weight;
        if (score > (best.get(candidate.rowid) ?? Number.NEGATIVE_INFINITY)) {
          best.set(candidate.rowid, score);
        }
      }
    }
    const ranked: Scored[] = [...best]
      .map(([rowid, score]) => ({ rowid, score }))
      .sort((a, b) => b.score - a.score || b.rowid - a.rowid);

    const page = ranked.slice(offset, offset + limit);
    const rows = new Map(
      this.#statements.rows
        .all(JSON.stringify(page.map((candidate) => candidate.rowid)))
        .map((row) => [row.rowid, row]),
    );
    const isMatch = termMatcher(plan.markWords, plan.markPrefixes);
    const hits: SearchHit[] = [];
    for (const candidate of page) {
      const row = rows.get(candidate.rowid);
      if (row) hits.push(presentHit(row, isMatch));
    }
    return {
      hits,
      total: Math.max(total, Math.min(ranked.length, maxTotal)),
      totalExact,
      didYouMean: this.#didYouMean(request.text, plan, filter),
    };
  }

  /**
   * The permission and filter part of a MATCH expression (empty when nothing restricts), or
   * null when the user can read none of the requested spaces.
   */
  #filterExpression(request: SearchRequest): string | null {
    const readable = new Set(request.readableSpaceIds);
    const requested = request.filters?.spaceIds;
    const allowed = new Set(
      requested && requested.length > 0 ? requested.filter((id) => readable.has(id)) : readable,
    );
    if (allowed.size === 0) return null;
    const indexed = this.#statements.spaces.all();
    const inside = indexed.filter((id) => allowed.has(id));
    const outside = indexed.filter((id) => !allowed.has(id));
    if (inside.length === 0) return null;
    let expression = '';
    if (outside.length > 0 && outside.length < inside.length) {
      expression += ` NOT (facets : ${ftsAnyOf(outside.map((id) => [facetToken.space(id)]))})`;
    } else if (outside.length > 0) {
      expression = ` AND (facets : ${ftsAnyOf(inside.map((id) => [facetToken.space(id)]))})`;
    }
    const authors = request.filters?.authorIds ?? [];
    if (authors.length > 0) {
      expression = ` AND (facets : ${ftsAnyOf(authors.map((id) => [facetToken.author(id)]))})${expression}`;
    }
    for (const tag of request.filters?.tags ?? []) {
      expression = ` AND (facets : ${ftsPhrase([facetToken.tag(tag)])})${expression}`;
    }
    return expression;
  }

  #count(expression: string, updatedAfter: number | undefined): number {
    const sql =
      updatedAfter === undefined
        ? 'SELECT count(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?)'
        : `SELECT count(*) FROM (SELECT f.rowid FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid
           WHERE f.search_fts MATCH ? AND d.updated_at >= ? LIMIT ?)`;
    const params =
      updatedAfter === undefined
        ? [expression, maxTotal + 1]
        : [expression, updatedAfter, maxTotal + 1];
    return this.#query(sql)
      .pluck()
      .get(...params) as number;
  }

  /** Every match (at most `rankLimit`, newest first) ranked by bm25; the best `limit`. */
  #rankRecent(expression: string, limit: number, updatedAfter: number | undefined): Scored[] {
    const [from, params] = matchClause(expression, updatedAfter);
    return this.#query(
      `SELECT rowid, score FROM (
         SELECT search_fts.rowid AS rowid, ${bm25} AS score ${from}
         ORDER BY search_fts.rowid DESC LIMIT ?
       ) ORDER BY score LIMIT ?`,
    ).all(...params, this.#rankLimit, limit) as Scored[];
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
    updatedAfter: number | undefined,
  ): Scored[] {
    const newest = (match: string, count: number) => {
      const [from, params] = matchClause(match, updatedAfter);
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
    const scored: Scored[] = titled.map((rowid) => ({
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

  /** Candidates with bm25 turned into a positive score and boosted, best first. */
  #boosted(candidates: Scored[], now: number, groups: readonly QueryGroup[]): Scored[] {
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
          (1 + 2 * coverage(groups, row.title) + coverage(groups, row.headings) / 2);
        return { rowid: candidate.rowid, score: -candidate.score * boost };
      })
      .sort((a, b) => b.score - a.score || b.rowid - a.rowid);
  }

  /** The query with unknown words replaced by the likeliest word a readable page holds. */
  #didYouMean(text: string, plan: QueryPlan, filter: string): string | null {
    if (plan.corrections.size === 0) return null;
    const chosen = new Map<string, string>();
    for (const [word, candidates] of plan.corrections) {
      const readable = candidates
        .slice(0, 3)
        .find(
          (candidate) =>
            this.#count(`(${textColumns} : ${ftsPhrase([candidate])})${filter}`, undefined) > 0,
        );
      if (readable) chosen.set(word, readable);
    }
    if (chosen.size === 0) return null;
    return correctQueryText(Array.from(text).slice(0, maxQueryLength).join(''), chosen) || null;
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

/** The FROM/WHERE of a match, joined to the pages when filtering by update time. */
function matchClause(
  expression: string,
  updatedAfter: number | undefined,
): [string, (string | number)[]] {
  return updatedAfter === undefined
    ? ['FROM search_fts WHERE search_fts MATCH ?', [expression]]
    : [
        'FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid WHERE search_fts MATCH ? AND d.updated_at >= ?',
        [expression, updatedAfter],
      ];
}

function allOf(groups: readonly QueryGroup[]): string {
  return `(${groups.map((group) => ftsAnyOf(group.alternatives)).join(' AND ')})`;
}

/**
 * Share of the query's groups (0 to 1) with a match in `text`: how well a title or the
 * headings cover the question, like the attribute rule of engines that rank by it.
 */
function coverage(groups: readonly QueryGroup[], text: string): number {
  if (groups.length === 0 || text.length === 0) return 0;
  const words = new Set(searchTokens(text));
  const covered = groups.filter((group) =>
    (group.exact ?? group.alternatives).some((alternative) =>
      alternative.every((word) => words.has(word)),
    ),
  ).length;
  return covered / groups.length;
}

interface MatchingLevel {
  readonly groups: readonly QueryGroup[];
  /** How many of the query's groups this level does not require. */
  readonly dropped: number;
  /** True unless the word being typed is matched by its completions. */
  readonly exact: boolean;
}

/**
 * The levels of a search, strictest first: each relaxation level, first with the word being
 * typed matched exactly (when it is a whole word already), then with its completions.
 */
function matchingLevels(groups: readonly QueryGroup[]): MatchingLevel[] {
  return relaxationLevels(groups).flatMap((level) => {
    const dropped = groups.length - level.length;
    if (!level.some((group) => group.exact)) return [{ groups: level, dropped, exact: true }];
    return [
      {
        groups: level.map((group) =>
          group.exact ? { ...group, alternatives: group.exact } : group,
        ),
        dropped,
        exact: true,
      },
      { groups: level, dropped, exact: false },
    ];
  });
}

/**
 * The groups to require, strictest first: all of them, then without the ones no page holds,
 * then dropping the most common one at a time (never the last one).
 */
function relaxationLevels(groups: readonly QueryGroup[]): QueryGroup[][] {
  const dropOrder = [...groups].sort((a, b) => {
    if ((a.docs === 0) !== (b.docs === 0)) return a.docs === 0 ? -1 : 1;
    return b.docs - a.docs;
  });
  const levels: QueryGroup[][] = [];
  for (let dropped = 0; dropped < groups.length; dropped += 1) {
    const drop = new Set(dropOrder.slice(0, dropped));
    const level = groups.filter((group) => !drop.has(group));
    if (level.every((group) => group.docs > 0)) levels.push(level);
  }
  return levels;
}

function distinctTerms(texts: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const text of texts) for (const term of searchTokens(text)) terms.add(term);
  return terms;
}

function presentHit(row: DocRow, isMatch: TermMatcher): SearchHit {
  return {
    pageId: row.page_id,
    shortId: row.short_id,
    spaceId: row.space_id,
    title: row.title,
    titleHtml: highlightHtml(row.title, isMatch),
    snippetHtml: snippetHtml(row.body, isMatch),
    path: parseList(row.path),
    updatedAt: row.updated_at,
  };
}
