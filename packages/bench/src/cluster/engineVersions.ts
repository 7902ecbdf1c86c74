import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The first line a program prints for its version flag (nginx prints it on stderr), or "unknown". */
function versionLine(command: string, args: readonly string[]): string {
  const result = spawnSync(command, [...args], { encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  return output.split('\n')[0]?.trim() || 'unknown';
}

/** The newest Debian PostgreSQL server binary, which the cluster harness runs too. */
function postgresBinary(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const [newest] = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return newest ? join(root, newest, 'bin', 'postgres') : null;
}

/** Versions of the engines a cluster runs on, as their binaries report them. */
export function engineVersions(): Record<string, string> {
  const postgres = postgresBinary();
  return {
    PostgreSQL: postgres
      ? versionLine(postgres, ['--version']).replace(/^postgres \(PostgreSQL\) /, '')
      : 'not found',
    Redis: versionLine('redis-server', ['--version'])
      .replace(/^Redis server v=/, '')
      .replace(/ sha=.*$/, ''),
    nginx: versionLine('/usr/sbin/nginx', ['-v']).replace(/^nginx version: nginx\//, ''),
  };
}
