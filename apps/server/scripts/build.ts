import { cpSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Builds the `lore` command (server and CLI) into one plain-JavaScript file,
 * `apps/server/dist/lore.mjs`, with what it reads at run time beside it: the SQL migrations of
 * both stores, the WAL checkpoint worker and the PostgreSQL connection's worker. `pnpm start` runs it with node and no TypeScript loader. Native
 * addons (better-sqlite3) and the HTML parser (happy-dom, loaded on first use) stay outside the
 * bundle and load from the server's node_modules.
 */
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const outDir = `${serverDir}dist`;

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const started = performance.now();
await build({
  entryPoints: [`${repoRoot}packages/cli/src/main.ts`],
  outfile: `${outDir}/lore.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'linked',
  // Native addons load from node_modules; happy-dom too, required only when HTML is parsed.
  external: ['better-sqlite3', 'happy-dom', 'pg-native'],
  // The browser build of the HTML parser is for the web app; the server parses with happy-dom.
  conditions: ['node'],
  logLevel: 'warning',
  // Bundled CommonJS packages still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __loreCreateRequire } from 'node:module'; const require = __loreCreateRequire(import.meta.url);",
  },
});
cpSync(`${repoRoot}packages/store-sqlite/src/migrations`, `${outDir}/migrations`, {
  recursive: true,
});
cpSync(
  `${repoRoot}packages/store-postgres/src/postgres-migrations`,
  `${outDir}/postgres-migrations`,
  { recursive: true },
);
// The PostgreSQL connection's worker thread, with node-postgres bundled in.
await build({
  entryPoints: [`${repoRoot}packages/store-postgres/src/postgresWorker.mjs`],
  outfile: `${outDir}/postgresWorker.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // node-postgres tries the optional native driver only when asked to.
  external: ['pg-native'],
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __loreCreateRequire } from 'node:module'; const require = __loreCreateRequire(import.meta.url);",
  },
});
cpSync(
  `${repoRoot}packages/store-sqlite/src/walCheckpointWorker.mjs`,
  `${outDir}/walCheckpointWorker.mjs`,
);
const size = statSync(`${outDir}/lore.mjs`).size;
process.stdout.write(
  `Built dist/lore.mjs (${(size / 1024 / 1024).toFixed(1)} MiB) in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
);
