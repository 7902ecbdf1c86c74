import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportSummary, TransferFile } from '@lore/core';
import { createLogger, createServer, loadConfig } from '@lore/server';
import { readFolder, readZipArchive, SchemaMarkdownCodec, writeZipArchive } from '@lore/transfer';
import { corporaDir } from '../benchPaths';

/** One measured step: wall time and the CPU time of this process. */
export interface ImportStep {
  readonly name: string;
  readonly what: string;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
}

export interface ImportRun {
  readonly markdownFiles: number;
  readonly otherFiles: number;
  readonly zipBytes: number;
  readonly summary: ImportSummary;
  readonly steps: readonly ImportStep[];
}

/** The handbook folder, or null when the corpora are not on this machine. */
export function handbookDir(): string | null {
  const dir = join(corporaDir(), 'sourcegraph-handbook', 'content');
  return existsSync(dir) ? dir : null;
}

async function measure<T>(
  steps: ImportStep[],
  name: string,
  what: string,
  work: () => Promise<T> | T,
): Promise<T> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  steps.push({
    name,
    what,
    wallSeconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  });
  return result;
}

/**
 * Imports the handbook the way `POST /api/import` does (zip in, services of a real server over a
 * fresh data folder), next to the steps it is made of measured alone: unpacking, and converting
 * Markdown with the page schema. Then imports it again (every page updated) and exports it.
 */
export async function runImportBenchmark(
  dir: string,
  options: { readonly limit?: number; readonly log: (line: string) => void },
): Promise<ImportRun> {
  let files: TransferFile[] = readFolder(dir);
  if (options.limit !== undefined) {
    const keep = new Set(
      files
        .filter((file) => file.path.endsWith('.md'))
        .slice(0, options.limit)
        .map((file) => file.path),
    );
    files = files.filter((file) => keep.has(file.path) || !file.path.endsWith('.md'));
  }
  const markdown = files.filter((file) => /\.md$/i.test(file.path));
  const zip = writeZipArchive(files);
  const steps: ImportStep[] = [];
  options.log(`${markdown.length} Markdown files, ${files.length - markdown.length} other files`);

  await measure(steps, 'unzip', 'read the zip with the import limits', () => readZipArchive(zip));
  const codec = new SchemaMarkdownCodec();
  const decoder = new TextDecoder();
  await measure(steps, 'parse only', 'Markdown → page document (schema), every file', () => {
    for (const file of markdown) codec.parse(decoder.decode(file.bytes), () => null);
  });
  options.log('parse done');

  const dataDir = mkdtempSync(join(tmpdir(), 'lore-bench-import-'));
  const server = await createServer(loadConfig({ LORE_DATA_DIR: dataDir }), {
    logger: createLogger('error'),
  });
  try {
    const { services } = server;
    const admin = await services.accounts.setupFirstAdminFromConfig({
      email: 'bench@example.com',
      displayName: 'Bench',
      password: 'bench password',
    });
    services.pages.createSpace(admin, { name: 'Handbook', slug: 'handbook' });
    const importZip = () =>
      services.transfer.importer.importFiles(admin, {
        space: 'handbook',
        files: readZipArchive(zip),
      });
    const summary = await measure(
      steps,
      'full import',
      'unzip, parse, create pages, upload images, write bodies with links',
      importZip,
    );
    options.log('import done');
    // Indexing steps aside while an import writes and catches up after it.
    const untilSearchable = async () => {
      const { indexer } = services.search;
      while (indexer.status().pending > 0) {
        if ((await indexer.drain()) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    await measure(
      steps,
      'search catch-up',
      'after the import returned: until every imported page is searchable',
      untilSearchable,
    );
    await measure(
      steps,
      're-import',
      'same zip again: every page updated, revisions kept',
      importZip,
    );
    options.log('re-import done');
    // The export is timed alone, not next to the re-import's search catch-up.
    await untilSearchable();
    await measure(steps, 'export', 'the space as a Markdown zip', async () =>
      writeZipArchive(
        (
          await services.transfer.exporter.exportPages(admin, {
            format: 'markdown',
            space: 'handbook',
          })
        ).files,
      ),
    );
    return {
      markdownFiles: markdown.length,
      otherFiles: files.length - markdown.length,
      zipBytes: zip.byteLength,
      summary,
      steps,
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
