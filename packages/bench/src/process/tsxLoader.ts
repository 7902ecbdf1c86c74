import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The tsx loader as a file URL, for `node --import <url> script.ts`. Running node directly (not
 * the `tsx` wrapper, which forks a second process) keeps the server in ONE process, so its pid is
 * the one whose memory we read and whose death `kill -9` causes.
 */
export function tsxLoaderUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/** The preload that runs a full GC on SIGUSR2 and reports memory (`gcOnSignal.mjs`). */
export const gcOnSignalUrl = pathToFileURL(
  fileURLToPath(new URL('./gcOnSignal.mjs', import.meta.url)),
).href;

/** Node flags for a server under test written in TypeScript: tsx, and the GC preload. */
export function serverNodeFlags(extra: readonly string[] = []): string[] {
  return ['--expose-gc', ...extra, '--import', tsxLoaderUrl(), '--import', gcOnSignalUrl];
}

/** Node flags for a server under test in plain JavaScript: the GC preload and no loader. */
export function compiledServerNodeFlags(extra: readonly string[] = []): string[] {
  return ['--expose-gc', ...extra, '--import', gcOnSignalUrl];
}
