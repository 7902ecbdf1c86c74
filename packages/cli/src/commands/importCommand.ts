import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError, type ImportSummary } from '@lore/core';
import { ArchiveError, readFolder } from '@lore/transfer';
import { CliError } from '../CliError';
import type { CommandIo } from './CommandIo';
import { finish, openRuntime } from './openRuntime';
import { ProgressBar, type ProgressOutput } from './ProgressBar';
import { transferActor } from './transferActor';

export const importUsage = `Usage: lore import <folder> --space SLUG [--parent PAGE_ID] [--as EMAIL]

Imports a folder of Markdown files into a space (LORE_DATA_DIR, default ./data): folders become
parent pages (their index.md or README.md is their content), front matter "title" or the first
heading names a page, links between the files become page links, images become attachments.
Importing the same folder again updates the pages it made (each keeps a revision from before).
Stop the wiki first, or import through the API (POST /api/import) while it runs.
  --space    the space's slug or id (required)
  --parent   import under this page instead of at the top of the space
  --as       the user the pages are created by (default: the first admin)`;

const stderr: ProgressOutput = {
  isTTY: process.stderr.isTTY === true,
  write: (text) => process.stderr.write(text),
};

/** `lore import`: a folder of Markdown as a page tree, with a progress bar and a summary. */
export async function importCommand(
  args: string[],
  io: CommandIo,
  progress: ProgressOutput = stderr,
): Promise<ImportSummary | null> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      space: { type: 'string' },
      parent: { type: 'string' },
      as: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(importUsage);
    return null;
  }
  const [folder, ...extra] = positionals;
  if (folder === undefined || extra.length > 0 || values.space === undefined) {
    throw new CliError(`Give one folder and --space.\n\n${importUsage}`);
  }
  let files: ReturnType<typeof readFolder>;
  try {
    files = readFolder(resolve(folder));
  } catch (error) {
    if (error instanceof ArchiveError) throw new CliError(error.message);
    throw error;
  }
  const runtime = await openRuntime(io);
  const bar = new ProgressBar(progress, 'Importing pages');
  try {
    const actor = transferActor(runtime, values.as);
    const started = performance.now();
    const summary = await runtime.services.transfer.importer.importFiles(actor, {
      space: values.space,
      parentId: values.parent ?? null,
      files,
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.finish();
    const seconds = (performance.now() - started) / 1000;
    for (const line of describeSummary(summary, seconds)) io.out(line);
    return summary;
  } catch (error) {
    bar.finish();
    if (error instanceof DomainError) throw new CliError(`Nothing was imported: ${error.message}`);
    throw error;
  } finally {
    await finish(runtime);
  }
}

/** The summary as lines for people: counts first, then each link or image not carried over. */
export function describeSummary(summary: ImportSummary, seconds: number): string[] {
  const { pages, links, images } = summary;
  const lines = [
    `Imported in ${seconds.toFixed(1)} s: ${pages.created} pages created, ${pages.updated} updated.`,
    `Links: ${links.resolved} resolved, ${links.unresolved.length} unresolved.`,
    `Images: ${images.imported} imported, ${images.missing.length} missing.`,
  ];
  for (const link of links.unresolved)
    lines.push(`  unresolved link ${link.file}:${link.line} ${link.href}`);
  for (const image of images.missing)
    lines.push(`  missing image ${image.file}:${image.line} ${image.src}`);
  return lines;
}
