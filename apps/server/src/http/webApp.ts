import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pagePath, parsePagePath, shortPagePath } from '@lore/core';
import express, { type Request, type Response, type Router } from 'express';
import type { Services } from '../Services';
import { authenticate } from './authenticate';
import { pageMetaTags } from './pageMetaTags';
import { expectedOrigin } from './sameOrigin';

/** Served for page addresses when the web app is not built into this server (API-only runs). */
const bareShell =
  '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <title>Lore</title>\n  </head>\n  <body>\n    <p>This Lore server does not serve the web app.</p>\n  </body>\n</html>\n';

/**
 * Serves the web app: hashed assets cached for a year, page addresses resolved to their
 * canonical path, and `index.html` (never cached) for every other client-side route so it loads
 * on refresh.
 *
 * Page addresses (`/s/<shortId>`, `/<space>/<anything>-<shortId>`) answer a signed-in reader
 * with a 301 to the page's current canonical path when they are not it, so renamed and moved
 * pages keep every old link working. The HTML carries generic OpenGraph tags and an oEmbed link,
 * never the page's title or text. Anonymous requests are not redirected, since the canonical
 * path spells out the title: they get the app at the address they asked for, which signs them
 * in and then opens the page.
 */
export function webApp(services: Services): Router {
  const distDir = services.config.webDist;
  const indexHtml = distDir === null ? null : resolve(distDir, 'index.html');
  const router = express.Router({ strict: true });

  const sendShell = async (
    req: Request,
    res: Response,
    status: number,
    oembedFor: string | null,
  ) => {
    const html = indexHtml === null ? bareShell : await readFile(indexHtml, 'utf8');
    const tags = pageMetaTags(expectedOrigin(req, services.config), oembedFor);
    res.status(status);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html');
    res.send(html.replace(/<\/head>/i, () => `${tags}\n  </head>`));
  };

  if (distDir !== null) {
    router.use(
      '/assets',
      express.static(resolve(distDir, 'assets'), {
        immutable: true,
        maxAge: '1y',
        fallthrough: false,
      }),
    );
    router.use(express.static(distDir, { index: false, maxAge: '1h' }));
  }

  router.get(['/s/:shortId', '/:space/:slug', '/:space/:slug/'], async (req, res, next) => {
    let path: string;
    try {
      path = decodeURIComponent(req.path).replace(/\/+$/, '');
    } catch {
      next();
      return;
    }
    const shortId = parsePagePath(path);
    if (shortId === null) {
      next();
      return;
    }
    const authentication = authenticate(req, services);
    if (!authentication) {
      // The same answer whether or not the page exists, so nothing about it leaks.
      await sendShell(req, res, 200, shortPagePath(shortId));
      return;
    }
    const page = services.pageStore.findPageByShortId(shortId);
    // A page the reader may not read answers as one that does not exist.
    if (!page || services.access.pageAccess(authentication.user, page) === 'none') {
      await sendShell(req, res, 404, null);
      return;
    }
    const space = services.pages.getSpace(authentication.user, page.spaceId);
    const canonical = pagePath(space.slug, page);
    if (req.path !== canonical) {
      const queryAt = req.originalUrl.indexOf('?');
      res.redirect(301, queryAt < 0 ? canonical : canonical + req.originalUrl.slice(queryAt));
      return;
    }
    // The short form: permanent, and it spells out nothing about the page.
    await sendShell(req, res, 200, shortPagePath(shortId));
  });

  if (indexHtml !== null) {
    router.get('/{*path}', (req, res, next) => {
      if (!req.accepts('html')) {
        next();
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  }
  return router;
}
