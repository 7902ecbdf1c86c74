import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** packages/bench, the working directory of the servers we start. */
export const benchPackageDir = resolve(here, '..');

/** Root of the Lore repository (this file is packages/bench/src/benchPaths.ts). */
export const repoRoot = resolve(here, '../../..');

/** The Lore server's TypeScript entry point, as `pnpm dev` and the tests run it (under tsx). */
export const loreServerEntry = join(repoRoot, 'apps/server/src/main.ts');

/** The compiled server and CLI that `pnpm start` runs (`pnpm --filter @lore/server build`). */
export const loreBundleEntry = join(repoRoot, 'apps/server/dist/lore.mjs');

/** The y-websocket 1.5.4 reference server (installed under the alias `y-websocket-ref`). */
export const referenceServerEntry = join(
  dirname(require.resolve('y-websocket-ref/package.json')),
  'bin/server.js',
);

/** Our Hocuspocus launcher, run in its own process like the other servers. */
export const hocuspocusServerEntry = join(here, 'servers/hocuspocusServerMain.ts');

/** `$LORE_CORPORA`, defaulting to the shared corpora folder beside the repository. */
export function corporaDir(env: Record<string, string | undefined> = process.env): string {
  return env.LORE_CORPORA ?? resolve(repoRoot, '../shared/corpora');
}

/** The automerge-paper editing trace, or null when the corpora are not on this machine. */
export function automergePaperTracePath(
  env: Record<string, string | undefined> = process.env,
): string | null {
  const path = join(corporaDir(env), 'editing-traces/sequential_traces/automerge-paper.json.gz');
  return existsSync(path) ? path : null;
}

/** The version field of an installed package, for the report. */
export function installedVersion(name: string): string {
  // Walk up from the entry point: not every package exports its package.json.
  let dir = dirname(require.resolve(name));
  for (let depth = 0; depth < 6; depth++) {
    const manifestPath = join(dir, 'package.json');
    if (existsSync(manifestPath)) {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.version && manifest.name) return manifest.version;
    }
    dir = dirname(dir);
  }
  return 'unknown';
}
