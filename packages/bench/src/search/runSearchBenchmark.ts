import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchDocument } from '@lore/core';
import { Fts5SearchIndex } from '@lore/search-fts5';
import {
  evaluateRelevance,
  handbookDir,
  handbookQuestions,
  loadHandbook,
  newHireTestQuestions,
  newHireTuningQuestions,
  type RelevanceScore,
} from '@lore/search-fts5/relevance';
import { openDatabase } from '@lore/store-sqlite';
import { accessWorldShape, buildAccessWorld } from './buildAccessWorld';
import { generatedPages } from './generatedPages';
import { type AccessChecks, measureAccessChecks } from './measureAccessChecks';
import { type EditToSearchable, measureEditToSearchable } from './measureEditToSearchable';
import { type ClassLatency, measureQueries } from './measureQueries';
import { queryClasses } from './queryClasses';

export interface SearchBenchmarkConfig {
  readonly pages: number;
  readonly queriesPerClass: number;
  readonly rounds: number;
  readonly edits: number;
}

export const fullSearchConfig: SearchBenchmarkConfig = {
  pages: 100_000,
  queriesPerClass: 100,
  rounds: 3,
  edits: 20,
};
export const quickSearchConfig: SearchBenchmarkConfig = {
  pages: 5_000,
  queriesPerClass: 20,
  rounds: 1,
  edits: 3,
};

export interface BulkIndexing {
  readonly pages: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly databaseMiB: number;
}

/** One question set's scores. */
export interface RelevanceSet {
  readonly name: string;
  readonly questions: number;
  readonly score: RelevanceScore;
}

export interface HandbookRun {
  readonly pages: number;
  readonly indexingSeconds: number;
  readonly relevance: RelevanceScore;
  /** The older 38 (fitted), the new-hire tuning half and the held-out half, side by side. */
  readonly sets: readonly RelevanceSet[];
  readonly questions: ClassLatency;
}

/** Searching as someone who reads a third of the pages, in a company-sized access setup. */
export interface AccessScopedRun {
  readonly spaces: number;
  readonly users: number;
  readonly groups: number;
  readonly restrictedPages: number;
  readonly checks: AccessChecks;
  readonly classes: readonly ClassLatency[];
}

export interface SearchRun {
  readonly config: SearchBenchmarkConfig;
  readonly handbook: HandbookRun | null;
  readonly bulk: BulkIndexing;
  readonly classes: readonly ClassLatency[];
  readonly access: AccessScopedRun;
  readonly editToSearchable: EditToSearchable;
}

async function* inBatches(documents: Iterable<SearchDocument>, size: number) {
  let batch: SearchDocument[] = [];
  for (const document of documents) {
    batch.push(document);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function withTempDatabase<T>(
  work: (db: ReturnType<typeof openDatabase>, dir: string) => Promise<T>,
) {
  const dir = mkdtempSync(join(tmpdir(), 'lore-bench-fts5-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  return work(db, dir).finally(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

async function handbook(log: (line: string) => void): Promise<HandbookRun | null> {
  const dir = handbookDir();
  if (!dir) {
    log('Handbook corpus not found (LORE_CORPORA): its part is skipped.');
    return null;
  }
  const pages = loadHandbook(dir);
  return withTempDatabase(async (db) => {
    const index = new Fts5SearchIndex({ db });
    const started = performance.now();
    await index.rebuild(inBatches(pages, 1_000));
    const indexingSeconds = (performance.now() - started) / 1000;
    const relevance = await evaluateRelevance(index, handbookQuestions, ['handbook']);
    const sets: RelevanceSet[] = [
      {
        name: 'older 38 (the ranking was fitted to them)',
        questions: handbookQuestions.length,
        score: relevance,
      },
      {
        name: 'new-hire tuning half',
        questions: newHireTuningQuestions.length,
        score: await evaluateRelevance(index, newHireTuningQuestions, ['handbook']),
      },
      {
        name: 'new-hire held-out half (never tuned on)',
        questions: newHireTestQuestions.length,
        score: await evaluateRelevance(index, newHireTestQuestions, ['handbook']),
      },
    ];
    const [questions] = await measureQueries(
      index,
      [
        {
          name: 'questions',
          description: 'the relevance questions',
          queries: handbookQuestions.map((question) => question.query),
        },
      ],
      () => ({ readableSpaceIds: ['handbook'], hiddenPageIds: [] }),
      5,
    );
    if (!questions) throw new Error('No latency for the handbook questions.');
    return { pages: pages.length, indexingSeconds, relevance, sets, questions };
  });
}

/** `pnpm bench search`: relevance and speed of the embedded FTS5 index. */
export async function runSearchBenchmark(
  config: SearchBenchmarkConfig,
  log: (line: string) => void,
): Promise<SearchRun> {
  log('Handbook: indexing and relevance…');
  const handbookRun = await handbook(log);
  log(`Generating ${config.pages} pages…`);
  const documents = [...generatedPages({ pages: config.pages, spaces: 200 })];
  const { bulk, classes, access } = await withTempDatabase(async (db, dir) => {
    const index = new Fts5SearchIndex({ db });
    log('Bulk indexing…');
    const startedCpu = process.cpuUsage();
    const started = performance.now();
    await index.rebuild(inBatches(documents, 5_000));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(startedCpu);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const { statSync } = await import('node:fs');
    const bulk: BulkIndexing = {
      pages: config.pages,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      databaseMiB: statSync(join(dir, 'lore.db')).size / 1024 ** 2,
    };
    log('Queries…');
    const spaces = [...new Set(documents.map((document) => document.spaceId))];
    const classes = await measureQueries(
      index,
      queryClasses(db, config.queriesPerClass),
      () => ({ readableSpaceIds: spaces, hiddenPageIds: [] }),
      config.rounds,
    );
    log(
      `Access: ${spaces.length} spaces, ${accessWorldShape.users} people, ${accessWorldShape.groups} groups, restricted pages…`,
    );
    const world = buildAccessWorld(db, documents);
    const checks = measureAccessChecks(world, 5_000);
    log('Queries as someone who reads a third…');
    const scoped = await measureQueries(
      index,
      queryClasses(db, config.queriesPerClass),
      () => world.policy.readScope(world.searcher),
      config.rounds,
    );
    const access: AccessScopedRun = {
      spaces: world.spaces,
      users: accessWorldShape.users,
      groups: accessWorldShape.groups,
      restrictedPages: accessWorldShape.restrictedPages,
      checks,
      classes: scoped,
    };
    return { bulk, classes, access };
  });
  log('Edit to searchable…');
  const editToSearchable = await measureEditToSearchable(documents, config.edits);
  return { config, handbook: handbookRun, bulk, classes, access, editToSearchable };
}
