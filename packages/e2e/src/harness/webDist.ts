import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The built web app's folder. Throws with the command to run when it has not been built, since
 * the server would otherwise fail with a less obvious configuration error.
 */
export function webDist(): string {
  const webPackage = createRequire(import.meta.url).resolve('@lore/web/package.json');
  const dist = join(dirname(webPackage), 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(
      `The web app is not built: ${join(dist, 'index.html')} is missing.\n` +
        'Build it with `pnpm --filter @lore/web build` (turbo does this before `test`).',
    );
  }
  return dist;
}
