import { benchmarksDocPath, updateBenchmarksDoc } from '../report/benchmarksDoc';
import { loreVersion } from '../report/loreVersion';
import { machineInfo } from '../report/machineInfo';
import { replaceSection } from '../report/replaceSection';
import { importHeading, importSection } from './importSection';
import { handbookDir, runImportBenchmark } from './runImportBenchmark';

export const importUsage = `  import              Markdown import of the Sourcegraph handbook (zip → pages), next to
                      unzip only and Markdown parse only, then re-import and export;
                      rewrites "## Markdown import" in docs/benchmarks.md
    --quick           the first 100 Markdown files; docs are not written
    --no-write        do not touch docs/benchmarks.md
`;

/** `pnpm bench import [--quick] [--no-write]` */
export async function importBenchmark(args: readonly string[]): Promise<void> {
  let limit: number | undefined;
  let write = true;
  for (const arg of args) {
    if (arg === '--quick') {
      limit = 100;
      write = false;
    } else if (arg === '--no-write') write = false;
    else throw new Error(`Unknown option "${arg}".\n\n${importUsage}`);
  }
  const dir = handbookDir();
  if (dir === null) {
    throw new Error('The import benchmark needs the handbook corpus: set LORE_CORPORA.');
  }
  const machine = machineInfo();
  const date = new Date().toISOString();
  const command = ['pnpm bench import', ...args].join(' ');
  const run = await runImportBenchmark(dir, {
    ...(limit !== undefined ? { limit } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const section = importSection(run, machine, date, command, loreVersion());
  process.stdout.write(`\n${section}\n`);
  if (!write) {
    process.stdout.write('docs/benchmarks.md left unchanged (partial run or --no-write).\n');
    return;
  }
  updateBenchmarksDoc((markdown) => replaceSection(markdown, importHeading, section));
  process.stdout.write(`Wrote the Markdown import section of ${benchmarksDocPath}.\n`);
}
