import { type ChildProcess, spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { memoryMarker } from './memoryMarker';
import type { ProcessSupervisor } from './ProcessSupervisor';
import { readCpuSeconds, readRssBytes } from './procStats';

export interface ServerProcessOptions {
  /** Shown in errors. */
  readonly name: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  /** Polled with GET until it answers 2xx. */
  readonly readyUrl: string;
  readonly readyTimeoutMs?: number;
  /** Scheduling priority (nice value) for the process; see `--nice` in main.ts. */
  readonly nice?: number;
  /** CPUs the process (every thread of it) may run on, as a `taskset` list; see `--pin`. */
  readonly cpus?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One server under test in its own node process (so its memory and CPU are its own, and it does
 * not share an event loop with the load generator). Can be stopped, killed and started again
 * with the same options.
 */
export class ServerProcess {
  readonly options: ServerProcessOptions;
  readonly #supervisor: ProcessSupervisor;
  #child: ChildProcess | null = null;
  #output: string[] = [];
  #memoryReports: NodeJS.MemoryUsage[] = [];
  #partialLine = '';
  #exited: Promise<void> = Promise.resolve();

  constructor(options: ServerProcessOptions, supervisor: ProcessSupervisor) {
    this.options = options;
    this.#supervisor = supervisor;
  }

  get pid(): number {
    const pid = this.#child?.pid;
    if (pid === undefined || !this.running) throw new Error(`${this.options.name} is not running.`);
    return pid;
  }

  get running(): boolean {
    return this.#child !== null && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** The last lines the process wrote, for error messages. */
  get outputTail(): string {
    return this.#output.join('').slice(-2_000);
  }

  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.options.name} is already running.`);
    this.#output = [];
    // Through taskset, which execs node in the same process, so every thread starts pinned.
    const [command, args] =
      this.options.cpus === undefined
        ? [process.execPath, [...this.options.args]]
        : ['taskset', ['--cpu-list', this.options.cpus, process.execPath, ...this.options.args]];
    const child = spawn(command, args, {
      cwd: this.options.cwd,
      env: { PATH: process.env.PATH ?? '', ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#supervisor.adopt(child);
    this.#child = child;
    if (this.options.nice !== undefined && child.pid !== undefined) {
      setPriority(child.pid, this.options.nice);
    }
    const keep = (chunk: Buffer) => {
      this.#output.push(chunk.toString('utf8'));
      if (this.#output.length > 200) this.#output.splice(0, 100);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', (chunk: Buffer) => {
      const lines = (this.#partialLine + chunk.toString('utf8')).split('\n');
      this.#partialLine = lines.pop() ?? '';
      const other: string[] = [];
      for (const line of lines) {
        if (line.startsWith(memoryMarker)) {
          this.#memoryReports.push(
            JSON.parse(line.slice(memoryMarker.length)) as NodeJS.MemoryUsage,
          );
        } else other.push(`${line}\n`);
      }
      if (other.length > 0) keep(Buffer.from(other.join('')));
    });
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + (this.options.readyTimeoutMs ?? 60_000);
    for (;;) {
      if (!this.running) {
        throw new Error(`${this.options.name} exited during start-up:\n${this.outputTail}`);
      }
      try {
        const response = await fetch(this.options.readyUrl, { signal: AbortSignal.timeout(1_000) });
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) {
        await this.kill();
        throw new Error(`${this.options.name} did not become ready:\n${this.outputTail}`);
      }
      await sleep(50);
    }
  }

  /**
   * Runs a full garbage collection in the server (see `gcOnSignal.mjs`) and returns its memory use
   * right after, as `process.memoryUsage()` reports it there.
   */
  async collectGarbage(timeoutMs = 10_000): Promise<NodeJS.MemoryUsage> {
    const seen = this.#memoryReports.length;
    process.kill(this.pid, 'SIGUSR2');
    const deadline = Date.now() + timeoutMs;
    while (this.#memoryReports.length === seen) {
      if (Date.now() > deadline || !this.running) {
        throw new Error(`${this.options.name} did not report its memory after a GC.`);
      }
      await sleep(20);
    }
    return this.#memoryReports[this.#memoryReports.length - 1] as NodeJS.MemoryUsage;
  }

  rssBytes(): number {
    return readRssBytes(this.pid);
  }

  cpuSeconds(): number {
    return readCpuSeconds(this.pid);
  }

  /** Graceful stop (SIGTERM), escalating to SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.kill('SIGTERM');
    await this.#exited;
    clearTimeout(force);
  }

  /** `kill -9`: no shutdown code runs. Resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child || !this.running) return;
    child.kill('SIGKILL');
    await this.#exited;
  }
}
