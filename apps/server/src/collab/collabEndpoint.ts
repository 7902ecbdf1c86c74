import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, type CollabServer } from '@lore/collab';
import {
  type Authenticated,
  accessAllows,
  canWriteWith,
  isPageLive,
  type PageAccess,
  type User,
} from '@lore/core';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { expectedOriginFor } from '../http/sameOrigin';
import { readSessionCookieHeader } from '../http/sessionCookie';
import type { Services } from '../Services';
import type { SocketAccessGuard } from './SocketAccessGuard';

export const collabPathPrefix = '/collab/';
const pageIdPattern = /^[A-Za-z0-9-]{1,100}$/;

export interface CollabEndpointOptions {
  readonly services: Services;
  readonly collab: CollabServer<CollabContext>;
  readonly logger: Logger;
  /**
   * The collaboration server's frame limit. The transport lets frames up to twice this through so
   * that the room answers them with 4413 (which stops the stock provider from resending); only
   * frames beyond that are cut off by the transport with 1009 before they are buffered.
   */
  readonly maxMessageBytes: number;
  /** Open collaboration sockets allowed per user; more are closed with 4429. */
  readonly maxSocketsPerUser?: number;
  /** Keeps admitted sockets within what their person may still do. */
  readonly guard: SocketAccessGuard;
}

/** Who is on the other end of a collaboration socket. */
export interface CollabContext {
  readonly user: User;
  /** The credential the socket was opened with (its session id, or the token and its scope). */
  readonly credential: Authenticated['credential'];
  /** When the socket was admitted (ms since the epoch), for its maximum lifetime. */
  readonly openedAt: number;
}

type Verdict =
  | { ok: true; pageId: string; auth: Authenticated; access: PageAccess }
  | { ok: false; code: number; reason: string };

/**
 * `ws(s)://HOST/collab/<pageId>`: authenticates the upgrade (a single-use `?ticket=` from
 * `POST /api/collab/tickets`, the session cookie from our own origin, or — discouraged, as it
 * puts a long-lived secret in the URL — `?token=`), checks the page, then hands the socket to the collaboration server. Refusals
 * complete the handshake and close with a documented code (docs/collaboration.md), so clients
 * learn why instead of retrying blindly.
 */
export function attachCollabEndpoint(
  http: Server,
  options: CollabEndpointOptions,
): WebSocketServer {
  const { services, collab, logger } = options;
  const maxSocketsPerUser = options.maxSocketsPerUser ?? 100;
  const socketsPerUser = new Map<string, number>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 2 * options.maxMessageBytes,
    perMessageDeflate: false,
  });

  const judge = (req: IncomingMessage, url: URL): Verdict => {
    const pageId = decodeURIComponent(url.pathname.slice(collabPathPrefix.length));
    if (!pageIdPattern.test(pageId))
      return { ok: false, code: CloseCode.NotFound, reason: 'no such page' };
    const ticket = url.searchParams.get('ticket');
    const token = url.searchParams.get('token');
    let auth: Authenticated | null = null;
    if (ticket !== null) {
      auth = services.accounts.authenticateCollabTicket(ticket);
    } else if (token !== null) {
      auth = services.accounts.authenticateToken(token);
    } else {
      const origin = req.headers.origin;
      const trustProxy = services.config.trustProxy;
      const secure =
        ('encrypted' in req.socket && req.socket.encrypted === true) ||
        (trustProxy !== false && trustProxy !== 0 && req.headers['x-forwarded-proto'] === 'https');
      const expected = expectedOriginFor(services.config, req.headers.host, secure);
      if (origin !== undefined && origin !== expected) {
        return { ok: false, code: CloseCode.Forbidden, reason: 'cross-origin' };
      }
      const secret = readSessionCookieHeader(req.headers.cookie);
      auth = secret ? services.accounts.authenticateSession(secret) : null;
    }
    if (!auth) return { ok: false, code: CloseCode.Unauthorized, reason: 'sign in first' };
    const user: User = auth.user;
    const page = services.pageStore.findPageById(pageId);
    if (!page || !isPageLive(services.pageStore, page))
      return { ok: false, code: CloseCode.NotFound, reason: 'no such page' };
    // Joining needs read access; writing needs edit access. The guard rechecks both on every
    // access or account change, so an open socket follows them.
    const access = services.access.pageAccess(user, page);
    if (access === 'none') return { ok: false, code: CloseCode.Forbidden, reason: 'no access' };
    return { ok: true, pageId: page.id, auth, access };
  };

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://lore.invalid');
    } catch {
      socket.destroy();
      return;
    }
    if (!url.pathname.startsWith(collabPathPrefix)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    let verdict: Verdict;
    try {
      verdict = judge(req, url);
    } catch (error) {
      logger.error({ err: error }, 'collab upgrade failed');
      verdict = { ok: false, code: CloseCode.InternalError, reason: 'server error' };
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (error) => logger.debug({ err: error }, 'collab socket error'));
      if (!verdict.ok) {
        ws.close(verdict.code, verdict.reason);
        return;
      }
      const { user, credential } = verdict.auth;
      const userId = user.id;
      const open = socketsPerUser.get(userId) ?? 0;
      if (open >= maxSocketsPerUser) {
        ws.close(CloseCode.TooMany, 'too many connections');
        return;
      }
      socketsPerUser.set(userId, open + 1);
      ws.on('close', () => {
        const left = (socketsPerUser.get(userId) ?? 1) - 1;
        if (left <= 0) socketsPerUser.delete(userId);
        else socketsPerUser.set(userId, left);
      });
      const connection = collab.handleConnection(ws, {
        docId: verdict.pageId,
        // A read-only token reads, whatever its owner may do.
        canWrite: accessAllows(verdict.access, 'edit') && canWriteWith(credential),
        context: { user, credential, openedAt: Date.now() },
      });
      options.guard.watch(connection);
      // Opening a page in the editor is a view (at most one per person and hour).
      services.search.views.record(userId, verdict.pageId);
      // …and tells watchers' notifications that this person has seen the page now.
      services.watches.recordView(userId, verdict.pageId);
    });
  });
  return wss;
}
