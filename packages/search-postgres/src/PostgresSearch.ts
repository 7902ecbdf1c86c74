import {
  clauseWords,
  matchingLevels,
  type ParsedQuery,
  parseQuery,
  planQuery,
  type QueryPlan,
  type SearchHit,
  type SearchRequest,
  type SearchResults,
  type SynonymTable,
  suggestCorrection,
  termMatcher,
  typoBudget,
  wordStem,
} from '@lore/core';
import { postgresPoolTransaction } from '@lore/store-postgres';
import type pg from 'pg';
import { maxTotal, PostgresRanker } from './PostgresRanker';
import { type PostgresSearchScope, scopeConditions } from './PostgresSearchScope';
import { PostgresVocabulary } from './PostgresVocabulary';
import { presentPostgresHit, type StoredPage } from './presentPostgresHit';
import { queryRows } from './queryRows';
import { SqlParameters } from './SqlParameters';
import { titleWeights, tsAllOf, tsAnyOf, tsPhrase } from './tsQueryText';

const empty: SearchResults = { hits: [], total: 0, totalExact: true, didYouMean: null };

const clamp = (value: number, min: number, max: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;

// One snapshot for the whole search, so counts, vocabulary and candidates agree. The planner
// prices a sequential scan without the cost of unpacking every page's lexemes, which are stored
// out of line, and so prefers it to the GIN index on small and middling indexes, at many times
// the cost; scans of this search use the indexes. JIT compilation is never worth it here.
const beginSearch =
  'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL enable_seqscan = off; SET LOCAL jit = off';

/**
 * Evaluates one search the way the embedded index does (docs/search.md), with the query planned
 * by core against this index's vocabulary: walks the matching levels from strictest to most
 * relaxed until the requested page is filled, keeps each page's best score, and presents the
 * page of hits with a suggestion. Permissions and filters are conditions of every statement.
 * All statements of a search run on one pooled connection, none of them blocking the process.
 */
export class PostgresSearch {
  readonly #pool: pg.Pool;
  readonly #rankLimit: number;

  constructor(pool: pg.Pool, rankLimit: number) {
    this.#pool = pool;
    this.#rankLimit = rankLimit;
  }

  async search(request: SearchRequest, synonyms: SynonymTable): Promise<SearchResults> {
    const limit = clamp(request.limit, 1, 100);
    const offset = clamp(request.offset, 0, maxTotal);
    const needed = offset + limit;
    const query = parseQuery(request.text);
    if (query.required.length === 0) return empty;
    const readable = new Set(request.readableSpaceIds);
    const requested = request.filters?.spaceIds;
    const spaceIds =
      requested && requested.length > 0
        ? [...new Set(requested)].filter((id) => readable.has(id))
        : [...readable];
    if (spaceIds.length === 0) return empty;
    const permitted: PostgresSearchScope = {
      spaceIds,
      hiddenPageIds: request.hiddenPageIds ?? [],
      authorIds: request.filters?.authorIds ?? [],
      tags: (request.filters?.tags ?? []).map((tag) => tag.trim().toLowerCase()),
    };
    const now = request.now ?? Date.now();

    return postgresPoolTransaction(
      this.#pool,
      async (client) => {
        const vocabulary = new PostgresVocabulary();
        const plan = await planSearch(client, query, vocabulary, synonyms);
        const scope: PostgresSearchScope = {
          ...permitted,
          updatedAfter: request.filters?.updatedAfter,
          excluded: plan.excluded.length > 0 ? tsAnyOf(plan.excluded) : undefined,
        };
        const ranker = new PostgresRanker(this.#rankLimit, vocabulary);
        const best = new Map<number, number>();
        let total = 0;
        let totalExact = true;
        let fullMatches = 0;
        for (const level of matchingLevels(plan.groups)) {
          // Pages matching fewer words are looked at when all words found few pages (a
          // question with a word the answer does not use) or too few to fill the page.
          // Completions of a word typed in full only fill up: "slack" should not rank "slackbot".
          const needMore = best.size < needed;
          if (!level.exact && !needMore) continue;
          if (level.dropped > 0 && !needMore && (level.dropped > 1 || fullMatches >= 50)) break;
          const groups = level.groups;
          const { matches, candidates } = await ranker.level(
            client,
            {
              query: tsAllOf(groups),
              titleQuery: tsAllOf(groups, titleWeights),
              groups,
              limit: needed + 40,
              scope,
            },
            plan.groups,
            now,
          );
          if (level.dropped === 0) fullMatches = Math.max(fullMatches, matches);
          if (matches === 0) continue;
          total = Math.max(total, Math.min(matches, maxTotal));
          totalExact = totalExact && matches <= maxTotal;
          // Matching fewer of the words, or a longer word than the one typed, costs rank.
          const share = groups.length / plan.groups.length;
          const weight = share * (level.exact ? 1 : 0.7);
          for (const candidate of candidates) {
            const score = candidate.score * weight;
            if (score > (best.get(candidate.seq) ?? Number.NEGATIVE_INFINITY)) {
              best.set(candidate.seq, score);
            }
          }
        }
        const ranked = [...best]
          .map(([seq, score]) => ({ seq, score }))
          .sort((a, b) => b.score - a.score || b.seq - a.seq);

        const page = ranked.slice(offset, offset + limit);
        const rows =
          page.length === 0
            ? []
            : await queryRows<StoredPage>(
                client,
                `SELECT seq, page_id, short_id, space_id, title, body, path, updated_at
                 FROM search_index_documents WHERE seq = ANY($1::bigint[])`,
                [page.map((candidate) => String(candidate.seq))],
              );
        const bySeq = new Map(rows.map((row) => [row.seq, row]));
        const isMatch = termMatcher(plan.markWords, plan.markPrefixes);
        const hits: SearchHit[] = [];
        for (const candidate of page) {
          const row = bySeq.get(candidate.seq);
          if (row) hits.push(presentPostgresHit(row, isMatch));
        }
        // Suggestions respect the permissions and the author and tag filters, like the hits.
        const held = await heldWords(client, plan, permitted);
        return {
          hits,
          total: Math.max(total, Math.min(ranked.length, maxTotal)),
          totalExact,
          didYouMean: suggestCorrection(request.text, plan, (word) => held.has(word)),
        };
      },
      beginSearch,
    );
  }
}

/**
 * Plans the query against the vocabulary, loading what planning asks for: first what it will
 * ask for in the usual case (the words, the completions of the word being typed and of each
 * word's stem, typo candidates), in one statement; then, only if planning asked for more (a
 * synonym's words, the counts of phrases for BM25), those, and plans again.
 */
async function planSearch(
  client: pg.PoolClient,
  query: ParsedQuery,
  vocabulary: PostgresVocabulary,
  synonyms: SynonymTable,
): Promise<QueryPlan> {
  // The limits are planQuery's and wordForms'.
  const words = query.required.flatMap((clause) => clauseWords(clause));
  vocabulary.expect({
    words,
    completions: [
      ...query.required.flatMap((clause) =>
        clause.kind === 'word' && clause.prefix ? [{ prefix: clause.text, limit: 6 }] : [],
      ),
      ...words
        .filter((word) => word.length >= 4 && /^[a-z]+$/.test(word))
        .map((word) => ({ prefix: wordStem(word), limit: 40 })),
    ],
    typos: words.map((word) => ({ word, maxDistance: typoBudget(word) })),
  });
  for (;;) {
    await vocabulary.load(client);
    const plan = planQuery(query, vocabulary, synonyms);
    // What ranking will read: the page counts of the phrases of every level.
    for (const group of plan.groups) {
      for (const phrase of [...group.alternatives, ...(group.exact ?? [])]) {
        vocabulary.phraseDocs(phrase);
      }
    }
    // Each pass answers every lookup asked so far, so planning ends up asking nothing new.
    if (!vocabulary.incomplete) return plan;
  }
}

/**
 * Which of the corrections "did you mean" may suggest (the first three of each unknown word) a
 * page within `scope` holds, in one statement.
 */
async function heldWords(
  client: pg.PoolClient,
  plan: QueryPlan,
  scope: PostgresSearchScope,
): Promise<Set<string>> {
  const words = [...new Set([...plan.corrections.values()].flatMap((list) => list.slice(0, 3)))];
  if (words.length === 0) return new Set();
  const params = new SqlParameters();
  const rows = await queryRows<{ word: string }>(
    client,
    `SELECT w.word FROM unnest(${params.add(words)}::text[],
                               ${params.add(words.map((word) => tsPhrase([word])))}::text[])
                        AS w (word, query)
     WHERE EXISTS (
       SELECT 1 FROM search_index_documents d
       WHERE d.lexemes @@ w.query::tsquery AND ${scopeConditions(scope, params)}
     )`,
    params.values,
  );
  return new Set(rows.map((row) => row.word));
}
