import type { MachineInfo } from '../report/machineInfo';
import type { LatencySummary } from '../stats/summarizeLatencies';
import type { SearchRun } from './runSearchBenchmark';

export const searchHeading = '## Search';

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const latency = (summary: LatencySummary) => `${ms(summary.p50)} | ${ms(summary.p99)}`;

/** The `## Search` section of docs/benchmarks.md. */
export function searchSection(
  run: SearchRun,
  machine: MachineInfo,
  date: string,
  command: string,
  version: string,
): string {
  const lines = [
    searchHeading,
    '',
    `\`${command}\` — ${date}, Lore ${version}, ${machine.cpuModel} (${machine.cores} cores, ` +
      `${machine.ramGiB} GiB), Node ${machine.node}, load average ${machine.loadAverage} at start.`,
    '',
    'The embedded index (`@lore/search-fts5`, SQLite FTS5 in the Lore database) over the',
    'Sourcegraph handbook and over generated wiki-like pages (Zipf-distributed vocabulary of',
    '40,000 words, about 430 words per page). Queries run as the search route runs them: first',
    'page of 20 results with snippets, every space readable. CPU columns are the process CPU time',
    'per query, what a query costs without other work on the machine; wall columns include',
    'waiting for the CPU on this shared 2-core machine.',
    '',
  ];
  if (run.handbook) {
    const { relevance } = run.handbook;
    lines.push(
      '### Relevance (handbook)',
      '',
      `${run.handbook.pages} pages indexed in ${run.handbook.indexingSeconds.toFixed(1)} s. ` +
        `${relevance.outcomes.length} questions a new hire would type, each with the page(s) that ` +
        'answer it (packages/search-fts5/src/relevance/handbookQuestions.ts):',
      '',
      '| hit@3 | MRR | question latency p50 (ms) | p99 (ms) |',
      '|---|---|---|---|',
      row([
        relevance.hitAt3.toFixed(3),
        relevance.mrr.toFixed(3),
        ms(run.handbook.questions.wall.p50),
        ms(run.handbook.questions.wall.p99),
      ]),
      '',
    );
    lines.push(
      'The same engine on new-hire questions it was never fitted to (packages/search-fts5/src/',
      'relevance/newHireQuestions.ts): a tuning half, and a held-out half that ranking work never',
      'looks at and that never changes:',
      '',
      '| question set | questions | hit@1 | hit@3 | MRR | nDCG@10 |',
      '|---|---|---|---|---|---|',
      ...run.handbook.sets.map((set) =>
        row([
          set.name,
          set.questions,
          set.score.hitAt1.toFixed(3),
          set.score.hitAt3.toFixed(3),
          set.score.mrr.toFixed(3),
          set.score.ndcgAt10.toFixed(3),
        ]),
      ),
      '',
    );
    const misses = relevance.outcomes.filter(
      (outcome) => outcome.rank === null || outcome.rank > 3,
    );
    if (misses.length > 0) {
      lines.push(
        `Not in the top 3: ${misses.map((miss) => `"${miss.query}" (${miss.rank === null ? 'not in top 10' : `rank ${miss.rank}`})`).join(', ')}.`,
        '',
      );
    }
  }
  lines.push(
    `### Query latency (${run.config.pages.toLocaleString('en-US')} generated pages)`,
    '',
    `${run.config.queriesPerClass} queries per class, ${run.config.rounds} rounds after a warm-up round.`,
    '',
    '| query class | median results | wall p50 (ms) | wall p99 (ms) | CPU p50 (ms) | CPU p99 (ms) |',
    '|---|---|---|---|---|---|',
    ...run.classes.map((queryClass) =>
      row([
        `${queryClass.name} (${queryClass.description})`,
        queryClass.medianTotal >= 1000 ? '1000+' : queryClass.medianTotal,
        latency(queryClass.wall),
        latency(queryClass.cpu),
      ]),
    ),
    '',
    ...accessLines(run),
    '### Indexing',
    '',
    '| measure | value |',
    '|---|---|',
    row([
      'bulk indexing (rebuild), wall',
      `${Math.round(run.bulk.pages / run.bulk.seconds).toLocaleString('en-US')} pages/s (${run.bulk.seconds.toFixed(1)} s)`,
    ]),
    row([
      'bulk indexing (rebuild), per CPU second',
      `${Math.round(run.bulk.pages / run.bulk.cpuSeconds).toLocaleString('en-US')} pages/s`,
    ]),
    row(['database size after the rebuild', `${run.bulk.databaseMiB.toFixed(0)} MiB`]),
    row([
      `edit to searchable (${run.editToSearchable.delay.count} edits, ${run.editToSearchable.indexedPages.toLocaleString('en-US')}-page index), p50`,
      `${ms(run.editToSearchable.delay.p50)} ms`,
    ]),
    row(['edit to searchable, max', `${ms(run.editToSearchable.delay.max)} ms`]),
    '',
    'Edit to searchable: from the last update of a burst of typing being stored (the',
    "collaboration server's durable path) until a search finds the new word. The outbox turns the",
    "page's edits into one content event once the page has been quiet for 300 ms; the search",
    'consumer queues the page and the indexer, polling its queue every 200 ms, indexes it in one',
    'transaction.',
  );
  return `${lines.join('\n')}\n`;
}

const verdict = (value: number, limit: number) => (value < limit ? 'PASS' : 'FAIL');

/** Searching within access rules, next to searching everything, and the doors' checks. */
function accessLines(run: SearchRun): string[] {
  const { access } = run;
  const open = new Map(run.classes.map((queryClass) => [queryClass.name, queryClass]));
  return [
    `### With access rules (${access.spaces} spaces, ${access.users.toLocaleString('en-US')} people, ${access.groups} groups)`,
    '',
    `The same pages in a company-sized access setup (packages/bench/src/search/buildAccessWorld.ts): ` +
      `most spaces private with people and groups as members, ${access.restrictedPages} restricted ` +
      `pages with subpages. The searcher reads ${(access.checks.readableShare * 100).toFixed(0)}% of ` +
      `the pages (${access.checks.scope.readableSpaceIds.length} spaces, ` +
      `${access.checks.scope.hiddenPageIds.length} pages hidden by restrictions inside them). ` +
      'Each query asks the access policy for the read scope first, as the search route does; ' +
      'the filter runs inside the query, before the limit. Target: p99 under 20 ms.',
    '',
    '| query class | median results | wall p50 (ms) | wall p99 (ms) | p99, everything readable (ms) | ratio | target |',
    '|---|---|---|---|---|---|---|',
    ...access.classes.map((queryClass) => {
      const all = open.get(queryClass.name);
      return row([
        queryClass.name,
        queryClass.medianTotal >= 1000 ? '1000+' : queryClass.medianTotal,
        latency(queryClass.wall),
        all ? ms(all.wall.p99) : '–',
        all ? `${(queryClass.wall.p99 / all.wall.p99).toFixed(2)}×` : '–',
        verdict(queryClass.wall.p99, 20),
      ]);
    }),
    '',
    '| access check | p50 (ms) | p99 (ms) | target |',
    '|---|---|---|---|',
    row([
      `websocket join: find the page, check it is live, the person's access (${access.checks.joinCheck.count.toLocaleString('en-US')} random people × pages)`,
      latency(access.checks.joinCheck),
      `p99 < 1 ms: ${verdict(access.checks.joinCheck.p99, 1)}`,
    ]),
    row([
      'read scope of the searcher (spaces and hidden pages)',
      latency(access.checks.readScope),
      '–',
    ]),
    '',
  ];
}
