import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server `pnpm --filter @lore/server dev` listens on during development. */
const apiServer = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
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
  },
});
