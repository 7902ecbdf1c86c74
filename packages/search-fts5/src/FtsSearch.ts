import {
  matchingLevels,
  parseQuery,
  planQuery,
  type SearchHit,
  type SearchRequest,
  type SearchResults,
  type SynonymTable,
  termMatcher,
} from '@lore/core';
import type Database from 'better-sqlite3';
import { didYouMean } from './didYouMean';
import type { FtsDocumentRow } from './FtsDocumentRow';
import { type FtsRanker, type FtsScope, maxTotal } from './FtsRanker';
import type { FtsVocabulary } from './FtsVocabulary';
import { ftsFilterExpression } from './ftsFilterExpression';
import { ftsAllOf, textColumns, titleColumns } from './ftsMatchExpression';
import { ftsAnyOf } from './ftsPhrase';
import { presentFtsHit } from './presentFtsHit';
import { searchableSpaces } from './searchableSpaces';

const empty: SearchResults = { hits: [], total: 0, totalExact: true, didYouMean: null };

/** Most pages a search's words may match for its spaces to be checked on the page rows. */
const joinedSpacesUpTo = 3_000;

const clamp = (value: number, min: number, max: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;

/**
 * Evaluates one search (see docs/search.md): plans the query, walks the matching levels from
 * strictest to most relaxed until the requested page is filled, keeps each page's best score,
 * and presents the page of hits with a suggestion. Callers run it in one read transaction.
 */
export class FtsSearch {
  readonly #vocabulary: FtsVocabulary;
  readonly #ranker: FtsRanker;
  readonly #statements;

  constructor(db: Database.Database, vocabulary: FtsVocabulary, ranker: FtsRanker) {
    this.#vocabulary = vocabulary;
    this.#ranker = ranker;
    this.#statements = {
      spaces: db.prepare<[], string>('SELECT space_id FROM search_spaces').pluck(),
      hiddenRowids: db
        .prepare<[string], number>(
          'SELECT rowid FROM search_docs WHERE page_id IN (SELECT value FROM json_each(?))',
        )
        .pluck(),
      rows: db.prepare<[string], FtsDocumentRow>(
        'SELECT * FROM search_docs WHERE rowid IN (SELECT value FROM json_each(?))',
      ),
    };
  }

  search(request: SearchRequest, synonyms: SynonymTable): SearchResults {
    const limit = clamp(request.limit, 1, 100);
    const offset = clamp(request.offset, 0, maxTotal);
    const needed = offset + limit;
    const query = parseQuery(request.text);
    if (query.required.length === 0) return empty;
    const indexedSpaces = this.#statements.spaces.all();
    const searchable = searchableSpaces(request, indexedSpaces);
    if (searchable === null) return empty;
    const plan = planQuery(query, this.#vocabulary, synonyms);
    // No level of this search matches more pages than its most common word group does. When
    // that is few, checking each match's space on its row is cheaper than a MATCH over the
    // tokens of many readable spaces; when it is many, the index's own filter stops early.
    const mostMatches = Math.max(0, ...plan.groups.map((group) => group.docs));
    const joinSpaces = searchable.outside.length > 0 && mostMatches <= joinedSpacesUpTo;
    const filter = ftsFilterExpression(request, indexedSpaces, joinSpaces ? 'joined' : 'match');
    if (filter === null) return empty;
    const excluded =
      plan.excluded.length > 0 ? ` NOT (${textColumns} : ${ftsAnyOf(plan.excluded)})` : '';
    const hidden =
      request.hiddenPageIds && request.hiddenPageIds.length > 0
        ? this.#statements.hiddenRowids.all(JSON.stringify(request.hiddenPageIds))
        : [];
    const scope: FtsScope = {
      updatedAfter: request.filters?.updatedAfter,
      hiddenRowids: hidden.length > 0 ? JSON.stringify(hidden) : undefined,
      spaceIds: joinSpaces ? JSON.stringify(searchable.inside) : undefined,
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
      const all = `(${textColumns} : ${ftsAllOf(groups)})${filter}${excluded}`;
      const matches = this.#ranker.count(all, scope);
      if (level.dropped === 0) fullMatches = Math.max(fullMatches, matches);
      if (matches === 0) continue;
      total = Math.max(total, Math.min(matches, maxTotal));
      totalExact = totalExact && matches <= maxTotal;
      const candidates = this.#ranker.candidates(
        matches,
        `(${titleColumns} : ${ftsAllOf(groups)})${filter}${excluded}`,
        all,
        needed + 40,
        scope,
      );
      // Matching fewer of the words, or a longer word than the one typed, costs rank.
      const share = groups.length / plan.groups.length;
      const weight = share * (level.exact ? 1 : 0.7);
      for (const candidate of this.#ranker.boosted(candidates, now, plan.groups)) {
        const score = candidate.score * weight;
        if (score > (best.get(candidate.rowid) ?? Number.NEGATIVE_INFINITY)) {
          best.set(candidate.rowid, score);
        }
      }
    }
    const ranked = [...best]
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
      if (row) hits.push(presentFtsHit(row, isMatch));
    }
    return {
      hits,
      total: Math.max(total, Math.min(ranked.length, maxTotal)),
      totalExact,
      didYouMean: didYouMean(request.text, plan, filter, this.#ranker, scope),
    };
  }
}
