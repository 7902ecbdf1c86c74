import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@lore/store-sqlite';
import { describe, expect, it } from 'vitest';
import { Fts5SearchIndex } from '../Fts5SearchIndex';
import { evaluateRelevance } from './evaluateRelevance';
import { handbookQuestions } from './handbookQuestions';
import { corporaDir, handbookDir, loadHandbook } from './loadHandbook';

const dir = handbookDir();
if (!dir) {
  console.warn(
    `The handbook relevance suite did NOT run: ${join(corporaDir(), 'sourcegraph-handbook')} is missing (set LORE_CORPORA).`,
  );
}

describe.skipIf(!dir)('relevance on the Sourcegraph handbook (FTS5)', () => {
  it('puts the right page in the top 3 for new-hire questions', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'lore-relevance-'));
    const db = openDatabase({ path: join(tmp, 'lore.db') });
    try {
      const index = new Fts5SearchIndex({ db });
      const pages = loadHandbook(dir ?? '');
      async function* batches() {
        yield pages;
      }
      await index.rebuild(batches());
      const score = await evaluateRelevance(index, handbookQuestions, ['handbook']);
      const misses = score.outcomes
        .filter((outcome) => outcome.rank === null || outcome.rank > 3)
        .map(
          (outcome) =>
            `  ${outcome.rank ?? '-'}  ${outcome.query}  → ${outcome.top.slice(0, 3).join(', ')}`,
        );
      console.log(
        `Handbook relevance (${pages.length} pages, ${handbookQuestions.length} questions): ` +
          `hit@3 ${score.hitAt3.toFixed(3)}, MRR ${score.mrr.toFixed(3)}` +
          (misses.length > 0 ? `\nNot in the top 3:\n${misses.join('\n')}` : ''),
      );
      expect(handbookQuestions.length).toBeGreaterThanOrEqual(30);
      expect(score.hitAt3).toBeGreaterThanOrEqual(0.9);
      expect(score.mrr).toBeGreaterThanOrEqual(0.8);
    } finally {
      db.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
