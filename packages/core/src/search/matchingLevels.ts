import type { QueryGroup } from './planQuery';

/** One pass of a search: the groups a page must match, and how strictly. */
export interface MatchingLevel {
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
export function matchingLevels(groups: readonly QueryGroup[]): MatchingLevel[] {
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
