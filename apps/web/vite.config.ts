import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { serviceWorkerPlugin } from './build/serviceWorkerPlugin';

/** The API server `pnpm --filter @lore/server dev` listens on during development. */
const apiServer = 'http://localhost:3000';

export default defineConfig({
  plugins: [
    react(),
    serviceWorkerPlugin({
      template: fileURLToPath(new URL('./src/offline/serviceWorker.js', import.meta.url)),
      extraUrls: ['/favicon.svg'],
    }),
  ],
  server: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
      '/collab': { target: apiServer, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    // Every browser that runs this app supports modulepreload natively.
    modulePreload: { polyfill: false },
    // The editor chunk (Yjs, ProseMirror, Tiptap) is about 600 kB minified, 190 kB gzipped,
    // and only loads on page routes; the entry chunk stays well under this.
    chunkSizeWarningLimit: 700,
  },
});
