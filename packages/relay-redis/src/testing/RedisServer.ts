import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's server; `LORE_REDIS_SERVER` points elsewhere. */
const defaultBinary = '/usr/bin/redis-server';

/**
 * A private Redis server for tests: Debian's `redis-server` on a Unix socket in a fresh temp
 * folder (no TCP port to collide with), nothing saved to disk. It can be stopped and started
 * again on the same socket (a Redis restart) or killed.
 */
export class RedisServer {
  readonly #binary: string;
  readonly #dir: string;
  #child: ChildProcess | null = null;

  private constructor(binary: string, dir: string) {
    this.#binary = binary;
    this.#dir = dir;
  }

  /** The server binary, or null when Redis is not installed. */
  static findBinary(): string | null {
    const binary = process.env.LORE_REDIS_SERVER ?? defaultBinary;
    return existsSync(binary) ? binary : null;
  }

  /** Starts a server, or returns null when Redis is not installed. */
  static async start(): Promise<RedisServer | null> {
    const binary = RedisServer.findBinary();
    if (!binary) return null;
    const server = new RedisServer(binary, mkdtempSync(join(tmpdir(), 'lore-redis-')));
    await server.startServer();
    return server;
  }

  /** The Unix socket clients connect to. */
  get socketPath(): string {
    return join(this.#dir, 'redis.sock');
  }

  get running(): boolean {
    return this.#child !== null;
  }

  /** Starts the server (again, after `stop` or `kill`), resolving once it answers PING. */
  async startServer(): Promise<void> {
    if (this.#child) return;
    const child = spawn(
      this.#binary,
      [
        '--port',
        '0',
        '--unixsocket',
        this.socketPath,
        '--unixsocketperm',
        '700',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.#dir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.#child = child;
    child.once('exit', () => {
      if (this.#child === child) this.#child = null;
    });
    const deadline = Date.now() + 10_000;
    while (!(await this.#answersPing())) {
      if (!this.#child) throw new Error(`redis-server did not start:\n${log}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not answer:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops the server as an operator would (SIGTERM); every client loses its connection. */
  stopServer(): Promise<void> {
    return this.#signal('SIGTERM');
  }

  /** Kills the server (SIGKILL), as a crash would. */
  kill(): Promise<void> {
    return this.#signal('SIGKILL');
  }

  /** Kills the server and removes its folder. */
  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.#dir, { recursive: true, force: true });
  }

  async #signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.#child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
    this.#child = null;
    // A SIGKILLed server leaves its socket file behind; the next start must bind it anew.
    rmSync(this.socketPath, { force: true });
  }

  #answersPing(): Promise<boolean> {
    return new Promise((resolve) => {
      if (!existsSync(this.socketPath)) {
        resolve(false);
        return;
      }
      const socket = createConnection(this.socketPath);
      let answer = '';
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.on('connect', () => socket.write('PING\r\n'));
      socket.on('data', (chunk) => {
        answer += chunk.toString();
        if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
      });
      socket.on('error', () => done(false));
      socket.setTimeout(1_000, () => done(false));
    });
  }
}
