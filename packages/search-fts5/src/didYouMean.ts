import { type QueryPlan, suggestCorrection } from '@lore/core';
import type { FtsRanker, FtsScope } from './FtsRanker';
import { textColumns } from './ftsMatchExpression';
import { ftsPhrase } from './ftsPhrase';

/**
 * "Did you mean" (`suggestCorrection`), asking FTS5 whether a readable page holds a correction:
 * `filter` is the permission part of the MATCH expression, `scope` the hidden pages and joined
 * spaces.
 */
export function didYouMean(
  text: string,
  plan: QueryPlan,
  filter: string,
  ranker: FtsRanker,
  scope: FtsScope,
): string | null {
  return suggestCorrection(
    text,
    plan,
    (candidate) =>
      ranker.count(`(${textColumns} : ${ftsPhrase([candidate])})${filter}`, {
        hiddenRowids: scope.hiddenRowids,
        spaceIds: scope.spaceIds,
      }) > 0,
  );
}
