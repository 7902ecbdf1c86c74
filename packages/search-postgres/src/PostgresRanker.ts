import { type QueryGroup, queryCoverage, rankingBoost, searchTokens } from '@lore/core';
import type pg from 'pg';
import { bm25Idf, bm25Score, type WeightedPhrase } from './bm25Score';
import { type PostgresSearchScope, scopeConditions } from './PostgresSearchScope';
import type { PostgresVocabulary } from './PostgresVocabulary';
import { queryRows } from './queryRows';
import { SqlParameters } from './SqlParameters';
import { tsvectorPositions } from './tsvectorPositions';

/** A matching page (by `seq`) and its score; higher is better. */
export interface ScoredRow {
  seq: number;
  score: number;
}

/** Matches counted at most; a total beyond it is a lower bound. */
export const maxTotal = 1_000;

/** What one level of a search found: its matches (counted up to `maxTotal + 1`), scored. */
export interface LevelResult {
  readonly matches: number;
  /** The best candidates with the ranking boosts, best first. */
  readonly candidates: ScoredRow[];
}

/** One row of a level's statement: the count, and a candidate with what scoring it needs. */
interface LevelRow {
  n: number;
  /** Null when nothing matched. */
  part: 'ranked' | 'title' | 'body' | null;
  seq: number;
  title: string;
  headings: string;
  tags: string[];
  path: string[];
  tokens: number;
  updated_at: number;
  views: number;
  /** Body positions of the searched words as tsvector text (ranked candidates only). */
  body: string | null;
}

const bySeqDesc = (a: ScoredRow, b: ScoredRow) => b.score - a.score || b.seq - a.seq;

/**
 * Runs the levels of a search against the index, one statement each: counts the matches and
 * picks candidates (by BM25 computed like FTS5's, or newest first when there are too many to
 * score), then orders them with the ranking boosts shared with the embedded index. Every
 * statement carries the search's scope.
 */
export class PostgresRanker {
  readonly #rankLimit: number;
  readonly #vocabulary: PostgresVocabulary;

  /** `vocabulary` has loaded the page counts of every phrase the levels hold. */
  constructor(rankLimit: number, vocabulary: PostgresVocabulary) {
    this.#rankLimit = rankLimit;
    this.#vocabulary = vocabulary;
  }

  /**
   * The matches of `query` (tsquery text of the level's `groups`) and its best `limit`
   * candidates, boosted against all of the query's groups (`allGroups`): ranked by BM25 when at
   * most `rankLimit` pages match, else the newest title and heading matches (`titleQuery`),
   * shortest titles first, then the newest body matches.
   */
  async level(
    client: pg.PoolClient,
    level: {
      query: string;
      titleQuery: string;
      groups: readonly QueryGroup[];
      limit: number;
      scope: PostgresSearchScope;
    },
    allGroups: readonly QueryGroup[],
    now: number,
  ): Promise<LevelResult> {
    const phrases = level.groups.flatMap((group) => group.alternatives);
    const params = new SqlParameters();
    const query = params.add(level.query);
    const scope = scopeConditions(level.scope, params);
    const rankLimit = params.add(this.#rankLimit);
    const limit = params.add(level.limit);
    const columns = 'seq, title, headings, tags, path, tokens, updated_at, views';
    const newest = (match: string) =>
      `SELECT ${columns} FROM search_index_documents d
       WHERE d.lexemes @@ ${match}::tsquery AND ${scope} ORDER BY d.seq DESC LIMIT ${limit}`;
    // Matches are counted up to maxTotal + 1, with what ranking needs of them; when few enough,
    // all of them are ranked, else the newest title and body matches are read, each branch
    // behind a condition on the count that PostgreSQL evaluates once, before running it. The
    // body positions of the searched words come out of the page's lexemes without unpacking
    // them all: those words are marked with weight A in a copy of the body's (D) lexemes, and
    // only A is kept.
    const rows = await queryRows<LevelRow>(
      client,
      `WITH matched AS MATERIALIZED (
         SELECT ${columns}, lexemes FROM search_index_documents d
         WHERE d.lexemes @@ ${query}::tsquery AND ${scope} LIMIT ${params.add(maxTotal + 1)}
       ), counted AS (
         SELECT count(*)::int AS n FROM matched
       )
       SELECT n, NULL AS part, NULL::bigint AS seq, NULL AS title, NULL AS headings,
              NULL::text[] AS tags, NULL::text[] AS path, NULL::int AS tokens,
              NULL::bigint AS updated_at, NULL::bigint AS views, NULL AS body
       FROM counted
       UNION ALL
       SELECT n, 'ranked', ${columns},
              ts_filter(setweight(ts_filter(lexemes, '{d}'), 'A',
                                  ${params.add([...new Set(phrases.flat())])}::text[]), '{a}')::text
       FROM counted, matched WHERE n <= ${rankLimit}
       UNION ALL
       SELECT n, 'title', t.*, NULL FROM counted, LATERAL (
         ${newest(params.add(level.titleQuery))}
       ) t WHERE n > ${rankLimit}
       UNION ALL
       SELECT n, 'body', b.*, NULL FROM counted, LATERAL (${newest(query)}) b WHERE n > ${rankLimit}`,
      params.values,
    );
    const matches = rows[0]?.n ?? 0;
    const found = rows.filter((row) => row.part !== null);
    const scored =
      matches <= this.#rankLimit
        ? this.#bm25(found, phrases).sort(bySeqDesc).slice(0, level.limit)
        : newestFirst(found);
    const bySeq = new Map(found.map((row) => [row.seq, row]));
    const candidates = scored
      .map((candidate) => {
        const row = bySeq.get(candidate.seq);
        if (!row) return candidate;
        const boost =
          rankingBoost(row.updated_at, row.views, now) *
          (1 +
            2 * queryCoverage(allGroups, row.title) +
            queryCoverage(allGroups, row.headings) / 2);
        return { seq: candidate.seq, score: candidate.score * boost };
      })
      .sort(bySeqDesc);
    return { matches, candidates };
  }

  /** The rows scored by BM25 over `phrases`. */
  #bm25(rows: readonly LevelRow[], phrases: readonly (readonly string[])[]): ScoredRow[] {
    const { pages, tokens } = this.#vocabulary.totals;
    const averageTokens = pages > 0 ? tokens / pages : 1;
    const weighted: WeightedPhrase[] = phrases.map((phrase) => ({
      words: phrase,
      idf: bm25Idf(pages, this.#vocabulary.phraseDocs(phrase)),
    }));
    return rows.map((row) => ({
      seq: row.seq,
      score: bm25Score(
        {
          title: searchTokens(row.title),
          headings: searchTokens(row.headings),
          tags: searchTokens(row.tags.join('\n')),
          path: searchTokens(row.path.join('\n')),
          body: tsvectorPositions(row.body ?? ''),
          tokens: row.tokens,
        },
        weighted,
        averageTokens,
      ),
    }));
  }
}

/**
 * Too many matches to score them all (a very common word, a short prefix): BM25 would tell
 * little apart anyway. The title and heading matches come first, shorter titles first, then the
 * body matches; the boosts order them further.
 */
function newestFirst(rows: readonly LevelRow[]): ScoredRow[] {
  const scored: ScoredRow[] = rows
    .filter((row) => row.part === 'title')
    .map((row) => ({
      seq: row.seq,
      // A shorter title is a closer match.
      score: 2 + 1 / (row.title.length - row.title.replaceAll(' ', '').length + 1),
    }));
  const seen = new Set(scored.map((row) => row.seq));
  for (const row of rows) {
    if (row.part === 'body' && !seen.has(row.seq)) scored.push({ seq: row.seq, score: 1 });
  }
  return scored;
}
