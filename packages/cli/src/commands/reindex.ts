import { parseArgs } from 'node:util';
import { loadConfig, reindexSearch } from '@lore/server';
import type { CommandIo } from './CommandIo';
import { ProgressBar, type ProgressOutput } from './ProgressBar';

export const reindexUsage = `Usage: lore reindex

Rebuilds the search index from every page's document (LORE_DATA_DIR, default ./data), with the
engine chosen by LORE_SEARCH (fts5, the default, or meilisearch with MEILISEARCH_URL and
MEILISEARCH_KEY). The wiki may keep running; edits made meanwhile are indexed afterwards.`;

const stderr: ProgressOutput = {
  isTTY: process.stderr.isTTY === true,
  write: (text) => process.stderr.write(text),
};

/** `lore reindex`: the search index rebuilt from the source of truth, with a progress bar. */
export async function reindex(
  args: string[],
  io: CommandIo,
  progress: ProgressOutput = stderr,
): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.out(reindexUsage);
    return;
  }
  const config = loadConfig(io.env);
  const bar = new ProgressBar(progress, 'Indexing pages');
  try {
    const result = await reindexSearch(config, {
      search: config.search,
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.finish();
    io.out(
      `Reindexed ${result.pages} pages with ${config.search.engine} in ${result.seconds.toFixed(1)} s.`,
    );
  } finally {
    bar.finish();
  }
}
