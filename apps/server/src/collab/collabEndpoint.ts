import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, type CollabServer } from '@lore/collab';
import { accessAllows, isPageLive, type PageAccess, type User } from '@lore/core';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { expectedOriginFor } from '../http/sameOrigin';
import { readSessionCookieHeader } from '../http/sessionCookie';
import type { Services } from '../Services';

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
}

/** Who is on the other end of a collaboration socket. */
export interface CollabContext {
  readonly user: User;
}

type Verdict =
  | { ok: true; pageId: string; user: User; access: PageAccess }
  | { ok: false; code: number; reason: string };

/**
 * `ws(s)://HOST/collab/<pageId>`: authenticates the upgrade (session cookie from our own origin,
 * or `?token=`), checks the page, then hands the socket to the collaboration server. Refusals
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
    const token = url.searchParams.get('token');
    let user: User | null = null;
    if (token !== null) {
      user = services.accounts.authenticateToken(token);
    } else {
      const origin = req.headers.origin;
      const secure =
        ('encrypted' in req.socket && req.socket.encrypted === true) ||
        (services.config.trustProxy && req.headers['x-forwarded-proto'] === 'https');
      const expected = expectedOriginFor(services.config, req.headers.host, secure);
      if (origin !== undefined && origin !== expected) {
        return { ok: false, code: CloseCode.Forbidden, reason: 'cross-origin' };
      }
      const secret = readSessionCookieHeader(req.headers.cookie);
      user = secret ? services.accounts.authenticateSession(secret) : null;
    }
    if (!user) return { ok: false, code: CloseCode.Unauthorized, reason: 'sign in first' };
    const page = services.pageStore.findPageById(pageId);
    if (!page || !isPageLive(services.pageStore, page))
      return { ok: false, code: CloseCode.NotFound, reason: 'no such page' };
    // Joining needs read access; writing needs edit access (checked once, here).
    const access = services.access.pageAccess(user, page);
    if (access === 'none') return { ok: false, code: CloseCode.Forbidden, reason: 'no access' };
    return { ok: true, pageId: page.id, user, access };
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
      const userId = verdict.user.id;
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
      collab.handleConnection(ws, {
        docId: verdict.pageId,
        canWrite: accessAllows(verdict.access, 'edit'),
        context: { user: verdict.user },
      });
      // Opening a page in the editor is a view (at most one per person and hour).
      services.search.views.record(userId, verdict.pageId);
    });
  });
  return wss;
}
