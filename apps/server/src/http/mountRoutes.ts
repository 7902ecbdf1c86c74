import { pipeline } from 'node:stream/promises';
import { canWriteWith } from '@lore/core';
import express, { type Request, type Router } from 'express';
import { match } from 'path-to-regexp';
import { RequestOrigin } from '../audit/RequestOrigin';
import type { Services } from '../Services';
import { authenticate } from './authenticate';
import { HttpError } from './HttpError';
import type { Route } from './route';
import { originVerdict } from './sameOrigin';
import { readSessionCookie } from './sessionCookie';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Cookie-authenticated writes must come from our own pages. Token-authenticated calls carry no
 * ambient credential, so they are exempt.
 */
function checkCsrf(req: Request, services: Services): void {
  if (safeMethods.has(req.method) || req.headers.authorization !== undefined) return;
  const verdict = originVerdict(req, services.config);
  if (verdict === 'cross' || (verdict === 'unknown' && readSessionCookie(req) !== null)) {
    throw new HttpError(403, 'csrf_failed', 'Cross-site requests are not allowed.');
  }
}

function isPrematureClose(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === 'ERR_STREAM_PREMATURE_CLOSE'
  );
}

/** Registers every route: CSRF check → media type → zod validation → auth → handler → reply. */
export function mountRoutes(routes: readonly Route[], services: Services): Router {
  const router = express.Router({ strict: false, caseSensitive: true });
  const rawBodyRoutes = routes
    .filter((route) => route.rawBody)
    .map((route) => ({ method: route.method.toUpperCase(), test: match(route.path) }));
  const takesRawBody = (req: Request) =>
    rawBodyRoutes.some(
      (matcher) => matcher.method === req.method && matcher.test(`${req.baseUrl}${req.path}`),
    );
  router.use(
    '/api',
    express.json({
      limit: services.config.bodyLimit,
      type: (req) =>
        !takesRawBody(req as Request) &&
        Boolean((req as Request).is(['application/json', 'application/*+json'])),
    }),
  );
  for (const route of routes) {
    router[route.method](route.path, async (req, res) => {
      checkCsrf(req, services);
      if (
        route.body &&
        !route.rawBody &&
        hasBody(req) &&
        !req.is(['application/json', 'application/*+json'])
      ) {
        throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json.');
      }
      if (!route.body && !route.rawBody && hasBody(req) && req.body !== undefined) {
        throw new HttpError(400, 'invalid_request', 'This endpoint takes no request body.');
      }
      const body = route.body ? route.body.parse(req.body ?? undefined) : undefined;
      const query = route.query ? route.query.parse(req.query) : undefined;
      const params = route.params ? route.params.parse(req.params) : undefined;
      const authentication = authenticate(req, services);
      if (route.access === 'user' && !authentication) {
        throw new HttpError(401, 'unauthenticated', 'Sign in or send a valid API token.');
      }
      // A read-only token changes nothing, whatever the route.
      if (
        authentication &&
        !safeMethods.has(req.method) &&
        !route.readsOnly &&
        !canWriteWith(authentication.credential)
      ) {
        throw new HttpError(403, 'forbidden', 'This API token can only read (scope read).');
      }
      // Audit records written while the handler runs carry the request's address and agent.
      const reply = await services.requestOrigin.run(RequestOrigin.of(req), () =>
        route.handler({
          req,
          res,
          body,
          query,
          params,
          actor: authentication?.user ?? null,
          auth: authentication,
          services,
        }),
      );
      res.status(reply.status);
      if (reply.stream) {
        await pipeline(reply.stream, res).catch((error: unknown) => {
          // A client that leaves mid-stream (a closed tab, an event stream) is not a failure.
          if (res.destroyed && !res.writableFinished && isPrematureClose(error)) return;
          throw error;
        });
      } else if (reply.body === undefined) res.end();
      else res.json(reply.body);
    });
  }
  const matchers = routes.map((route) => ({ method: route.method, test: match(route.path) }));
  router.use('/api', (req) => {
    const path = `${req.baseUrl}${req.path}`;
    const allowed = matchers
      .filter((matcher) => matcher.test(path) !== false)
      .map((matcher) => matcher.method.toUpperCase());
    if (allowed.length > 0) {
      throw new HttpError(405, 'method_not_allowed', `Use ${allowed.join(' or ')} here.`, {
        Allow: allowed.join(', '),
      });
    }
    throw new HttpError(404, 'not_found', `No API endpoint at ${req.method} ${path}.`);
  });
  return router;
}
