import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../benchPaths';
import { benchmarksDocPath, updateBenchmarksDoc } from '../report/benchmarksDoc';
import { machineInfo } from '../report/machineInfo';
import { replaceSection } from '../report/replaceSection';

export const startupUsage = `Usage: pnpm bench startup [--runs=N] [--no-write]

Starts Lore the way "pnpm start" runs it (node apps/server/dist/lore.mjs, compiled JavaScript)
and the way "pnpm lore serve" runs it in development (node --import tsx), alternately, on an
empty data folder each time, and measures the time from spawning node to /healthz answering and
the resident memory once it answers. Build first: pnpm --filter @lore/server build.
Writes "## Start-up" in docs/benchmarks.md unless --no-write.`;

interface Variant {
  readonly name: string;
  readonly args: readonly string[];
}

interface Sample {
  readonly ms: number;
  readonly rssMiB: number;
}

const variants: readonly Variant[] = [
  { name: 'compiled (pnpm start)', args: ['apps/server/dist/lore.mjs', 'serve'] },
  {
    name: 'tsx loader (pnpm lore serve)',
    args: ['--import', 'tsx', 'packages/cli/src/main.ts', 'serve'],
  },
];

function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
}

async function startOnce(variant: Variant, port: number): Promise<Sample> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lore-startup-'));
  const started = performance.now();
  const child = spawn(process.execPath, variant.args, {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LORE_DATA_DIR: dataDir,
      LORE_LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${variant.name} exited while starting`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (response.ok) break;
      } catch {
        // Not listening yet.
      }
      if (performance.now() - started > 60_000) throw new Error(`${variant.name} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const ms = performance.now() - started;
    // Settled: what the process holds once start-up work (warm-up, first GC) is over.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return { ms, rssMiB: rssMiB(child.pid as number) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export async function startupBenchmark(args: readonly string[]): Promise<void> {
  if (args.includes('--help')) {
    process.stdout.write(`${startupUsage}\n`);
    return;
  }
  if (!existsSync(join(repoRoot, 'apps/server/dist/lore.mjs'))) {
    throw new Error('apps/server/dist/lore.mjs is missing: run pnpm --filter @lore/server build.');
  }
  const runs = Number(args.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 7);
  const write = !args.includes('--no-write');
  const machine = machineInfo();
  const samples = new Map<string, Sample[]>(variants.map((variant) => [variant.name, []]));
  const port = 38_000 + Math.floor(Math.random() * 1_000);
  for (let run = 0; run < runs; run++) {
    // Interleaved, so both see the same machine over the run.
    for (const variant of variants) {
      const sample = await startOnce(variant, port);
      samples.get(variant.name)?.push(sample);
      process.stdout.write(
        `${variant.name}: ${sample.ms.toFixed(0)} ms to /healthz, ${sample.rssMiB.toFixed(1)} MiB\n`,
      );
    }
  }
  const rows = variants.map((variant) => {
    const list = samples.get(variant.name) ?? [];
    return {
      name: variant.name,
      ms: median(list.map((sample) => sample.ms)),
      rss: median(list.map((sample) => sample.rssMiB)),
    };
  });
  const [compiled, loader] = rows as [(typeof rows)[0], (typeof rows)[0]];
  const table = [
    '| Lore started as | time to /healthz (median) | RSS once answering (median) |',
    '|---|---|---|',
    ...rows.map((row) => `| ${row.name} | ${row.ms.toFixed(0)} ms | ${row.rss.toFixed(1)} MiB |`),
    `| compiled ÷ tsx loader | ${(compiled.ms / loader.ms).toFixed(2)}× | ${(compiled.rss / loader.rss).toFixed(2)}× |`,
  ].join('\n');
  process.stdout.write(`\n${table}\n`);
  if (!write) return;
  const section = `## Start-up

Command: \`pnpm --filter @lore/server build && pnpm bench startup\` — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC,
${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node}, load
average ${machine.loadAverage} at the start. ${runs} interleaved starts of each, on an empty data
folder, measured from spawning node to the first 200 of \`/healthz\`; memory is \`VmRSS\` one
second after that.

${table}
`;
  updateBenchmarksDoc((markdown) => replaceSection(markdown, '## Start-up', section));
  process.stdout.write(`Wrote the start-up section to ${benchmarksDocPath}.\n`);
}
