import {
  type QueryGroup,
  queryCoverage,
  rankingBoost,
  type SearchVocabulary,
  searchTokens,
} from '@lore/core';
import type { PostgresDatabase } from '@lore/store-postgres';
import { bm25Idf, bm25Score, type WeightedPhrase } from './bm25Score';
import { type PostgresSearchScope, scopeConditions } from './PostgresSearchScope';
import { SqlParameters } from './SqlParameters';
import { tsPhrase } from './tsQueryText';

/** A matching page (by `seq`) and its score; higher is better. */
export interface ScoredRow {
  seq: number;
  score: number;
}

/** Matches counted at most; a total beyond it is a lower bound. */
export const maxTotal = 1_000;

interface CandidateRow {
  seq: number;
  title: string;
  headings: string;
  tags: string[];
  path: string[];
  tokens: number;
}

const bySeqDesc = (a: ScoredRow, b: ScoredRow) => b.score - a.score || b.seq - a.seq;
const seqList = (rows: readonly { seq: number }[]) => rows.map((row) => String(row.seq));

/**
 * Runs tsqueries against the index: counts matches, picks candidates (by BM25 computed like
 * FTS5's, or newest first when there are too many to score) and orders them with the ranking
 * boosts shared with the embedded index. Every statement carries the search's scope.
 */
export class PostgresRanker {
  readonly #db: PostgresDatabase;
  readonly #rankLimit: number;
  readonly #vocabulary: SearchVocabulary;
  readonly #phraseCounts = new Map<string, number>();

  /** One ranker per search: it remembers phrase counts for the search's lifetime. */
  constructor(db: PostgresDatabase, rankLimit: number, vocabulary: SearchVocabulary) {
    this.#db = db;
    this.#rankLimit = rankLimit;
    this.#vocabulary = vocabulary;
  }

  /** Matches of `query` (tsquery text), counted up to `maxTotal + 1`. */
  count(query: string, scope: PostgresSearchScope): number {
    const params = new SqlParameters();
    const where = `d.lexemes @@ ${params.add(query)}::tsquery AND ${scopeConditions(scope, params)}`;
    return (
      this.#db.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM (
           SELECT 1 FROM search_index_documents d WHERE ${where} LIMIT ${params.add(maxTotal + 1)}
         ) matches`,
        params.values,
      )?.n ?? 0
    );
  }

  /**
   * The best `limit` candidates for `query` (which matched `matches` pages): ranked by BM25
   * over `groups` when there are few enough, else the newest title and body matches.
   */
  candidates(
    matches: number,
    titleQuery: string,
    query: string,
    limit: number,
    scope: PostgresSearchScope,
    groups: readonly QueryGroup[],
  ): ScoredRow[] {
    return matches <= this.#rankLimit
      ? this.#rankRecent(query, limit, scope, groups)
      : this.#newest(titleQuery, query, limit, scope);
  }

  /** Candidates with the recency, popularity and title-coverage boosts, best first. */
  boosted(candidates: ScoredRow[], now: number, groups: readonly QueryGroup[]): ScoredRow[] {
    if (candidates.length === 0) return [];
    const rows = this.#db.query<{
      seq: number;
      updated_at: number;
      views: number;
      title: string;
      headings: string;
    }>(
      `SELECT seq, updated_at, views, title, headings FROM search_index_documents
       WHERE seq = ANY($1::bigint[])`,
      [seqList(candidates)],
    );
    const meta = new Map(rows.map((row) => [row.seq, row]));
    return candidates
      .map((candidate) => {
        const row = meta.get(candidate.seq);
        if (!row) return candidate;
        const boost =
          rankingBoost(row.updated_at, row.views, now) *
          (1 + 2 * queryCoverage(groups, row.title) + queryCoverage(groups, row.headings) / 2);
        return { seq: candidate.seq, score: candidate.score * boost };
      })
      .sort(bySeqDesc);
  }

  /** Whether a page within `scope` holds `word`. */
  holds(word: string, scope: PostgresSearchScope): boolean {
    const params = new SqlParameters();
    const where = `d.lexemes @@ ${params.add(tsPhrase([word]))}::tsquery AND ${scopeConditions(scope, params)}`;
    return (
      this.#db.one(
        `SELECT 1 FROM search_index_documents d WHERE ${where} LIMIT 1`,
        params.values,
      ) !== null
    );
  }

  /** The newest `rankLimit` matches scored by BM25; the best `limit`. */
  #rankRecent(
    query: string,
    limit: number,
    scope: PostgresSearchScope,
    groups: readonly QueryGroup[],
  ): ScoredRow[] {
    const params = new SqlParameters();
    const where = `d.lexemes @@ ${params.add(query)}::tsquery AND ${scopeConditions(scope, params)}`;
    const rows = this.#db.query<CandidateRow>(
      `SELECT d.seq, d.title, d.headings, d.tags, d.path, d.tokens FROM search_index_documents d
       WHERE ${where} ORDER BY d.seq DESC LIMIT ${params.add(this.#rankLimit)}`,
      params.values,
    );
    if (rows.length === 0) return [];
    const phrases = groups.flatMap((group) => group.alternatives);
    const words = [...new Set(phrases.flat())];
    const [positions, totals] = this.#db.batch([
      {
        sql: `SELECT d.seq, u.lexeme, u.positions FROM search_index_documents d,
                unnest(ts_filter(d.lexemes, '{d}')) u
              WHERE d.seq = ANY($1::bigint[]) AND u.lexeme = ANY($2::text[])`,
        params: [seqList(rows), words],
      },
      {
        sql: `SELECT coalesce(sum(docs), 0)::bigint AS pages, coalesce(sum(tokens), 0)::bigint AS tokens
              FROM search_index_spaces`,
      },
    ]);
    const body = new Map<number, Map<string, Set<number>>>();
    for (const row of (positions?.rows ?? []) as {
      seq: number;
      lexeme: string;
      positions: number[];
    }[]) {
      const page = body.get(row.seq) ?? new Map<string, Set<number>>();
      page.set(row.lexeme, new Set(row.positions));
      body.set(row.seq, page);
    }
    const total = (totals?.rows[0] ?? {}) as { pages?: number; tokens?: number };
    const pages = Number(total.pages ?? 0);
    const averageTokens = pages > 0 ? Number(total.tokens ?? 0) / pages : 1;
    const weighted: WeightedPhrase[] = phrases.map((phrase) => ({
      words: phrase,
      idf: bm25Idf(pages, this.#phraseDocs(phrase)),
    }));
    return rows
      .map((row) => ({
        seq: row.seq,
        score: bm25Score(
          {
            title: searchTokens(row.title),
            headings: searchTokens(row.headings),
            tags: searchTokens(row.tags.join('\n')),
            path: searchTokens(row.path.join('\n')),
            body: body.get(row.seq) ?? new Map(),
            tokens: row.tokens,
          },
          weighted,
          averageTokens,
        ),
      }))
      .sort(bySeqDesc)
      .slice(0, limit);
  }

  /**
   * Too many matches to score them all (a very common word, a short prefix): BM25 would tell
   * little apart anyway. The newest title and heading matches come first, shortest titles
   * first, then the newest body matches; the boosts order them further.
   */
  #newest(
    titleQuery: string,
    query: string,
    limit: number,
    scope: PostgresSearchScope,
  ): ScoredRow[] {
    const newest = (match: string) => {
      const params = new SqlParameters();
      const where = `d.lexemes @@ ${params.add(match)}::tsquery AND ${scopeConditions(scope, params)}`;
      return this.#db.query<{ seq: number; title: string }>(
        `SELECT d.seq, d.title FROM search_index_documents d WHERE ${where}
         ORDER BY d.seq DESC LIMIT ${params.add(limit)}`,
        params.values,
      );
    };
    const scored: ScoredRow[] = newest(titleQuery).map((row) => ({
      seq: row.seq,
      // A shorter title is a closer match.
      score: 2 + 1 / (row.title.length - row.title.replaceAll(' ', '').length + 1),
    }));
    const seen = new Set(scored.map((row) => row.seq));
    for (const row of newest(query)) {
      if (!seen.has(row.seq)) scored.push({ seq: row.seq, score: 1 });
    }
    return scored;
  }

  /** Pages holding a phrase anywhere in the index, for its inverse document frequency. */
  #phraseDocs(phrase: readonly string[]): number {
    const [word] = phrase;
    if (phrase.length === 1 && word !== undefined) return this.#vocabulary.docs(word);
    const key = phrase.join(' ');
    let docs = this.#phraseCounts.get(key);
    if (docs === undefined) {
      docs =
        this.#db.one<{ n: number }>(
          'SELECT count(*)::int AS n FROM search_index_documents WHERE lexemes @@ $1::tsquery',
          [tsPhrase(phrase)],
        )?.n ?? 0;
      this.#phraseCounts.set(key, docs);
    }
    return docs;
  }
}
