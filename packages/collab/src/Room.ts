import { ValidationError } from '@lore/core';
import * as Y from 'yjs';
import type { ChangeNotifier } from './ChangeNotifier';
import { CloseCode } from './CloseCode';
import { CollabProtocolError } from './CollabProtocolError';
import type { CollabErrorContext, CollabSettings } from './CollabServerOptions';
import { CommitPipeline } from './CommitPipeline';
import type { Connection, ConnectionHost } from './Connection';
import { LogCompactor } from './LogCompactor';
import { PresenceRelay, presenceStamps } from './PresenceRelay';
import { encodeSyncUpdate } from './protocol/serverMessages';
import type { QueuedUpdate } from './QueuedUpdate';
import { RoomDocument } from './RoomDocument';
import { RoomLifecycle, type RoomState } from './RoomLifecycle';
import { RoomProtocol } from './RoomProtocol';
import { type RoomRelayContext, RoomRelayLink } from './RoomRelayLink';
import { ScratchCopy } from './ScratchCopy';
import { UpdateAdmission } from './UpdateAdmission';

export interface RoomEnvironment {
  readonly settings: CollabSettings;
  readonly notifier: ChangeNotifier;
  /** Called synchronously when the room is closed, so the server forgets it in the same tick. */
  readonly onClosed: (room: Room) => void;
  /** Other processes serving the same pages, if any. */
  readonly cluster?: RoomRelayContext;
}

/**
 * One loaded document and its clients. The room builds its parts, wires them together and
 * answers for them to the server and to its connections; each part has one job:
 * - `RoomDocument`: the document clients and server-side readers see, kept encoded until needed;
 * - `RoomProtocol`: the sync protocol with each connection; `PresenceRelay`: who is present;
 * - `UpdateAdmission` then `CommitPipeline`: every update passes three steps, in order. It is
 *   validated on the scratch copy (`ScratchCopy`); appended to the store together with
 *   everything else that arrived in the same turn; only then relayed to the other clients and
 *   applied to the room document, in one turn. So the room document only ever holds durable
 *   state, and nobody sees a change the store could still lose;
 * - `LogCompactor`: folds the stored log into a snapshot;
 * - `RoomLifecycle`: loading, unloading when idle, shutting down, failing.
 */
export class Room implements ConnectionHost {
  readonly docId: string;
  /** Resolves when the room is live; rejects when loading failed (the room is then closed). */
  readonly ready: Promise<void>;

  readonly #settings: CollabSettings;
  readonly #connections = new Set<Connection>();
  readonly #document: RoomDocument;
  readonly #scratch: ScratchCopy;
  readonly #presence: PresenceRelay;
  readonly #log: LogCompactor;
  readonly #pipeline: CommitPipeline;
  readonly #admission: UpdateAdmission;
  readonly #protocol: RoomProtocol;
  readonly #lifecycle: RoomLifecycle;
  readonly #link: RoomRelayLink | null;
  #loadedSeq = 0;

  constructor(docId: string, env: RoomEnvironment) {
    this.docId = docId;
    const settings = env.settings;
    this.#settings = settings;
    const report = (error: unknown, during: CollabErrorContext['during']) =>
      this.#report(error, during);
    // A guid spares Yjs a random one (about 90 µs of crypto per document).
    const doc = new Y.Doc({ gc: settings.gc, guid: docId });
    const document = new RoomDocument(doc, {
      origin: this,
      onDecodeFailed: (error) => {
        report(error, 'load');
        this.#lifecycle.fail(error);
      },
    });
    this.#document = document;
    this.#scratch = new ScratchCopy({
      docId,
      gc: settings.gc,
      idleMs: settings.scratchIdleMs,
      // The whole state first (from the encoded bytes while there are any), then decoded.
      source: () => {
        const state = document.wholeUpdate();
        document.decode();
        return [state, ...this.#pipeline.queued.map((queued) => queued.update)];
      },
      canRelease: () => this.#lifecycle.state !== 'closed' && this.#pipeline.writesDone,
    });
    this.#presence = new PresenceRelay(
      doc,
      () => this.#connections,
      (error) => report(error, 'send'),
      presenceStamps(settings),
    );
    this.#log = new LogCompactor({
      docId,
      store: settings.store,
      compactAfterUpdates: settings.compactAfterUpdates,
      compactAfterBytes: settings.compactAfterBytes,
      document,
      report,
    });
    const cluster = env.cluster;
    this.#link = cluster
      ? new RoomRelayLink({
          docId,
          context: cluster,
          presence: this.#presence,
          absorb: (updates) => this.#absorb(updates),
          log: this.#log,
          report,
        })
      : null;
    const link = this.#link;
    this.#pipeline = new CommitPipeline({
      docId,
      settings,
      document,
      scratch: this.#scratch,
      log: this.#log,
      notifier: env.notifier,
      connections: () => this.#connections,
      report,
      onApplyFailed: (error) => this.#lifecycle.fail(error),
      ...(link ? { committed: (lastSeq, updates) => link.committed(lastSeq, updates) } : {}),
    });
    this.#admission = new UpdateAdmission({
      docId,
      settings,
      document,
      scratch: this.#scratch,
      pipeline: this.#pipeline,
      report,
    });
    this.#protocol = new RoomProtocol(document, this.#admission, this.#presence);
    this.#lifecycle = new RoomLifecycle({
      docId,
      gracePeriodMs: settings.gracePeriodMs,
      notifier: env.notifier,
      pipeline: this.#pipeline,
      log: this.#log,
      connections: () => this.#connections,
      report,
      // Subscribed before reading, so that nothing committed elsewhere falls in between.
      read: link
        ? () => link.subscribed.then(() => settings.store.load(docId))
        : () => settings.store.load(docId),
      loaded: (stored) => {
        document.load(stored);
        this.#log.loaded(stored);
        this.#loadedSeq = stored.lastSeq;
      },
      started: () => {
        for (const connection of [...this.#connections]) this.#protocol.greet(connection);
        link?.loaded(this.#loadedSeq);
      },
      closed: () => {
        link?.close();
        env.onClosed(this);
        void env.notifier.flush(docId);
        this.#presence.close();
        document.close();
        this.#scratch.close();
      },
    });
    this.ready = this.#lifecycle.ready;
  }

  /** The room's presence states (y-protocols awareness). */
  get awareness(): PresenceRelay['awareness'] {
    return this.#presence.awareness;
  }

  get state(): RoomState {
    return this.#lifecycle.state;
  }

  /**
   * The document, decoded on first use. Durable state only; read it, never change it directly
   * (use the server's update methods).
   */
  get doc(): Y.Doc {
    return this.#document.doc;
  }

  /**
   * Decoded copies of the document held: 0 while loading or encoded (the store then holds
   * exactly its state), 2 while a scratch copy is kept.
   */
  get decodedCopies(): number {
    if (this.#lifecycle.state === 'loading' || this.#document.encoded) return 0;
    return this.#scratch.held ? 2 : 1;
  }

  /** The room's part in a cluster of processes, if there is one. */
  get relayLink(): RoomRelayLink | null {
    return this.#link;
  }

  /** Another process is gone: its clients leave this room's presence. */
  forgetNode(nodeId: string): void {
    if (this.#lifecycle.state !== 'closed') this.#presence.forgetNode(nodeId);
  }

  connections(): readonly Connection[] {
    return [...this.#connections];
  }

  /** Adds a client. While loading, its frames wait; once live it gets sync step 1 and presence. */
  join(connection: Connection): void {
    if (connection.closed) return;
    if (this.#lifecycle.closing) {
      const { code, reason } = this.#lifecycle.farewell;
      connection.close(code, reason);
      return;
    }
    if (this.#connections.size >= this.#settings.maxConnectionsPerRoom) {
      connection.close(CloseCode.TooMany, 'too many connections to this page');
      return;
    }
    this.#connections.add(connection);
    connection.attach(this);
    this.#lifecycle.joined();
    if (this.#lifecycle.state !== 'loading') this.#protocol.greet(connection);
  }

  leave(connection: Connection): void {
    if (!this.#connections.delete(connection)) return;
    this.#admission.forget(connection);
    this.#presence.forget(connection);
    this.#lifecycle.left();
  }

  resync(connection: Connection): void {
    if (this.#lifecycle.state === 'closed') return;
    this.#protocol.askForUpdates(connection);
  }

  receive(connection: Connection, frame: Uint8Array): void {
    this.#protocol.receive(connection, frame);
  }

  /** Keeps the room loaded (e.g. while a server-side read or write is in progress). */
  pin(): void {
    this.#lifecycle.pin();
  }

  unpin(): void {
    this.#lifecycle.unpin();
  }

  /**
   * Validates, stores and applies a server-side update. Resolves once it is durable and applied;
   * rejects with a `ValidationError` for an invalid update. Call only after `ready`.
   */
  applyServerUpdate(update: Uint8Array, origin: unknown): Promise<void> {
    return this.#serverWrite((settle) =>
      this.#admission.accept(update.slice(), null, origin, settle),
    );
  }

  /**
   * Runs a server-side change directly on the scratch copy (the room document plus what waits for
   * the store), in one transaction, and treats what it changed like any update: validated,
   * stored, then applied and relayed. Cheaper than building a private copy and sending its diff
   * through `applyServerUpdate`, and it sees edits not yet stored. A change that throws or is
   * refused (`ValidationError`) leaves nothing behind. Call only after `ready`.
   */
  editServerSide(change: (doc: Y.Doc) => void, origin: unknown): Promise<void> {
    return this.#serverWrite((settle) => this.#admission.edit(change, origin, settle));
  }

  /** Waits for pending writes, then folds the whole log into a snapshot. */
  async flush(): Promise<void> {
    try {
      await this.ready;
    } catch {
      return;
    }
    await this.#pipeline.whenWritesDone();
    await this.#log.compactAll();
  }

  /**
   * Closes every connection with `code`, refuses new ones, waits for pending writes, compacts and
   * unloads. Used for server shutdown and for closing one document (deleted page, maintenance).
   */
  shutdown(code: number, reason: string): Promise<void> {
    return this.#lifecycle.shutdown(code, reason);
  }

  /**
   * A server-side write: `write` queues a change settled once it is stored (or returns false when
   * nothing changed); an invalid one rejects with a `ValidationError`.
   */
  #serverWrite(write: (settle: NonNullable<QueuedUpdate['settle']>) => boolean): Promise<void> {
    if (this.#lifecycle.closing) {
      return Promise.reject(new Error(`The document ${this.docId} is closing.`));
    }
    return new Promise<void>((resolve, reject) => {
      try {
        if (!write({ resolve, reject })) resolve();
      } catch (error) {
        reject(error instanceof CollabProtocolError ? new ValidationError(error.message) : error);
      }
    });
  }

  /**
   * Takes in updates another process stored (or the store itself holds): the room document and
   * the scratch copy get what is new to them, and so do this process's clients, in one turn.
   * Not announced (`onAccepted`, `onChange`): the process that committed them did that.
   */
  #absorb(updates: readonly Uint8Array[]): void {
    if (this.#lifecycle.state === 'closed' || updates.length === 0) return;
    try {
      const changed = this.#document.absorb(updates, this.#document.origin);
      if (!changed) return;
      const message = encodeSyncUpdate(changed);
      for (const connection of this.#connections) connection.send(message);
      this.#scratch.absorb(changed);
      this.#admission.retryWaiting();
    } catch (error) {
      this.#report(error, 'apply');
      this.#lifecycle.fail(error);
    }
  }

  #report(error: unknown, during: CollabErrorContext['during']): void {
    try {
      this.#settings.onError(error, { docId: this.docId, during });
    } catch {
      // An error reporter that throws must not take the room down with it.
    }
  }
}
