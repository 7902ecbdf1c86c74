import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloseCode, CollabServer } from '@lore/collab';
import {
  AccountService,
  PageLinkService,
  PageService,
  RateLimiter,
  systemClock,
  TagService,
} from '@lore/core';
import {
  openDatabase,
  reclaimFreePages,
  SqliteAccountStore,
  SqliteDocumentStore,
  SqlitePageLinkStore,
  SqlitePageStore,
  SqlitePageTagStore,
  SqliteSpaceStore,
  WalCheckpointer,
} from '@lore/store-sqlite';
import express from 'express';
import type { Logger } from 'pino';
import { createAttachmentService } from './attachments/createAttachmentService';
import { attachCollabEndpoint, type CollabContext } from './collab/collabEndpoint';
import { documentSchemaGuard } from './collab/documentSchemaGuard';
import { YjsPageContent } from './collab/YjsPageContent';
import type { Config } from './config';
import { errorHandler } from './http/errorHandler';
import { HttpError } from './http/HttpError';
import { mountRoutes } from './http/mountRoutes';
import { requestLog } from './http/requestLog';
import { securityHeaders } from './http/securityHeaders';
import { webApp } from './http/webApp';
import { PageLinkIndexer } from './links/PageLinkIndexer';
import { createLogger } from './logger';
import { wireRevisions } from './revisions/wireRevisions';
import { apiRoutes } from './routes/apiRoutes';
import type { Services } from './Services';
import { wireSearch } from './search/wireSearch';
import { wireTransfer } from './transfer/wireTransfer';

export interface LoreServer {
  readonly app: express.Express;
  readonly http: Server;
  readonly services: Services;
  readonly logger: Logger;
  /** Starts listening on the configured host and port (0 picks a free port). */
  listen(): Promise<{ url: string; port: number }>;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), closes the database. */
  close(graceMs?: number): Promise<void>;
}

export interface CreateServerOptions {
  readonly logger?: Logger;
}

/**
 * Builds the whole Lore process around one configuration: database (migrated), services,
 * Express app and HTTP server. Nothing listens until `listen()`.
 */
export async function createServer(
  config: Config,
  options: CreateServerOptions = {},
): Promise<LoreServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = openDatabase({ path: config.databasePath, synchronous: config.sqliteSynchronous });
  // Checkpoints off the event loop: a commit never waits for the WAL to be copied and synced.
  const checkpointer = WalCheckpointer.start(db, {
    onError: (error) => logger.error({ err: error }, 'WAL checkpoint'),
  });
  const clock = systemClock;
  const accounts = new AccountService({
    store: new SqliteAccountStore(db),
    clock,
    sessionTtlMs: config.sessionTtlMs,
  });
  const pageStore = new SqlitePageStore(db);
  const spaceStore = new SqliteSpaceStore(db);
  const documentStore = new SqliteDocumentStore(db);
  let pages: PageService | undefined;
  const collab = new CollabServer<CollabContext>({
    store: documentStore,
    maxMessageBytes: config.collabMaxMessageBytes,
    validateUpdate: documentSchemaGuard(),
    // A person's tabs forward each other's edits, so Yjs client ids belong to people.
    writerOf: (context) => context.user.id,
    onAccepted: (update) => revisionWiring.onAccepted(update),
    onChange: async (pageId) => {
      pages?.recordDocumentChange(
        pageId,
        await content.readTitle(pageId),
        revisionWiring.revisions.takeLastEditor(pageId),
      );
      await links.reindexPage(pageId);
    },
    onError: (error, context) => logger.error({ err: error, ...context }, 'collaboration error'),
  });
  const content = new YjsPageContent(collab, documentStore, (pageId, excess) =>
    logger.warn(
      { pageId, limits: excess.map((item) => item.limit) },
      'page past the structure limits was flattened to be read; run `lore doctor --repair`',
    ),
  );
  const revisionWiring = wireRevisions({
    db,
    collab: collab as CollabServer<unknown>,
    clock,
    logger,
  });
  pages = new PageService({ spaces: spaceStore, pages: pageStore, content, clock });
  const pageLinks = new PageLinkService({
    spaces: spaceStore,
    pages: pageStore,
    links: new SqlitePageLinkStore(db),
  });
  const links = new PageLinkIndexer({
    links: pageLinks,
    collab: collab as CollabServer<unknown>,
    documents: documentStore,
    pages: pageStore,
    spaces: spaceStore,
    origin: config.publicUrl?.origin ?? null,
  });
  const search = wireSearch({
    db,
    config: config.search,
    clock,
    logger,
    collab: collab as CollabServer<unknown>,
  });
  const services: Services = {
    config,
    db,
    accounts,
    pages,
    pageStore,
    spaceStore,
    documents: documentStore,
    collab: collab as CollabServer<unknown>,
    loginByAddress: new RateLimiter({
      clock,
      limit: config.loginMaxAttempts * 5,
      windowMs: config.loginWindowMs,
    }),
    loginByEmail: new RateLimiter({
      clock,
      limit: config.loginMaxAttempts,
      windowMs: config.loginWindowMs,
    }),
    revisions: revisionWiring.revisions,
    search: search.services,
    tags: new TagService({ tags: new SqlitePageTagStore(db), pages: pageStore }),
    attachments: createAttachmentService({ config, db, pageStore, clock }),
    links,
    pageLinks,
    transfer: wireTransfer({
      db,
      pages,
      collab: collab as CollabServer<unknown>,
      revisions: revisionWiring.revisions,
      links,
      background: search.services.indexer,
      attachments: () => services.attachments,
      clock,
    }),
  };
  search.start();
  revisionWiring.start();

  if (config.initialAdmin && accounts.needsSetup()) {
    const admin = await accounts.setupFirstAdmin(config.initialAdmin);
    logger.info({ email: admin.email }, 'created the first admin from LORE_ADMIN_EMAIL');
  }
  accounts.pruneSessions();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('json spaces', 0);
  app.use(securityHeaders(config));
  app.use(requestLog(logger));

  let closing = false;
  app.get('/healthz', (_req, res) => {
    if (closing || !db.open) {
      res.status(503).json({ error: { code: 'unavailable', message: 'Lore is shutting down.' } });
      return;
    }
    db.prepare('SELECT 1').get();
    res.json({ status: 'ok' });
  });
  app.use(mountRoutes(apiRoutes, services));
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
  });

  // Hourly upkeep: expired sessions go, and pages freed by compacted logs go back to the disk.
  const pruneTimer = setInterval(() => {
    accounts.pruneSessions();
    reclaimFreePages(db);
  }, 3_600_000);
  pruneTimer.unref();

  return {
    app,
    http,
    services,
    logger,
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
      clearInterval(pruneTimer);
      const closed = new Promise<void>((resolveClose) => http.close(() => resolveClose()));
      http.closeIdleConnections();
      // Collaborators are told to reconnect elsewhere; every accepted update is already stored,
      // and this compacts the logs.
      await revisionWiring.close();
      await collab.closeAll();
      for (const client of wss.clients) client.close(CloseCode.GoingAway, 'server shutting down');
      wss.close();
      const force = setTimeout(() => http.closeAllConnections(), graceMs);
      if (http.listening) await closed;
      clearTimeout(force);
      await search.close();
      await checkpointer.close();
      reclaimFreePages(db, Number.MAX_SAFE_INTEGER);
      db.close();
    },
  };
}
