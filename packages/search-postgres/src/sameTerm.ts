/**
 * A vocabulary word equal to another, as a range: only the primary key answers a range, and
 * the planner would otherwise look an equal word up in the trigram index, at many times the cost.
 */
export const sameTerm = (term: string, other: string) =>
  `${term} >= ${other} AND ${term} <= ${other}`;
