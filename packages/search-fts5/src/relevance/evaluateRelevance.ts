import type { SearchIndex } from '@lore/core';
import type { RelevanceQuestion } from './handbookQuestions';

export interface QuestionOutcome {
  readonly query: string;
  /** 1-based rank of the first expected page, or null when it is not in the top 10. */
  readonly rank: number | null;
  readonly top: readonly string[];
}

export interface RelevanceScore {
  /** Share of questions with an expected page in the top 3. */
  readonly hitAt3: number;
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
    outcomes.push({ query: question.query, rank: position < 0 ? null : position + 1, top });
  }
  const hits = outcomes.filter((outcome) => outcome.rank !== null && outcome.rank <= 3).length;
  const reciprocal = outcomes.reduce(
    (sum, outcome) => sum + (outcome.rank ? 1 / outcome.rank : 0),
    0,
  );
  return {
    hitAt3: questions.length === 0 ? 0 : hits / questions.length,
    mrr: questions.length === 0 ? 0 : reciprocal / questions.length,
    outcomes,
  };
}
