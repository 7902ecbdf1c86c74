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

/** Node flags for a server under test: TypeScript via tsx, and a full GC on SIGUSR2 (`gcOnSignal`). */
export function serverNodeFlags(extra: readonly string[] = []): string[] {
  const gcOnSignal = pathToFileURL(fileURLToPath(new URL('./gcOnSignal.ts', import.meta.url))).href;
  return ['--expose-gc', ...extra, '--import', tsxLoaderUrl(), '--import', gcOnSignal];
}
