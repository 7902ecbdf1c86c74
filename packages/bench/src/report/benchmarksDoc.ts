import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../benchPaths';

/** docs/benchmarks.md */
export const benchmarksDocPath = join(repoRoot, 'docs/benchmarks.md');

const intro = `# Benchmarks

Lore's benchmarks live in \`packages/bench\` and run with \`pnpm bench <name>\`. They are not part
of \`pnpm test\`; the package's own tests only run a tiny smoke version of each scenario, so the
machinery keeps working.

How to read these numbers:

- **Peers side by side.** Each benchmark starts Lore and the comparable open-source servers on the
  same machine, drives them with the same load generator in the same run, and reports every
  number next to the reference's, with the ratio. Absolute numbers depend on the machine; the
  ratios travel better.
- **Separate processes.** Every server runs in its own process (its memory is read from
  \`/proc/<pid>/status\`), and the load generator runs in another, so they do not share an
  event loop.
- **A shared, noisy machine.** The published runs come from a small shared machine where other
  work runs at the same time (the load average at the start is recorded). Expect a few percent of
  noise, more on tail latencies; rerun before trusting a small difference.
- Each section states the exact command, the date, the machine and every package version, and
  is replaced as a whole when its benchmark runs again.
`;

/** Applies `update` to docs/benchmarks.md, creating it with the introduction when missing. */
export function updateBenchmarksDoc(
  update: (markdown: string) => string,
  path = benchmarksDocPath,
): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : intro;
  writeFileSync(path, `${update(current).replace(/\n*$/, '')}\n`);
}
