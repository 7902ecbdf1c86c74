import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort';

const nginxBinary = '/usr/sbin/nginx';

/**
 * Debian's nginx as the load balancer in front of several Lore processes: round-robin over the
 * upstreams (no stickiness), websocket upgrade, and a failed upstream retried on the next one,
 * as docs/scaling.md recommends. Runs in the foreground from a temporary prefix.
 */
export class NginxServer {
  readonly #dir: string;
  readonly port: number;
  #child: ChildProcess | null = null;
  #log = '';

  private constructor(dir: string, port: number) {
    this.#dir = dir;
    this.port = port;
  }

  static available(): boolean {
    return existsSync(nginxBinary);
  }

  /** Starts nginx balancing over `upstreams` (ports on 127.0.0.1). */
  static async start(upstreams: readonly number[]): Promise<NginxServer> {
    const dir = mkdtempSync(join(tmpdir(), 'lore-nginx-'));
    mkdirSync(join(dir, 'logs'));
    const server = new NginxServer(dir, await freePort());
    writeFileSync(join(dir, 'nginx.conf'), server.#config(upstreams));
    const child = spawn(
      nginxBinary,
      ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'logs', 'error.log')],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      server.#log = (server.#log + chunk.toString()).slice(-4000);
    });
    server.#child = child;
    await server.#waitUntilListening();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const child = this.#child;
    this.#child = null;
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGQUIT');
      await exited;
    }
    rmSync(this.#dir, { recursive: true, force: true });
  }

  #config(upstreams: readonly number[]): string {
    const runAsRoot = userInfo().uid === 0;
    return `${runAsRoot ? 'user nobody nogroup;\n' : ''}daemon off;
worker_processes 1;
pid ${join(this.#dir, 'nginx.pid')};
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(this.#dir, 'body')};
  proxy_temp_path ${join(this.#dir, 'proxy')};
  fastcgi_temp_path ${join(this.#dir, 'fastcgi')};
  uwsgi_temp_path ${join(this.#dir, 'uwsgi')};
  scgi_temp_path ${join(this.#dir, 'scgi')};
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream lore {
${upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=2s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${this.port};
    client_max_body_size 50m;
    location / {
      proxy_pass http://lore;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      # With its port: the processes compare a browser's Origin with the Host they are called by.
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
    }
  }
}
`;
  }

  async #waitUntilListening(): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (!this.#child || this.#child.exitCode !== null) {
        throw new Error(`nginx did not start:\n${this.#log}`);
      }
      try {
        await fetch(`${this.url}/__nginx_probe`);
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`nginx did not start:\n${this.#log}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
}
