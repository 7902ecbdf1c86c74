import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { formatRoundTripReport, type PageOutcome } from './roundTripReport';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where corpus shards leave their results for the combined report. */
    corpusReportDir: string;
  }
}

/** Number of test files the handbook corpus is split into, to use both cores. */
export const CORPUS_SHARDS = 2;

/**
 * Global setup: gives the corpus shards a folder for their results and, once all tests are
 * done, prints one report for the whole corpus (when every shard ran).
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'lore-schema-corpus-'));
  project.provide('corpusReportDir', dir);
  return () => {
    const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
    if (files.length === CORPUS_SHARDS) {
      const outcomes = files.flatMap(
        (file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as PageOutcome[],
      );
      outcomes.sort((a, b) => a.file.localeCompare(b.file));
      console.log(`\n${formatRoundTripReport(outcomes)}\n`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
