import type { QueryGroup } from './planQuery';
import { searchTokens } from './searchTokens';

/**
 * Share of the query's groups (0 to 1) with a match in `text`: how well a title or the
 * headings cover the question, like the attribute rule of engines that rank by it.
 */
export function queryCoverage(groups: readonly QueryGroup[], text: string): number {
  if (groups.length === 0 || text.length === 0) return 0;
  const words = new Set(searchTokens(text));
  const covered = groups.filter((group) =>
    (group.exact ?? group.alternatives).some((alternative) =>
      alternative.every((word) => words.has(word)),
    ),
  ).length;
  return covered / groups.length;
}
