import { benchmarksDocPath, updateBenchmarksDoc } from '../report/benchmarksDoc';
import { loreVersion } from '../report/loreVersion';
import { machineInfo } from '../report/machineInfo';
import { replaceSection } from '../report/replaceSection';
import { fullSearchConfig, quickSearchConfig, runSearchBenchmark } from './runSearchBenchmark';
import { searchHeading, searchSection } from './searchSection';

export const searchUsage = `  search              FTS5 search: handbook relevance (hit@3, MRR), p50/p99 per query class on
                      100,000 generated pages, bulk indexing, edit-to-searchable; rewrites
                      "## Search" in docs/benchmarks.md
    --quick           5,000 pages, few queries; docs are not written
    --pages=N         another corpus size (docs are not written)
    --no-write        do not touch docs/benchmarks.md
`;

/** `pnpm bench search [--quick] [--pages=N] [--no-write]` */
export async function searchBenchmark(args: readonly string[]): Promise<void> {
  let config = fullSearchConfig;
  let write = true;
  for (const arg of args) {
    if (arg === '--quick') {
      config = quickSearchConfig;
      write = false;
    } else if (arg === '--no-write') write = false;
    else if (arg.startsWith('--pages=')) {
      const pages = Number(arg.slice('--pages='.length));
      if (!Number.isInteger(pages) || pages < 100 || pages > 5_000_000)
        throw new Error('--pages must be 100..5000000.');
      config = { ...config, pages };
      write = false;
    } else throw new Error(`Unknown option "${arg}".\n\n${searchUsage}`);
  }
  const machine = machineInfo();
  const date = new Date().toISOString();
  const command = ['pnpm bench search', ...args].join(' ');
  const run = await runSearchBenchmark(config, (line) => process.stderr.write(`${line}\n`));
  const section = searchSection(run, machine, date, command, loreVersion());
  process.stdout.write(`\n${section}\n`);
  if (!write) {
    process.stdout.write('docs/benchmarks.md left unchanged (partial run or --no-write).\n');
    return;
  }
  updateBenchmarksDoc((markdown) => replaceSection(markdown, searchHeading, section));
  process.stdout.write(`Wrote the Search section of ${benchmarksDocPath}.\n`);
}
