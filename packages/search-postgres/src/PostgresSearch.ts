import {
  clauseWords,
  matchingLevels,
  parseQuery,
  planQuery,
  type SearchHit,
  type SearchRequest,
  type SearchResults,
  type SynonymTable,
  suggestCorrection,
  termMatcher,
  wordStem,
} from '@lore/core';
import type { PostgresDatabase } from '@lore/store-postgres';
import { maxTotal, PostgresRanker } from './PostgresRanker';
import type { PostgresSearchScope } from './PostgresSearchScope';
import { PostgresVocabulary } from './PostgresVocabulary';
import { presentPostgresHit, type StoredPage } from './presentPostgresHit';
import { titleWeights, tsAllOf, tsAnyOf } from './tsQueryText';

const empty: SearchResults = { hits: [], total: 0, totalExact: true, didYouMean: null };

const clamp = (value: number, min: number, max: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;

/**
 * Evaluates one search the way the embedded index does (docs/search.md), with the query planned
 * by core against this index's vocabulary: walks the matching levels from strictest to most
 * relaxed until the requested page is filled, keeps each page's best score, and presents the
 * page of hits with a suggestion. Permissions and filters are conditions of every statement.
 */
export class PostgresSearch {
  readonly #db: PostgresDatabase;
  readonly #rankLimit: number;

  constructor(db: PostgresDatabase, rankLimit: number) {
    this.#db = db;
    this.#rankLimit = rankLimit;
  }

  search(request: SearchRequest, synonyms: SynonymTable): SearchResults {
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
    const vocabulary = new PostgresVocabulary(this.#db);
    const ranker = new PostgresRanker(this.#db, this.#rankLimit, vocabulary);
    // What planning will ask the vocabulary, in one round trip (the limits are planQuery's and
    // wordForms'; a lookup they make otherwise is simply answered by its own statement).
    const words = query.required.flatMap((clause) => clauseWords(clause));
    vocabulary.prefetch(words, [
      ...query.required.flatMap((clause) =>
        clause.kind === 'word' && clause.prefix ? [{ prefix: clause.text, limit: 6 }] : [],
      ),
      ...words
        .filter((word) => word.length >= 4 && /^[a-z]+$/.test(word))
        .map((word) => ({ prefix: wordStem(word), limit: 40 })),
    ]);
    const plan = planQuery(query, vocabulary, synonyms);
    const permitted: PostgresSearchScope = {
      spaceIds,
      hiddenPageIds: request.hiddenPageIds ?? [],
      authorIds: request.filters?.authorIds ?? [],
      tags: (request.filters?.tags ?? []).map((tag) => tag.trim().toLowerCase()),
    };
    const scope: PostgresSearchScope = {
      ...permitted,
      updatedAfter: request.filters?.updatedAfter,
      excluded: plan.excluded.length > 0 ? tsAnyOf(plan.excluded) : undefined,
    };
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
      const all = tsAllOf(groups);
      const matches = ranker.count(all, scope);
      if (level.dropped === 0) fullMatches = Math.max(fullMatches, matches);
      if (matches === 0) continue;
      total = Math.max(total, Math.min(matches, maxTotal));
      totalExact = totalExact && matches <= maxTotal;
      const candidates = ranker.candidates(
        matches,
        tsAllOf(groups, titleWeights),
        all,
        needed + 40,
        scope,
        groups,
      );
      // Matching fewer of the words, or a longer word than the one typed, costs rank.
      const share = groups.length / plan.groups.length;
      const weight = share * (level.exact ? 1 : 0.7);
      for (const candidate of ranker.boosted(candidates, now, plan.groups)) {
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
        : this.#db.query<StoredPage>(
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
    return {
      hits,
      total: Math.max(total, Math.min(ranked.length, maxTotal)),
      totalExact,
      // Suggestions respect the permissions and the author and tag filters, like the hits.
      didYouMean: suggestCorrection(request.text, plan, (word) => ranker.holds(word, permitted)),
    };
  }
}
