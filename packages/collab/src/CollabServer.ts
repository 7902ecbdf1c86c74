import type * as Y from 'yjs';
import { ChangeNotifier } from './ChangeNotifier';
import { CloseCode } from './CloseCode';
import { ClusterLink } from './ClusterLink';
import type { CollabConnection } from './CollabConnection';
import {
  type AccessRecheckScope,
  type CollabServerOptions,
  type CollabSettings,
  resolveCollabSettings,
} from './CollabServerOptions';
import { Connection } from './Connection';
import { Room } from './Room';
import type { RoomState } from './RoomLifecycle';
import type { SocketLike } from './SocketLike';

/** What the wiring decided about a socket before handing it over. */
export interface ConnectionInit<TContext> {
  /** The document (page id) the socket asked for. */
  readonly docId: string;
  /** False for viewers: their document changes are dropped (see `CollabConnection.canWrite`). */
  readonly canWrite: boolean;
  readonly context: TContext;
}

/**
 * Real-time collaboration over the y-websocket protocol, independent of any HTTP or websocket
 * library: the server wiring authenticates and authorizes an upgrade, then hands the socket over
 * with `handleConnection`. Documents load lazily into rooms, are shared by every client and
 * server-side reader, and unload `gracePeriodMs` after the last one left.
 *
 * Durability: an update is appended to the store (one transaction per batch of updates that
 * arrived together) before it is applied to the room document or relayed to anyone, so whatever
 * a client or a server-side reader has seen survives a crash.
 *
 * Several processes can serve the same pages from one store (`relay`): each commits first, then
 * publishes what it committed with its sequence numbers; the others apply it in order, and read
 * the store whenever they may have missed something.
 */
export class CollabServer<TContext = unknown> {
  readonly #settings: CollabSettings;
  readonly #notifier: ChangeNotifier;
  readonly #rooms = new Map<string, Room>();
  readonly #cluster: ClusterLink | null;
  #closed = false;

  constructor(options: CollabServerOptions<TContext>) {
    this.#settings = resolveCollabSettings(options);
    this.#notifier = new ChangeNotifier({
      listener: this.#settings.onChange,
      delayMs: this.#settings.changeDebounceMs,
      maxWaitMs: this.#settings.changeMaxWaitMs,
      onError: (error, docId) => this.#settings.onError(error, { docId, during: 'change' }),
    });
    const relay = this.#settings.relay;
    this.#cluster = relay
      ? new ClusterLink({
          settings: relay,
          store: this.#settings.store,
          rooms: () => this.#rooms.values(),
          closeDocument: (docId, code, reason) => this.closeDocument(docId, code, reason),
          ...(this.#settings.recheckAccess ? { recheckAccess: this.#settings.recheckAccess } : {}),
          report: (error, context) => this.#settings.onError(error, context),
        })
      : null;
    this.#cluster?.start();
  }

  /** This process's id among those sharing the relay, or null without a relay. */
  get nodeId(): string | null {
    return this.#cluster?.nodeId ?? null;
  }

  /** Takes over an open, already authorized socket and joins it to its document's room. */
  handleConnection(socket: SocketLike, init: ConnectionInit<TContext>): CollabConnection<TContext> {
    const connection = new Connection<TContext>(
      socket,
      init,
      {
        maxMessageBytes: this.#settings.maxMessageBytes,
        maxPendingBytes: this.#settings.maxPendingBytes,
        maxBufferedBytes: this.#settings.maxBufferedBytes,
      },
      (error) => this.#settings.onError(error, { docId: init.docId, during: 'message' }),
    );
    if (this.#closed) {
      connection.close(CloseCode.GoingAway, 'server shutting down');
      return connection;
    }
    this.#room(init.docId).join(connection);
    return connection;
  }

  /**
   * The live document, loaded and decoded when needed, for server-side reads (rendering,
   * export). It holds durable state only. Do not change it directly: use `applyServerUpdate`
   * or `editDocument`.
   * The room stays loaded at least `gracePeriodMs` after this call; read synchronously.
   */
  async getDocument(docId: string): Promise<Y.Doc> {
    return this.#withRoom(docId, async (room) => room.doc);
  }

  /**
   * Applies a Yjs update made on the server (e.g. page created from Markdown, revision restored)
   * with the same guarantee as a client's: validated, stored, then applied and relayed. Resolves
   * when durable; rejects with a core `ValidationError` when the update is malformed or refused.
   */
  async applyServerUpdate(
    docId: string,
    update: Uint8Array,
    origin: unknown = this,
  ): Promise<void> {
    await this.#withRoom(docId, (room) => room.applyServerUpdate(update, origin));
  }

  /**
   * Runs `change` on the document as the server will store it (see `Room.editServerSide`) and
   * applies what it changed like a client's update. Concurrent client edits merge as usual.
   */
  async editDocument(
    docId: string,
    change: (doc: Y.Doc) => void,
    origin: unknown = this,
  ): Promise<void> {
    await this.#withRoom(docId, (room) => room.editServerSide(change, origin));
  }

  /** Open connections, of one document or of all; e.g. to apply a permission change. */
  connections(docId?: string): CollabConnection<TContext>[] {
    const rooms = docId === undefined ? [...this.#rooms.values()] : [this.#rooms.get(docId)];
    return rooms.flatMap(
      (room) => (room?.connections() ?? []) as unknown as CollabConnection<TContext>[],
    );
  }

  /** Whether the document is loaded in a room now (cheap, unlike {@link loadedDocuments}). */
  isLoaded(docId: string): boolean {
    return this.#rooms.has(docId);
  }

  /**
   * Whether the document is loaded and decoded in memory. A room whose clients only read keeps
   * the document encoded, exactly as stored: a reader that does not need the live document
   * decoded is better served from the store then (see {@link getDocument}, which decodes).
   */
  isDecoded(docId: string): boolean {
    return this.decodedCopies(docId) > 0;
  }

  /**
   * Decoded copies of the document in memory: 0 when it is not loaded or held encoded, 1 for the
   * room document, 2 while writes are being validated on a scratch copy (released after
   * `scratchIdleMs` without writes). For metrics and tests.
   */
  decodedCopies(docId: string): number {
    return this.#rooms.get(docId)?.decodedCopies ?? 0;
  }

  /** Ids of the documents loaded in memory right now, with their room state. */
  loadedDocuments(): Map<string, RoomState> {
    return new Map([...this.#rooms].map(([docId, room]) => [docId, room.state]));
  }

  /**
   * Closes a document's connections with `code` (e.g. `CloseCode.NotFound` after the page was
   * deleted), waits for its pending writes, compacts and unloads it.
   */
  async closeDocument(
    docId: string,
    code: number = CloseCode.GoingAway,
    reason = 'document closed',
  ): Promise<void> {
    await this.#rooms.get(docId)?.shutdown(code, reason);
  }

  /**
   * Like {@link closeDocument}, on every process serving the document (e.g. the page went to
   * the trash). Resolves once it is closed here; the others close it when the request reaches
   * them. Without a relay, the same as `closeDocument`.
   */
  async closeDocumentEverywhere(
    docId: string,
    code: number = CloseCode.GoingAway,
    reason = 'document closed',
  ): Promise<void> {
    if (!this.#cluster) return this.closeDocument(docId, code, reason);
    await this.#cluster.closeDocumentEverywhere(docId, code, reason);
  }

  /**
   * Has every process check its open connections against access again (the `recheckAccess`
   * option), those of one person or one page or all: after a permission change, which is
   * handled once for the whole cluster. Runs here at once.
   */
  recheckAccessEverywhere(scope: AccessRecheckScope = {}): void {
    if (this.#cluster) this.#cluster.recheckAccessEverywhere(scope);
    else this.#settings.recheckAccess?.(scope);
  }

  /** Waits for every pending write, compacts every loaded document and runs pending `onChange`. */
  async flush(): Promise<void> {
    await Promise.all([...this.#rooms.values()].map((room) => room.flush()));
    await this.#notifier.flushAll();
  }

  /**
   * Graceful shutdown: refuses new connections, closes open ones with `CloseCode.GoingAway`
   * (clients reconnect to the next process), stores and compacts everything, runs pending
   * `onChange` listeners. Idempotent.
   */
  async closeAll(): Promise<void> {
    this.#closed = true;
    this.#cluster?.close();
    await Promise.all(
      [...this.#rooms.values()].map((room) =>
        room.shutdown(CloseCode.GoingAway, 'server shutting down'),
      ),
    );
    await this.#notifier.flushAll();
  }

  #room(docId: string): Room {
    let room = this.#rooms.get(docId);
    if (!room) {
      room = new Room(docId, {
        settings: this.#settings,
        notifier: this.#notifier,
        ...(this.#cluster ? { cluster: this.#cluster } : {}),
        onClosed: (closed) => {
          if (this.#rooms.get(closed.docId) === closed) this.#rooms.delete(closed.docId);
        },
      });
      this.#rooms.set(docId, room);
    }
    return room;
  }

  async #withRoom<T>(docId: string, use: (room: Room) => Promise<T>): Promise<T> {
    // While shutting down, rooms still being closed stay readable (their change listeners run
    // last), but no room is loaded anew.
    const existing = this.#rooms.get(docId);
    if (this.#closed && (!existing || existing.state === 'closed')) {
      throw new Error('The collaboration server is closed.');
    }
    const room = existing ?? this.#room(docId);
    room.pin();
    try {
      await room.ready;
      return await use(room);
    } finally {
      room.unpin();
    }
  }
}
