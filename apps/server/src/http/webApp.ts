import { resolve } from 'node:path';
import express, { type Router } from 'express';

/**
 * Serves the built web app: hashed assets cached for a year, everything else falls back to
 * `index.html` (never cached) so client-side routes load on refresh.
 */
export function webApp(distDir: string): Router {
  const router = express.Router();
  router.use(
    '/assets',
    express.static(resolve(distDir, 'assets'), {
      immutable: true,
      maxAge: '1y',
      fallthrough: false,
    }),
  );
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));
  const indexHtml = resolve(distDir, 'index.html');
  router.get('/{*path}', (req, res, next) => {
    if (!req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
