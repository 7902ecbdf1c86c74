import { pipeline } from 'node:stream/promises';
import { isShareSecret, type Page, type SharedScope } from '@lore/core';
import express, { type Request, type Response, type Router } from 'express';
import { prepareDownload } from '../attachments/prepareDownload';
import { expectedOrigin } from '../http/sameOrigin';
import type { Services } from '../Services';
import { renderSharedBody } from './renderSharedBody';
import { setSharedViewHeaders } from './sharedViewHeaders';
import { sharedNotFoundHtml, sharedPageHtml } from './sharedViewHtml';
import { sharedViewStylesheet } from './sharedViewStylesheet';
import { sharedViewStylesheetPath } from './sharePaths';

/**
 * The public view of share links, for anyone holding one, signed in or not:
 *
 * - `GET /s/<secret>`: the shared page;
 * - `GET /s/<secret>/p/<shortId>`: a subpage, when the link includes subpages;
 * - `GET /s/<secret>/files/<attachmentId>/<name>`: a file attached to a shared page.
 *
 * Server-rendered HTML with its own strict policy and no script. Anything the link does not
 * cover — unknown, revoked or expired links, pages and files outside the share — answers the
 * same 404 page. `/s/<shortId>` (page short addresses) is left to the web app.
 */
export function sharedView(services: Services): Router {
  const router = express.Router();

  router.get(sharedViewStylesheetPath, (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('text/css').send(sharedViewStylesheet);
  });

  /** The scope of the path's secret; answers the 404 page itself when there is none. */
  const scopeOf = (req: Request, res: Response): SharedScope | null => {
    const scope = services.shares.resolve(String(req.params.secret));
    if (!scope) notFound(res);
    return scope;
  };

  const showPage = async (req: Request, res: Response, scope: SharedScope, page: Page) => {
    const secret = String(req.params.secret);
    const origin = expectedOrigin(req, services.config);
    const body = await renderSharedBody(services, scope, secret, page, origin);
    const html = sharedPageHtml({
      secret,
      origin,
      page,
      trail: trailTo(services, scope, page),
      tree: scope.share.includeSubpages ? scope.tree() : null,
      bodyHtml: body.html,
      summary: body.summary,
      allowIndexing: scope.share.allowIndexing,
    });
    services.shares.recordUse(scope);
    setSharedViewHeaders(res, scope.share.allowIndexing);
    res.status(200).type('html').send(html);
  };

  /** Paths whose first segment is not a share secret belong to the web app (`/s/<shortId>`). */
  router.use('/s/:secret', (req, _res, next) => {
    next(isShareSecret(String(req.params.secret)) ? undefined : 'router');
  });

  router.get('/s/:secret', async (req, res) => {
    const scope = scopeOf(req, res);
    if (scope) await showPage(req, res, scope, scope.root);
  });

  router.get('/s/:secret/p/:page', async (req, res) => {
    const scope = scopeOf(req, res);
    if (!scope) return;
    const page = scope.page(String(req.params.page));
    if (!page) notFound(res);
    else await showPage(req, res, scope, page);
  });

  router.get('/s/:secret/files/:attachmentId/:filename', async (req, res) => {
    const scope = scopeOf(req, res);
    if (!scope) return;
    let opened: ReturnType<Services['attachments']['openWithin']>;
    try {
      opened = services.attachments.openWithin(String(req.params.attachmentId), (page) =>
        scope.includes(page.id),
      );
    } catch {
      notFound(res);
      return;
    }
    setSharedViewHeaders(res, scope.share.allowIndexing);
    if (!prepareDownload(req, res, opened.attachment, 'private, no-store')) {
      res.status(304).end();
      return;
    }
    res.status(200);
    await pipeline(opened.stream(), res);
  });

  // Anything else under a share secret.
  router.all('/s/:secret/{*rest}', (_req, res) => notFound(res));
  return router;
}

/** The same friendly 404 page whatever is missing. */
function notFound(res: Response): void {
  setSharedViewHeaders(res, false);
  res.status(404).type('html').send(sharedNotFoundHtml());
}

/** The pages from the shared page down to `page`, each inside the share. */
function trailTo(services: Services, scope: SharedScope, page: Page): Page[] {
  const trail: Page[] = [];
  const seen = new Set<string>();
  for (let current: Page | null = page; current !== null && !seen.has(current.id); ) {
    seen.add(current.id);
    trail.unshift(current);
    if (current.id === scope.root.id) return trail;
    current = current.parentId === null ? null : services.pageStore.findPageById(current.parentId);
  }
  return [page];
}
