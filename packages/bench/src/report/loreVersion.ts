import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../benchPaths';

/** `0.1.0 (abc1234, uncommitted changes)`: the server package version and the checkout. */
export function loreVersion(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'apps/server/package.json'), 'utf8')) as {
    version?: string;
  };
  const version = manifest.version ?? 'unknown';
  try {
    const git = (args: string[]) =>
      execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    const commit = git(['rev-parse', '--short', 'HEAD']);
    const dirty = git(['status', '--porcelain', '--untracked-files=no']).length > 0;
    return `${version} (${commit}${dirty ? ', uncommitted changes' : ''})`;
  } catch {
    return version;
  }
}
