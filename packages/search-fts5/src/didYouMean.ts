import { correctQueryText, maxQueryLength } from '@lore/core';
import type { FtsRanker, FtsScope } from './FtsRanker';
import { textColumns } from './ftsMatchExpression';
import { ftsPhrase } from './ftsPhrase';
import type { QueryPlan } from './planQuery';

/**
 * The query with unknown words replaced by the likeliest word a readable page holds (`filter`
 * is the permission part of the MATCH expression, `scope` the hidden pages and joined spaces), or null when
 * nothing is worth suggesting.
 */
export function didYouMean(
  text: string,
  plan: QueryPlan,
  filter: string,
  ranker: FtsRanker,
  scope: FtsScope,
): string | null {
  if (plan.corrections.size === 0) return null;
  const chosen = new Map<string, string>();
  for (const [word, candidates] of plan.corrections) {
    const readable = candidates.slice(0, 3).find(
      (candidate) =>
        ranker.count(`(${textColumns} : ${ftsPhrase([candidate])})${filter}`, {
          hiddenRowids: scope.hiddenRowids,
          spaceIds: scope.spaceIds,
        }) > 0,
    );
    if (readable) chosen.set(word, readable);
  }
  if (chosen.size === 0) return null;
  return correctQueryText(Array.from(text).slice(0, maxQueryLength).join(''), chosen) || null;
}
