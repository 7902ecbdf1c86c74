import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresServerOptions {
  /** Flush to disk on commit (benchmarks); tests run faster without. */
  readonly durable?: boolean;
}

/**
 * A private PostgreSQL cluster for tests and benchmarks: Debian's own server binaries, a fresh data
 * directory in the temp folder, a Unix socket only (no port to collide with), trust
 * authentication for the `lore` superuser. Started as the `postgres` user when running as root,
 * since PostgreSQL refuses to run as root.
 */
export class PostgresServer {
  readonly #bin: string;
  readonly #dir: string;
  readonly #runAs: { uid: number; gid: number } | null;
  readonly #durable: boolean;
  #child: ChildProcess | null = null;

  private constructor(
    bin: string,
    dir: string,
    runAs: { uid: number; gid: number } | null,
    durable: boolean,
  ) {
    this.#bin = bin;
    this.#dir = dir;
    this.#runAs = runAs;
    this.#durable = durable;
  }

  /** Where the server binaries are, or null when PostgreSQL is not installed. */
  static findBinaries(): string | null {
    const fromEnv = process.env.LORE_PG_BINDIR;
    if (fromEnv) return existsSync(join(fromEnv, 'postgres')) ? fromEnv : null;
    const root = '/usr/lib/postgresql';
    if (!existsSync(root)) return null;
    const versions = readdirSync(root)
      .filter((version) => existsSync(join(root, version, 'bin', 'postgres')))
      .sort((a, b) => Number(b) - Number(a));
    return versions[0] ? join(root, versions[0], 'bin') : null;
  }

  /** Creates and starts a cluster, or returns null when PostgreSQL is not installed. */
  static async start(options: PostgresServerOptions = {}): Promise<PostgresServer | null> {
    const bin = PostgresServer.findBinaries();
    if (!bin) return null;
    const dir = mkdtempSync(join(tmpdir(), 'lore-pg-'));
    let runAs: { uid: number; gid: number } | null = null;
    if (userInfo().uid === 0) {
      const id = (flag: string) =>
        Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
      runAs = { uid: id('-u'), gid: id('-g') };
      chownSync(dir, runAs.uid, runAs.gid);
    }
    const server = new PostgresServer(bin, dir, runAs, options.durable ?? false);
    server.#exec('initdb', [
      '-D',
      join(dir, 'data'),
      '-U',
      'lore',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    await server.startServer();
    return server;
  }

  /** The socket directory, usable as `host` by any client. */
  get socketDir(): string {
    return this.#dir;
  }

  /** A connection string to `database` on this server. */
  url(database = 'postgres'): string {
    return PostgresServer.urlFor(this.#dir, database);
  }

  /** A connection string to `database` on the server listening in `socketDir`. */
  static urlFor(socketDir: string, database: string): string {
    return `postgresql://lore@localhost/${database}?host=${encodeURIComponent(socketDir)}`;
  }

  /** Starts the server (again, after `stop`), resolving once it accepts connections. */
  async startServer(): Promise<void> {
    if (this.#child) return;
    const settings = [
      ['listen_addresses', ''],
      ['unix_socket_directories', this.#dir],
      ['max_connections', '200'],
      ['shared_buffers', '64MB'],
      ['fsync', this.#durable ? 'on' : 'off'],
      ['full_page_writes', this.#durable ? 'on' : 'off'],
      ['synchronous_commit', this.#durable ? 'on' : 'off'],
    ];
    const args = [
      '-D',
      join(this.#dir, 'data'),
      ...settings.flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ];
    const child = spawn(join(this.#bin, 'postgres'), args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      ...this.#runAs,
    });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    });
    this.#child = child;
    child.once('exit', () => {
      if (this.#child === child) this.#child = null;
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (!this.#child) throw new Error(`PostgreSQL did not start:\n${log}`);
      try {
        const client = new pg.Client({ connectionString: this.url() });
        await client.connect();
        await client.end();
        return;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`PostgreSQL did not start: ${String(error)}\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /** Stops the server: `fast` ends sessions cleanly, `immediate` is a crash without data loss. */
  async stopServer(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    const child = this.#child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // SIGINT is PostgreSQL's fast shutdown, SIGQUIT its immediate one.
    child.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    await exited;
    this.#child = null;
  }

  /** Creates an empty database, optionally from a template, and returns its connection string. */
  async createDatabase(name: string, template?: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** Stops the server and removes its files. */
  async destroy(): Promise<void> {
    await this.stopServer('immediate').catch(() => {});
    rmSync(this.#dir, { recursive: true, force: true });
  }

  #exec(tool: string, args: string[]): void {
    execFileSync(join(this.#bin, tool), args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      cwd: this.#dir,
      ...this.#runAs,
    });
  }
}
