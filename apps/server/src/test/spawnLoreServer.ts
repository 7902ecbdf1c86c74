import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const mainTs = fileURLToPath(new URL('../main.ts', import.meta.url));
const serverDir = fileURLToPath(new URL('../..', import.meta.url));

/** A `lore serve` process, whether or not it is listening yet. */
export interface StartedLoreProcess {
  readonly child: ChildProcess;
  /** Resolves when the process has exited, with its exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Whether it has not exited yet. */
  running(): boolean;
  /** Everything it wrote to stdout and stderr. */
  output(): string;
  /** `SIGKILL` goes to the whole process group, other signals to the server process. */
  kill(signal: NodeJS.Signals): void;
}

export interface LoreProcess extends StartedLoreProcess {
  /** `http://HOST:PORT` from the environment it was started with. */
  readonly url: string;
}

/**
 * `lore serve` as a separate process (`node --import tsx src/main.ts`, as `pnpm start` runs it)
 * with exactly `env` (plus PATH and HOME), returned at once.
 */
export function startLoreProcess(env: Record<string, string>): StartedLoreProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', mainTs], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (chunk: unknown) => {
    output += String(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let running = true;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running = false;
      resolve(code);
    }),
  );
  return {
    child,
    exited,
    running: () => running,
    output: () => output,
    kill(signal) {
      if (!running || child.pid === undefined) return;
      if (signal === 'SIGKILL') process.kill(-child.pid, 'SIGKILL');
      else child.kill(signal);
    },
  };
}

/**
 * {@link startLoreProcess}, resolved once `/healthz` answers. `env` must set PORT to a fixed port
 * and HOST, so the server can come back on the same address after a crash.
 */
export async function spawnLoreServer(
  env: Record<string, string>,
  startTimeoutMs = 30_000,
): Promise<LoreProcess> {
  const url = `http://${env.HOST ?? '127.0.0.1'}:${env.PORT}`;
  const server: LoreProcess = { ...startLoreProcess(env), url };
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (!server.running()) {
      throw new Error(`The Lore server exited while starting:\n${server.output()}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      server.kill('SIGKILL');
      throw new Error(
        `The Lore server did not answer /healthz within ${startTimeoutMs} ms:\n${server.output()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
