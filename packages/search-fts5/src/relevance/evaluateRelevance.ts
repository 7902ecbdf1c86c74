import type { SearchIndex } from '@lore/core';
import type { RelevanceQuestion } from './handbookQuestions';

export interface QuestionOutcome {
  readonly query: string;
  /** 1-based rank of the first expected page, or null when it is not in the top 10. */
  readonly rank: number | null;
  readonly top: readonly string[];
  /** Normalized DCG of the top 10 for this question. */
  readonly ndcg: number;
}

export interface RelevanceScore {
  /** Share of questions with an expected page first. */
  readonly hitAt1: number;
  /** Share of questions with an expected page in the top 3. */
  readonly hitAt3: number;
  /**
   * Mean normalized discounted cumulative gain over the top 10, every expected page counting
   * as relevant: 1 when the expected pages fill the first places.
   */
  readonly ndcgAt10: number;
  /** Mean reciprocal rank over the top 10. */
  readonly mrr: number;
  readonly outcomes: readonly QuestionOutcome[];
}

/** Runs each question against the index and scores where the expected pages land. */
export async function evaluateRelevance(
  index: SearchIndex,
  questions: readonly RelevanceQuestion[],
  readableSpaceIds: readonly string[],
): Promise<RelevanceScore> {
  const outcomes: QuestionOutcome[] = [];
  for (const question of questions) {
    const results = await index.search({
      text: question.query,
      readableSpaceIds,
      limit: 10,
      offset: 0,
    });
    const top = results.hits.map((hit) => hit.pageId);
    const position = top.findIndex((id) => question.expected.includes(id));
    outcomes.push({
      query: question.query,
      rank: position < 0 ? null : position + 1,
      top,
      ndcg: ndcgAt10(top, question.expected),
    });
  }
  const hits = outcomes.filter((outcome) => outcome.rank !== null && outcome.rank <= 3).length;
  const reciprocal = outcomes.reduce(
    (sum, outcome) => sum + (outcome.rank ? 1 / outcome.rank : 0),
    0,
  );
  const share = (value: number) => (questions.length === 0 ? 0 : value / questions.length);
  return {
    hitAt1: share(outcomes.filter((outcome) => outcome.rank === 1).length),
    hitAt3: share(hits),
    mrr: share(reciprocal),
    ndcgAt10: share(outcomes.reduce((sum, outcome) => sum + outcome.ndcg, 0)),
    outcomes,
  };
}

/** Binary-relevance nDCG of a ranking's first 10 places against the expected pages. */
export function ndcgAt10(top: readonly string[], expected: readonly string[]): number {
  const gain = (place: number) => 1 / Math.log2(place + 2);
  const wanted = new Set(expected);
  let dcg = 0;
  top.slice(0, 10).forEach((id, place) => {
    if (wanted.delete(id)) dcg += gain(place);
  });
  let ideal = 0;
  for (let place = 0; place < Math.min(new Set(expected).size, 10); place += 1)
    ideal += gain(place);
  return ideal === 0 ? 0 : dcg / ideal;
}
