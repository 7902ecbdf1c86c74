import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

interface ServiceWorkerPluginOptions {
  /** The service worker's source, with `__PRECACHE_MANIFEST__` where the file list goes. */
  template: string;
  /** Files served from `public/` that the shell needs as well, e.g. `/favicon.svg`. */
  extraUrls: readonly string[];
}

/**
 * Emits `/sw.js` at build time with the list of every file the build produced, so the service
 * worker can keep exactly the current app shell. The version is a hash of that list (file
 * names carry content hashes), so each build that changes anything installs a new worker and
 * drops the old copies.
 */
export function serviceWorkerPlugin({ template, extraUrls }: ServiceWorkerPluginOptions): Plugin {
  return {
    name: 'lore-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle)
        .filter((file) => !file.endsWith('.map') && file !== 'index.html' && file !== 'sw.js')
        .map((file) => `/${file}`);
      const urls = ['/index.html', ...extraUrls, ...built.sort()];
      const version = createHash('sha256').update(urls.join('\n')).digest('hex').slice(0, 16);
      const source = readFileSync(template, 'utf8').replace(
        '__PRECACHE_MANIFEST__',
        JSON.stringify({ version, urls }),
      );
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
