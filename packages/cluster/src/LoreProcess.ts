import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const serverMain = `${repoRoot}apps/server/src/main.ts`;

export interface LoreProcessOptions {
  /** 127.0.0.1 port to listen on; fixed so a restarted process takes its place behind nginx. */
  readonly port: number;
  /** Environment of the process, on top of PORT and HOST. */
  readonly env: Record<string, string>;
  /** A name in logs and failures. */
  readonly name: string;
}

/**
 * One real Lore server process (`apps/server/src/main.ts` under tsx), as an operator runs it:
 * configured by environment, ready when it logs "Lore is ready", stopped by a signal. `kill()`
 * is `kill -9`: no shutdown hook runs.
 */
export class LoreProcess {
  readonly name: string;
  readonly port: number;
  readonly #env: Record<string, string>;
  #child: ChildProcess | null = null;
  #log: string[] = [];

  constructor(options: LoreProcessOptions) {
    this.name = options.name;
    this.port = options.port;
    this.#env = options.env;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The process id while it runs (benchmarks read its CPU time from /proc), else null. */
  get pid(): number | null {
    return this.running ? (this.#child?.pid ?? null) : null;
  }

  get running(): boolean {
    return this.#child !== null && this.#child.exitCode === null;
  }

  /** The process's log lines (JSON), most recent last. */
  get log(): readonly string[] {
    return this.#log;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const child = spawn(process.execPath, ['--import', 'tsx', serverMain], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        LORE_LOG_LEVEL: 'info',
        ...this.#env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    let buffered = '';
    const ready = new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          this.#log.push(line);
          if (this.#log.length > 2000) this.#log.splice(0, 1000);
          if (line.includes('Lore is ready')) resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code, signal) =>
        reject(
          new Error(
            `${this.name} exited before it was ready (${signal ?? code}):\n${this.#log.slice(-20).join('\n')}`,
          ),
        ),
      );
    });
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(
        () =>
          reject(
            new Error(
              `${this.name} was not ready within 60 s:\n${this.#log.slice(-20).join('\n')}`,
            ),
          ),
        60_000,
      ).unref(),
    );
    await Promise.race([ready, timeout]);
  }

  /** `kill -9`: the process dies without closing anything. */
  async kill(): Promise<void> {
    await this.#signal('SIGKILL');
  }

  /** A graceful stop (SIGTERM), as a deploy does. */
  async stop(): Promise<void> {
    await this.#signal('SIGTERM');
  }

  async #signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
    this.#child = null;
  }
}
