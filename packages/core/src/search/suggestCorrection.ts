import { correctQueryText } from './correctQueryText';
import { maxQueryLength } from './parseQuery';
import type { QueryPlan } from './planQuery';

/**
 * "Did you mean": the query text with each unknown word replaced by the likeliest of its first
 * three corrections that a page the searcher may read holds (`isReadable` asks the index,
 * within the searcher's permissions), or null when nothing is worth suggesting.
 */
export function suggestCorrection(
  text: string,
  plan: QueryPlan,
  isReadable: (word: string) => boolean,
): string | null {
  if (plan.corrections.size === 0) return null;
  const chosen = new Map<string, string>();
  for (const [word, candidates] of plan.corrections) {
    const readable = candidates.slice(0, 3).find(isReadable);
    if (readable) chosen.set(word, readable);
  }
  if (chosen.size === 0) return null;
  return correctQueryText(Array.from(text).slice(0, maxQueryLength).join(''), chosen) || null;
}
