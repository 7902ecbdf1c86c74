import { setPriority } from 'node:os';
import type { ClusterTargetId } from '../cluster/ClusterBenchTarget';
import type { PlacedLoad } from '../cluster/placedFanout';
import { startClusterTarget } from '../cluster/runClusterBenchmark';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import { benchmarksDocPath, updateBenchmarksDoc } from '../report/benchmarksDoc';
import { loreVersion } from '../report/loreVersion';
import { machineInfo } from '../report/machineInfo';
import { replaceSection } from '../report/replaceSection';
import { waitForQuietMachine } from '../scenarios/waitForQuietMachine';
import { type ThreadLoadResult, threadLoad } from './threadLoad';
import { type WatcherFanoutResult, watcherFanout } from './watcherFanout';

export const discussionUsage = `  discussion          loading a page's comment threads (500 anchored threads) and one comment
                      fanned out to 5,000 watchers while 50 × 2 clients type on other pages, on
                      one Lore process on SQLite and one on PostgreSQL; rewrites
                      "## Discussion" in docs/benchmarks.md
    --quick           small sizes (about a minute per target); docs are not written
    --targets=a,b     only these of: sqlite, postgres (docs are not written)
    --no-write        do not touch docs/benchmarks.md
    --nice=N          run everything the benchmark starts at nice value N
`;

interface DiscussionConfig {
  readonly threads: number;
  readonly repliesEvery: number;
  readonly requests: number;
  readonly watchers: number;
  readonly load: PlacedLoad;
  readonly fanouts: number;
  readonly fanoutGapMs: number;
}

const fullConfig: DiscussionConfig = {
  threads: 500,
  repliesEvery: 2,
  requests: 30,
  watchers: 5_000,
  load: {
    pages: 50,
    typists: 1,
    readers: 1,
    keystrokesPerSecond: 5,
    warmupMs: 5_000,
    measureMs: 20_000,
  },
  fanouts: 3,
  fanoutGapMs: 2_000,
};

const quickConfig: DiscussionConfig = {
  threads: 50,
  repliesEvery: 2,
  requests: 10,
  watchers: 500,
  load: {
    pages: 6,
    typists: 1,
    readers: 1,
    keystrokesPerSecond: 5,
    warmupMs: 1_000,
    measureMs: 4_000,
  },
  fanouts: 1,
  fanoutGapMs: 500,
};

const targetIds = ['sqlite', 'postgres'] as const satisfies readonly ClusterTargetId[];
type DiscussionTargetId = (typeof targetIds)[number];

interface TargetRun {
  readonly id: DiscussionTargetId;
  label: string;
  threads: ThreadLoadResult | null;
  fanout: WatcherFanoutResult | null;
  readonly errors: string[];
}

const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '—' : `${value.toFixed(1)} ms`;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function table(runs: readonly TargetRun[], config: DiscussionConfig): string {
  const header = `| | ${runs.map((run) => run.label).join(' | ')} |`;
  const rule = `|---|${runs.map(() => '---').join('|')}|`;
  const row = (name: string, cell: (run: TargetRun) => string) =>
    `| ${name} | ${runs.map(cell).join(' | ')} |`;
  const load = `${config.load.pages} × ${config.load.typists + config.load.readers}`;
  return [
    header,
    rule,
    row(`threads of a page with ${config.threads} anchored threads: p50 / p95`, (run) =>
      run.threads ? `${ms(run.threads.p50)} / ${ms(run.threads.p95)}` : '—',
    ),
    row('… comments in them, response size', (run) =>
      run.threads
        ? `${run.threads.comments}, ${(run.threads.responseBytes / 1024).toFixed(0)} KiB`
        : '—',
    ),
    row(
      `one comment → every one of ${config.watchers.toLocaleString('en')} watchers notified: median (each)`,
      (run) =>
        run.fanout
          ? `${ms(median(run.fanout.fanoutMs))} (${run.fanout.fanoutMs.map((value) => value.toFixed(0)).join(', ')})`
          : '—',
    ),
    row(`typing ${load} p99 (max), alone`, (run) =>
      run.fanout
        ? `${ms(run.fanout.typingAlone.latency.p99)} (${ms(run.fanout.typingAlone.latency.max)})`
        : '—',
    ),
    row(`typing ${load} p99 (max), while fanning out`, (run) =>
      run.fanout
        ? `${ms(run.fanout.typingDuringFanout.latency.p99)} (${ms(run.fanout.typingDuringFanout.latency.max)})`
        : '—',
    ),
    row('… every keystroke delivered, pages converged', (run) => {
      const during = run.fanout?.typingDuringFanout;
      return during
        ? `${during.latency.count}/${during.expectedDeliveries}, ${during.converged ? 'yes' : 'NO'}`
        : '—';
    }),
  ].join('\n');
}

/** `pnpm bench discussion`. */
export async function discussionBenchmark(
  args: readonly string[],
  supervisor: ProcessSupervisor,
): Promise<void> {
  let quick = false;
  let noWrite = false;
  let only: DiscussionTargetId[] | null = null;
  for (const arg of args) {
    if (arg === '--quick') quick = true;
    else if (arg === '--no-write') noWrite = true;
    else if (arg.startsWith('--nice=')) {
      const nice = Number(arg.slice('--nice='.length));
      if (!Number.isInteger(nice) || nice < -20 || nice > 19)
        throw new Error('--nice must be -20..19.');
      setPriority(nice);
    } else if (arg.startsWith('--targets=')) {
      const names = arg.slice('--targets='.length).split(',');
      for (const name of names) {
        if (!targetIds.includes(name as DiscussionTargetId))
          throw new Error(`Unknown target "${name}".`);
      }
      only = names as DiscussionTargetId[];
    } else throw new Error(`Unknown option "${arg}".\n\n${discussionUsage}`);
  }
  const config = quick ? quickConfig : fullConfig;
  const command = ['pnpm bench discussion', ...args].join(' ');
  const machine = machineInfo();
  const date = new Date().toISOString();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const runs: TargetRun[] = (only ?? targetIds).map((id) => ({
    id,
    label: id,
    threads: null,
    fanout: null,
    errors: [],
  }));
  for (const run of runs) {
    log(`• ${run.id}`);
    const target = await startClusterTarget(run.id, supervisor, 1);
    run.label = target.label;
    try {
      try {
        await waitForQuietMachine();
        run.threads = await threadLoad(target, config);
        log(
          `  threads: ${run.threads.threads} threads, ${run.threads.comments} comments, ` +
            `p50 ${ms(run.threads.p50)} p95 ${ms(run.threads.p95)} max ${ms(run.threads.max)}`,
        );
      } catch (error) {
        run.errors.push(`threads: ${error instanceof Error ? error.message : String(error)}`);
        log(`  ✗ ${run.errors.at(-1)}`);
      }
      try {
        await waitForQuietMachine();
        run.fanout = await watcherFanout(target, supervisor, {
          watchers: config.watchers,
          load: config.load,
          loadGenerators: 2,
          fanouts: config.fanouts,
          fanoutGapMs: config.fanoutGapMs,
        });
        log(
          `  fan-out to ${config.watchers}: ${run.fanout.fanoutMs.map((value) => ms(value)).join(', ')}; ` +
            `typing p99 alone ${ms(run.fanout.typingAlone.latency.p99)}, during ${ms(run.fanout.typingDuringFanout.latency.p99)}`,
        );
      } catch (error) {
        run.errors.push(`fan-out: ${error instanceof Error ? error.message : String(error)}`);
        log(`  ✗ ${run.errors.at(-1)}`);
      }
    } finally {
      await target.close();
    }
  }
  const text = table(runs, config);
  process.stdout.write(`\n${text}\n`);
  for (const run of runs) {
    for (const error of run.errors) process.stdout.write(`error — ${run.id}: ${error}\n`);
  }
  if (noWrite || quick || only !== null) {
    process.stdout.write('\ndocs/benchmarks.md left unchanged (partial run or --no-write).\n');
    return;
  }
  const section = [
    '## Discussion',
    '',
    `\`${command}\` — ${date}, Lore ${loreVersion()}, ${machine.cpuModel} (${machine.cores} cores, ` +
      `${machine.ramGiB} GiB), Node ${machine.node}, load average ${machine.loadAverage} at the start.`,
    '',
    "Loading a page's threads is `GET /api/pages/:id/comments` as the discussion sidebar calls it " +
      '(every thread with its comments, reactions and where its anchor stands in the current ' +
      'document), timed over loopback from request to last byte. The fan-out is one new thread on a ' +
      'page that every watcher watches, timed from the request until the database holds every ' +
      "watcher's notification, three times while the typing below is measured; typing is the " +
      "cluster benchmark's 50 × 2 (one typist and one reader on each of 50 other pages, 5 " +
      'keystrokes a second), once alone and once with the fan-outs inside its window.',
    '',
    text,
    '',
  ].join('\n');
  updateBenchmarksDoc((markdown) => replaceSection(markdown, '## Discussion', section));
  process.stdout.write(`\nWrote the Discussion section of ${benchmarksDocPath}.\n`);
}
