import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentStore } from '@lore/core';
import { type Db, openDatabase, SqliteDocumentStore } from '@lore/store-sqlite';
import { WebSocket, WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode } from '../CloseCode';
import { CollabServer } from '../CollabServer';
import type { CollabErrorContext, CollabServerOptions } from '../CollabServerOptions';
import { waitUntil } from './waitUntil';

/** What the test wiring attaches to each connection. */
export interface TestContext {
  readonly access: 'write' | 'read';
  /** Who the test says is behind the connection (`?as=`), if anyone. */
  readonly person?: string;
}

export interface CollabHarnessOptions {
  /** The SQLite file; reuse it across harnesses to test restarts. Default: a new temp file. */
  readonly dbPath?: string;
  readonly collab?: Omit<CollabServerOptions<TestContext>, 'store'>;
  /** Wraps the real store, e.g. to add latency that widens race windows. */
  readonly wrapStore?: (store: DocumentStore) => DocumentStore;
}

export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Close codes the server sent to this client, in order. */
  readonly closeCodes: number[];
  /** Resolves once the client completed its first sync with the server. */
  synced(): Promise<void>;
  destroy(): void;
}

export interface RawSocket {
  readonly socket: WebSocket;
  /** Every binary frame received so far. */
  readonly received: Uint8Array[];
  /** Resolves with the close code and reason when the server closes the socket. */
  readonly closed: Promise<{ code: number; reason: string }>;
}

export interface CollabHarness {
  /** `ws://127.0.0.1:PORT/collab`; a document lives at `${url}/${docId}`. */
  readonly url: string;
  readonly dbPath: string;
  readonly db: Db;
  readonly store: SqliteDocumentStore;
  readonly collab: CollabServer<TestContext>;
  /** Errors the collab server reported through `onError`. */
  readonly errors: { error: unknown; context: CollabErrorContext }[];
  /** A stock `y-websocket` provider with its own Y.Doc; `?access=read` makes it a viewer. */
  client(docId: string, options?: { readOnly?: boolean; doc?: Y.Doc; as?: string }): TestClient;
  /** A bare `ws` socket for sending hand-made frames. */
  rawSocket(docId: string): Promise<RawSocket>;
  /** Graceful: `closeAll()` then close HTTP and the database. */
  close(): Promise<void>;
  /** Like `kill -9` for the collab state: drops every socket and the database without flushing. */
  crash(): Promise<void>;
}

/** A fresh temp folder holding `lore.db`; remove it with the returned function. */
export function tempDatabasePath(): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lore-collab-'));
  return {
    path: join(dir, 'lore.db'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A real HTTP server on port 0 with a `ws` WebSocketServer wired to a `CollabServer` on a real
 * SQLite file, the way the Lore server wires it: the upgrade handler decides access, then hands
 * the socket over. `?access=read` joins as a viewer, `?access=none` is refused with 4403.
 */
export async function startCollabHarness(
  options: CollabHarnessOptions = {},
): Promise<CollabHarness> {
  const dbPath = options.dbPath ?? tempDatabasePath().path;
  const db = openDatabase({ path: dbPath });
  const store = new SqliteDocumentStore(db);
  const errors: CollabHarness['errors'] = [];
  const collab = new CollabServer<TestContext>({
    ...options.collab,
    store: options.wrapStore ? options.wrapStore(store) : store,
    onError: (error, context) => {
      errors.push({ error, context });
      options.collab?.onError?.(error, context);
    },
  });
  const maxMessageBytes = options.collab?.maxMessageBytes ?? 8 * 1024 * 1024;
  // ws refuses frames above maxPayload itself (close 1009); keep it above the collab limit so the
  // documented 4413 is what clients see for frames that are merely too large.
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes * 2 });
  const http = createServer((_req, res) => {
    res.writeHead(404).end();
  });
  http.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = /^\/collab\/([^/]+)$/.exec(url.pathname);
    if (!match?.[1]) {
      socket.destroy();
      return;
    }
    const docId = decodeURIComponent(match[1]);
    const access = url.searchParams.get('access') ?? 'write';
    const person = url.searchParams.get('as');
    wss.handleUpgrade(request, socket, head, (ws) => {
      if (access === 'none') {
        ws.close(CloseCode.Forbidden, 'no access');
        return;
      }
      collab.handleConnection(ws, {
        docId,
        canWrite: access === 'write',
        context: {
          access: access === 'write' ? 'write' : 'read',
          ...(person === null ? {} : { person }),
        },
      });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const url = `ws://127.0.0.1:${port}/collab`;
  const clients = new Set<TestClient>();

  const stopHttp = async () => {
    for (const client of clients) client.destroy();
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  };

  return {
    url,
    dbPath,
    db,
    store,
    collab,
    errors,
    client(docId, clientOptions = {}) {
      const doc = clientOptions.doc ?? new Y.Doc();
      const provider = new WebsocketProvider(url, docId, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: {
          ...(clientOptions.readOnly ? { access: 'read' } : {}),
          ...(clientOptions.as === undefined ? {} : { as: clientOptions.as }),
        },
      });
      const closeCodes: number[] = [];
      provider.on('connection-close', (event) => {
        if (event) closeCodes.push(event.code);
      });
      const client: TestClient = {
        doc,
        provider,
        closeCodes,
        synced: () => waitUntil(() => provider.synced, `client of ${docId} to sync`),
        destroy: () => {
          clients.delete(client);
          provider.destroy();
        },
      };
      clients.add(client);
      return client;
    },
    async rawSocket(docId) {
      const socket = new WebSocket(`${url}/${encodeURIComponent(docId)}`);
      const received: Uint8Array[] = [];
      socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
      const closed = new Promise<{ code: number; reason: string }>((resolve) => {
        socket.on('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }));
      });
      socket.on('error', () => {});
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
      return { socket, received, closed };
    },
    async close() {
      await collab.closeAll();
      await stopHttp();
      db.close();
    },
    async crash() {
      await stopHttp();
      db.close();
    },
  };
}

/** A fresh stock client that syncs `docId` and returns its text `name`, then leaves. */
export async function readThroughNewClient(
  harness: CollabHarness,
  docId: string,
  read: (doc: Y.Doc) => string = (doc) => doc.getText('text').toString(),
): Promise<string> {
  const client = harness.client(docId);
  try {
    await client.synced();
    return read(client.doc);
  } finally {
    client.destroy();
  }
}
