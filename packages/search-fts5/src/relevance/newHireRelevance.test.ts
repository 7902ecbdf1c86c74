import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@lore/store-sqlite';
import { describe, expect, it } from 'vitest';
import { Fts5SearchIndex } from '../Fts5SearchIndex';
import { evaluateRelevance, type RelevanceScore } from './evaluateRelevance';
import { handbookQuestions } from './handbookQuestions';
import { corporaDir, handbookDir, loadHandbook } from './loadHandbook';
import {
  type NewHireQuestion,
  newHireTestQuestions,
  newHireTuningQuestions,
} from './newHireQuestions';

/**
 * SHA-256 of the held-out half as it was written. Ranking work may look at the tuning half
 * only; the held-out half measures it on questions it was never fitted to, so it never changes.
 */
const frozenTestDigest = '129f4b06a02c7215db59733a39262b74c703551dacc16417f26936f99a50ce30';

const digestOf = (questions: readonly NewHireQuestion[]) =>
  createHash('sha256').update(JSON.stringify(questions)).digest('hex');
const normalized = (query: string) => query.toLowerCase().replace(/\s+/g, ' ').trim();

describe('the new-hire question set', () => {
  it('keeps the held-out half frozen, the halves apart from each other and from the older 38', () => {
    expect(digestOf(newHireTestQuestions)).toBe(frozenTestDigest);
    expect(newHireTuningQuestions.length).toBeGreaterThanOrEqual(50);
    expect(newHireTestQuestions.length).toBeGreaterThanOrEqual(50);
    const older = new Set(handbookQuestions.map((question) => normalized(question.query)));
    const seen = new Set<string>();
    for (const question of [...newHireTuningQuestions, ...newHireTestQuestions]) {
      const query = normalized(question.query);
      expect(older.has(query), query).toBe(false);
      expect(seen.has(query), query).toBe(false);
      seen.add(query);
      expect(question.expected.length, query).toBeGreaterThanOrEqual(1);
      expect(question.expected.length, query).toBeLessThanOrEqual(3);
    }
  });
});

const dir = handbookDir();
if (!dir) {
  console.warn(
    `The new-hire relevance suite did NOT run: ${join(corporaDir(), 'sourcegraph-handbook')} is missing (set LORE_CORPORA).`,
  );
}

const row = (name: string, count: number, score: RelevanceScore) =>
  `  ${name.padEnd(22)} ${String(count).padStart(4)}  ${[
    score.hitAt1,
    score.hitAt3,
    score.mrr,
    score.ndcgAt10,
  ]
    .map((value) => value.toFixed(3).padStart(7))
    .join('')}`;

describe.skipIf(!dir)('new-hire relevance on the handbook (FTS5)', () => {
  it('reports hit@1, hit@3, MRR and nDCG@10 for the older 38, the tuning half and the held-out half', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'lore-relevance-'));
    const db = openDatabase({ path: join(tmp, 'lore.db') });
    try {
      const pages = loadHandbook(dir ?? '');
      const byId = new Map(pages.map((page) => [page.pageId, page]));
      // Every answer names a page of the corpus, and every section one of its headings.
      for (const question of [...newHireTuningQuestions, ...newHireTestQuestions]) {
        for (const path of question.expected) expect(byId.has(path), path).toBe(true);
        if (question.section !== undefined) {
          const page = byId.get(question.expected[0] ?? '');
          const headings = [page?.title ?? '', ...(page?.headings ?? [])].map(normalized);
          expect(headings, `${question.query}: ${question.section}`).toContain(
            normalized(question.section),
          );
        }
      }
      const index = new Fts5SearchIndex({ db });
      async function* batches() {
        yield pages;
      }
      await index.rebuild(batches());
      const older = await evaluateRelevance(index, handbookQuestions, ['handbook']);
      const tuning = await evaluateRelevance(index, newHireTuningQuestions, ['handbook']);
      const heldOut = await evaluateRelevance(index, newHireTestQuestions, ['handbook']);
      const kinds = [...new Set(newHireTuningQuestions.map((question) => question.kind))].sort();
      const byKind = (questions: readonly NewHireQuestion[], score: RelevanceScore) =>
        kinds
          .map((kind) => {
            const outcomes = score.outcomes.filter((_, index) => questions[index]?.kind === kind);
            const hits = outcomes.filter((o) => o.rank !== null && o.rank <= 3).length;
            return `${kind} ${hits}/${outcomes.length}`;
          })
          .join(', ');
      const misses = tuning.outcomes
        .filter((outcome) => outcome.rank === null || outcome.rank > 3)
        .map((outcome) => `  ${outcome.rank ?? '-'}  ${outcome.query}`);
      console.log(
        [
          `New-hire relevance (${pages.length} pages):`,
          '  set                   questions  hit@1  hit@3    MRR nDCG@10',
          row('older 38 (fitted)', handbookQuestions.length, older),
          row('new-hire tuning half', newHireTuningQuestions.length, tuning),
          row('new-hire held-out half', newHireTestQuestions.length, heldOut),
          `  hit@3 by kind, tuning: ${byKind(newHireTuningQuestions, tuning)}`,
          `  hit@3 by kind, held out: ${byKind(newHireTestQuestions, heldOut)}`,
          `Tuning questions not in the top 3:\n${misses.join('\n')}`,
        ].join('\n'),
      );
      for (const score of [older, tuning, heldOut]) {
        for (const value of [score.hitAt1, score.hitAt3, score.mrr, score.ndcgAt10]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
        expect(score.hitAt1).toBeLessThanOrEqual(score.hitAt3);
      }
    } finally {
      db.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
