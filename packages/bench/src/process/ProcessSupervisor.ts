import type { ChildProcess } from 'node:child_process';

/**
 * Owns every child process a benchmark starts and ends them on every way out: normal exit,
 * an exception, SIGINT/SIGTERM. Children are killed by their own pid only.
 */
export class ProcessSupervisor {
  readonly #children = new Set<ChildProcess>();
  readonly #cleanups = new Set<() => void>();
  #installed = false;

  /** Kills survivors when this process exits, and turns SIGINT/SIGTERM into a clean exit. */
  installExitHandlers(): void {
    if (this.#installed) return;
    this.#installed = true;
    process.on('exit', () => this.killAllNow());
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        process.stderr.write(`\n${signal}: stopping benchmark servers…\n`);
        void this.stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
      });
    }
  }

  /** Runs `cleanup` (synchronous, e.g. removing a temp folder) when everything is stopped. */
  addCleanup(cleanup: () => void): () => void {
    this.#cleanups.add(cleanup);
    return () => this.#cleanups.delete(cleanup);
  }

  adopt(child: ChildProcess): void {
    this.#children.add(child);
    child.once('exit', () => this.#children.delete(child));
  }

  /** SIGTERM, then SIGKILL for any child still alive after `graceMs`. */
  async stopAll(graceMs = 3_000): Promise<void> {
    const alive = [...this.#children].filter((child) => child.exitCode === null);
    await Promise.all(
      alive.map(
        (child) =>
          new Promise<void>((resolve) => {
            const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
            child.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    this.#runCleanups();
  }

  /** Synchronous last resort from an `exit` handler. */
  killAllNow(): void {
    for (const child of this.#children) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    this.#runCleanups();
  }

  #runCleanups(): void {
    for (const cleanup of this.#cleanups) {
      try {
        cleanup();
      } catch {
        // Best effort on the way out.
      }
    }
    this.#cleanups.clear();
  }
}
