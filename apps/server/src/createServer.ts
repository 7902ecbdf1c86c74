import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloseCode } from '@lore/collab';
import express from 'express';
import type { Logger } from 'pino';
import { attachCollabEndpoint } from './collab/collabEndpoint';
import type { Config } from './config';
import { errorHandler } from './http/errorHandler';
import { HttpError } from './http/HttpError';
import { mountRoutes } from './http/mountRoutes';
import { requestLog } from './http/requestLog';
import { securityHeaders } from './http/securityHeaders';
import { webApp } from './http/webApp';
import { unsubscribeView } from './mail/unsubscribeView';
import { type CreateLoreOptions, createLore, type LoreRuntime } from './runtime/createLore';
import type { Services } from './Services';
import { sharedView } from './shares/sharedView';
import { oidcView } from './sso/oidcView';

export interface LoreServer {
  readonly app: express.Express;
  readonly http: Server;
  readonly services: Services;
  readonly logger: Logger;
  /** The runtime under the HTTP app (modules, event delivery). */
  readonly runtime: LoreRuntime;
  /** Starts listening on the configured host and port (0 picks a free port). */
  listen(): Promise<{ url: string; port: number }>;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), closes the database. */
  close(graceMs?: number): Promise<void>;
}

/** The runtime's options (logger, unsubscribe target). */
export type CreateServerOptions = CreateLoreOptions;

/**
 * The Lore process: the runtime (`createLore`: database, services, modules, event delivery),
 * started, with the Express app and the collaboration websocket door on top. Nothing listens
 * until `listen()`.
 */
export async function createServer(
  config: Config,
  options: CreateServerOptions = {},
): Promise<LoreServer> {
  const runtime = await createLore(config, options);
  const { services, logger, storage, collab } = runtime;
  await runtime.start();

  const app = express();
  app.disable('x-powered-by');
  // Hops or addresses only: Express's `true` would believe the leftmost, client-chosen address.
  app.set(
    'trust proxy',
    Array.isArray(config.trustProxy) ? [...config.trustProxy] : config.trustProxy,
  );
  app.set('json spaces', 0);
  app.use(securityHeaders(config));
  app.use(requestLog(logger));

  let closing = false;
  app.get('/healthz', (_req, res) => {
    if (closing) {
      res.status(503).json({ error: { code: 'unavailable', message: 'Lore is shutting down.' } });
      return;
    }
    // A load balancer takes a process whose database is unreachable out of rotation.
    storage.ping();
    res.json({ status: 'ok' });
  });
  app.use(mountRoutes(runtime.routes, services));
  // The unsubscribe links of emails: signed tokens, no session.
  app.use(unsubscribeView(services.mail));
  // Single sign-on: the browser goes to the identity provider and comes back here.
  app.use(oidcView(services, logger));
  // Public share links, before the web app, which serves `/s/<shortId>` page addresses.
  app.use(sharedView(services));
  app.use(webApp(services));
  app.use((req) => {
    throw new HttpError(404, 'not_found', `Nothing at ${req.method} ${req.path}.`);
  });
  app.use(errorHandler(logger));

  const http = createHttpServer(app);
  http.headersTimeout = 30_000;
  http.requestTimeout = 60_000;

  const wss = attachCollabEndpoint(http, {
    services,
    collab,
    logger,
    maxMessageBytes: config.collabMaxMessageBytes,
    guard: runtime.socketAccess,
  });

  return {
    app,
    http,
    services,
    logger,
    runtime,
    listen: () =>
      new Promise((resolveListen, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, () => {
          http.off('error', reject);
          const { port } = http.address() as AddressInfo;
          const host =
            config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
          resolveListen({ url: `http://${host}:${port}`, port });
        });
      }),
    close: async (graceMs = 10_000) => {
      if (closing) return;
      closing = true;
      const closed = new Promise<void>((resolveClose) => http.close(() => resolveClose()));
      http.closeIdleConnections();
      // Collaborators are told to reconnect elsewhere; every accepted update is already stored.
      for (const client of wss.clients) client.close(CloseCode.GoingAway, 'server shutting down');
      wss.close();
      const force = setTimeout(() => http.closeAllConnections(), graceMs);
      if (http.listening) await closed;
      clearTimeout(force);
      await runtime.close();
    },
  };
}
