import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { CORPUS_SHARDS } from './corpusReportSetup';
import { roundTripPage } from './corpusRoundTrip';
import { handbookCorpusDir, listMarkdownFiles } from './handbookCorpus';
import type { PageOutcome } from './roundTripReport';

const corpus = handbookCorpusDir();
if (corpus === null) {
  console.warn(
    'The Markdown round-trip corpus test did NOT run: $LORE_CORPORA/sourcegraph-handbook/content ' +
      'is missing (LORE_CORPORA defaults to ../shared/corpora beside the repository).',
  );
}

/**
 * Round-trips one share of the handbook's Markdown pages. The pages are split by index so the
 * shards, as separate test files, run on separate cores; the global setup prints the combined
 * report. The handbook writes callouts as `> [!NOTE] text`, so that style is asked for.
 */
export function describeCorpusShard(shard: number): void {
  describe.skipIf(corpus === null)(`Markdown round trip over the handbook (part ${shard})`, () => {
    const dir = corpus ?? '';
    const files = corpus === null ? [] : listMarkdownFiles(dir);
    const mine = files.filter((_, index) => index % CORPUS_SHARDS === shard - 1);
    let outcomes: PageOutcome[] = [];

    it('finds the pages', () => {
      expect(files.length).toBeGreaterThan(800);
      expect(mine.length).toBeGreaterThan(400);
    });

    it('converts every page without throwing, losing a word or changing the document', () => {
      outcomes = mine.map((file) =>
        roundTripPage(file, readFileSync(join(dir, file), 'utf8'), 'same-line'),
      );
      writeFileSync(
        join(inject('corpusReportDir'), `shard-${shard}.json`),
        JSON.stringify(outcomes),
      );
      const exact = outcomes.filter((o) => o.exact).length;
      console.log(`part ${shard}: ${exact} of ${outcomes.length} pages round-trip exactly`);
      expect(
        outcomes.filter((o) => o.error !== undefined).map((o) => `${o.file}: ${o.error}`),
      ).toEqual([]);
      expect(
        outcomes
          .filter((o) => o.missing.length > 0)
          .map((o) => `${o.file}: ${o.missing.map(([word, n]) => `${word}×${n}`).join(' ')}`),
      ).toEqual([]);
      expect(outcomes.filter((o) => !o.stable).map((o) => o.file)).toEqual([]);
    }, 300_000);
  });
}
