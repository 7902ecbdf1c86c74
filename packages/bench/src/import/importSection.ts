import type { MachineInfo } from '../report/machineInfo';
import type { ImportRun } from './runImportBenchmark';

export const importHeading = '## Markdown import';

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const seconds = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

/** The `## Markdown import` section of docs/benchmarks.md. */
export function importSection(
  run: ImportRun,
  machine: MachineInfo,
  date: string,
  command: string,
  version: string,
): string {
  const full = run.steps.find((step) => step.name === 'full import');
  const ratio = (value: number) => (full ? `${(value / full.wallSeconds).toFixed(2)}×` : '—');
  const { summary } = run;
  return [
    importHeading,
    '',
    `\`${command}\` — ${date}, Lore ${version}, ${machine.cpuModel} (${machine.cores} cores, ` +
      `${machine.ramGiB} GiB), Node ${machine.node}, load average ${machine.loadAverage} at start.`,
    '',
    `The Sourcegraph handbook (${run.markdownFiles} Markdown files, ${run.otherFiles} other files, ` +
      `${(run.zipBytes / 1024 / 1024).toFixed(1)} MiB zipped) imported through the same services as ` +
      '`POST /api/import`, into a fresh data folder, in one process. The peers are the steps an ' +
      'import is made of, run alone on the same files, so the table shows where the time goes; ' +
      'the ratio is against the full import. CPU is this process only.',
    '',
    '| step | what | wall (s) | CPU (s) | wall vs full import |',
    '|---|---|---|---|---|',
    ...run.steps.map((step) =>
      row([
        step.name,
        step.what,
        seconds(step.wallSeconds),
        seconds(step.cpuSeconds),
        ratio(step.wallSeconds),
      ]),
    ),
    '',
    `The import made ${summary.pages.created} pages, resolved ${summary.links.resolved} links ` +
      `(${summary.links.unresolved.length} left as written: links to files outside the handbook ` +
      `folder or to pages it does not have), imported ${summary.images.imported} images ` +
      `(${summary.images.missing.length} missing or refused).`,
    '',
    'Where the time goes (CPU profiles): writing pages is now the larger part — for each page the',
    "change is made on the room's validation copy, stored, applied to the live document and, when",
    'the room unloads, folded into a snapshot; then links, revisions and the page row. Markdown is',
    'tokenized by markdown-it (the micromark tokenizer used before took 9–10 s for these files',
    'alone). Search indexing steps aside while the import writes and catches up after it, in',
    'batches: the "search catch-up" row is the time from the import\'s return until every page is',
    'searchable. CPU runs above wall because V8 collects garbage on helper threads.',
  ].join('\n');
}
