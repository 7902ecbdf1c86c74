import { ValidationError } from '@lore/core';
import * as Y from 'yjs';
import { applyStoredDocument } from './applyStoredDocument';
import type { ChangeNotifier } from './ChangeNotifier';
import { ClientIdOwners } from './ClientIdOwners';
import { CloseCode } from './CloseCode';
import { CollabProtocolError } from './CollabProtocolError';
import type { CollabErrorContext, CollabSettings } from './CollabServerOptions';
import type { Connection, ConnectionHost } from './Connection';
import { EncodedDocument } from './EncodedDocument';
import { isKnownUpdate } from './isKnownUpdate';
import { PresenceRelay } from './PresenceRelay';
import { decodeClientMessage } from './protocol/decodeClientMessage';
import { encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './protocol/serverMessages';
import { ScratchCopy } from './ScratchCopy';
import { takePending, WaitingUpdates } from './WaitingUpdates';

/**
 * `loading` → `live` ⇄ `unloading` → `closed`. A room stays valid in memory until the synchronous
 * step that marks it `closed` and removes it from the server, so a client that joins or sends
 * while it is unloading simply revives it; after `closed` the next join loads a fresh room from a
 * store that already holds every accepted update.
 */
export type RoomState = 'loading' | 'live' | 'unloading' | 'closed';

interface QueuedUpdate {
  /** The update as the scratch document emitted it: only what was new, never a no-op. */
  readonly update: Uint8Array;
  /** The connection it came from (not echoed back to it), or null for a server-side change. */
  readonly from: Connection | null;
  /** Transaction origin when it is applied to the room document. */
  readonly origin: unknown;
  /** Yjs clients whose new structs the update carries, for `onAccepted`. */
  readonly clientIds: readonly number[];
  readonly settle?: { resolve(): void; reject(error: unknown): void };
}

export interface RoomEnvironment {
  readonly settings: CollabSettings;
  readonly notifier: ChangeNotifier;
  /** Called synchronously when the room is closed, so the server forgets it in the same tick. */
  readonly onClosed: (room: Room) => void;
}

/** Most updates merged into one relayed message (see `Room.#relay`). */
const relayMergeLimit = 32;

/**
 * Longest stored log tail merged into the encoded document at load. A longer one (left by a
 * crash) costs more to merge than the document costs to decode, so the room decodes it at once.
 */
const tailMergeLimit = 32;

/**
 * Smallest decoded document whose whole encoding is kept for the next client that has nothing
 * (`Room.#wholeState`): below this, encoding it again costs less than a millisecond.
 */
const wholeStateCacheBytes = 64 * 1024;

const invalidUpdate = (reason: string) => new CollabProtocolError(CloseCode.InvalidUpdate, reason);

/**
 * One loaded document and its clients. The document stays encoded, as stored (`#encoded`), while
 * clients only read it; the first write or server-side read decodes it. Every update passes
 * three steps, in order:
 * 1. validated on a scratch copy (`#scratch` = room document + updates waiting for the store;
 *    built at the first write, so a page that is only read is never copied);
 * 2. appended to the store together with everything else that arrived in the same turn;
 * 3. only then relayed to the other clients and applied to the room document, in one turn.
 * So the room document — what clients and server-side readers see — only ever holds durable state.
 */
export class Room implements ConnectionHost {
  readonly docId: string;
  /** Resolves when the room is live; rejects when loading failed (the room is then closed). */
  readonly ready: Promise<void>;

  readonly #env: RoomEnvironment;
  readonly #settings: CollabSettings;
  #state: RoomState = 'loading';
  readonly #doc: Y.Doc;
  /** The whole state, not yet decoded into `#doc` (which is then empty); null once decoded. */
  #encoded: EncodedDocument | null = null;
  /** `Y.encodeStateAsUpdate` of the decoded document, while it has not changed since; or null. */
  #wholeState: Uint8Array | null = null;
  readonly #scratch: ScratchCopy;
  readonly #connections = new Set<Connection>();
  readonly #presence: PresenceRelay;
  /** Client updates that depend on structs not seen yet, apart from the scratch copy. */
  readonly #waiting = new WaitingUpdates<Connection>();
  /** Who wrote first with each Yjs client id (see `#claimClients`). */
  readonly #clientOwners = new ClientIdOwners();
  #retryingWaiting = false;
  #queue: QueuedUpdate[] = [];
  #commitScheduled = false;
  #committing = false;
  #writesDoneWaiters: (() => void)[] = [];
  #lastAppliedSeq = 0;
  #logUpdates = 0;
  #logBytes = 0;
  #compaction: Promise<void> | null = null;
  #pins = 0;
  #idleTimer: NodeJS.Timeout | null = null;
  #unloading: Promise<void> | null = null;
  #shutdown: { code: number; reason: string } | null = null;

  constructor(docId: string, env: RoomEnvironment) {
    this.docId = docId;
    this.#env = env;
    this.#settings = env.settings;
    // A guid spares Yjs a random one (about 90 µs of crypto per document).
    this.#doc = new Y.Doc({ gc: this.#settings.gc, guid: docId });
    this.#scratch = new ScratchCopy({
      docId,
      gc: this.#settings.gc,
      idleMs: this.#settings.scratchIdleMs,
      // The whole state first (from the encoded bytes while there are any), then decoded.
      source: () => {
        const state = this.#wholeUpdate();
        this.#decode();
        return [state, ...this.#queue.map((queued) => queued.update)];
      },
      canRelease: () => this.#state !== 'closed' && this.#writesDone(),
    });
    this.#presence = new PresenceRelay(
      this.#doc,
      () => this.#connections,
      (error) => this.#report(error, 'send'),
    );
    this.ready = this.#load();
    // Callers that need the outcome await `ready`; this keeps an unobserved failure quiet.
    this.ready.catch(() => {});
  }

  /** The room's presence states (y-protocols awareness). */
  get awareness(): PresenceRelay['awareness'] {
    return this.#presence.awareness;
  }

  get state(): RoomState {
    return this.#state;
  }

  /**
   * The document, decoded on first use. Durable state only; read it, never change it directly
   * (use the server's update methods).
   */
  get doc(): Y.Doc {
    this.#decode();
    return this.#doc;
  }

  /**
   * Decoded copies of the document held: 0 while loading or encoded (the store then holds
   * exactly its state), 2 while a scratch copy is kept.
   */
  get decodedCopies(): number {
    if (this.#state === 'loading' || this.#encoded) return 0;
    return this.#scratch.held ? 2 : 1;
  }

  connections(): readonly Connection[] {
    return [...this.#connections];
  }

  /** Adds a client. While loading, its frames wait; once live it gets sync step 1 and presence. */
  join(connection: Connection): void {
    if (connection.closed) return;
    if (this.#state === 'closed' || this.#shutdown) {
      connection.close(
        this.#shutdown?.code ?? CloseCode.GoingAway,
        this.#shutdown?.reason ?? 'document closed',
      );
      return;
    }
    if (this.#connections.size >= this.#settings.maxConnectionsPerRoom) {
      connection.close(CloseCode.TooMany, 'too many connections to this page');
      return;
    }
    this.#connections.add(connection);
    connection.attach(this);
    this.#clearIdleTimer();
    if (this.#state !== 'loading') this.#start(connection);
  }

  leave(connection: Connection): void {
    if (!this.#connections.delete(connection)) return;
    this.#waiting.delete(connection);
    this.#presence.forget(connection);
    this.#updateIdle();
  }

  resync(connection: Connection): void {
    if (this.#state === 'closed') return;
    connection.send(encodeSyncStep1(this.#stateVector()));
  }

  receive(connection: Connection, frame: Uint8Array): void {
    const message = decodeClientMessage(frame);
    switch (message.kind) {
      case 'sync-step1': {
        let update: Uint8Array;
        try {
          update = this.#missingFrom(message.stateVector);
        } catch {
          throw new CollabProtocolError(CloseCode.BadMessage, 'malformed state vector');
        }
        connection.send(encodeSyncStep2(update));
        return;
      }
      case 'sync-step2':
      case 'update':
        if (!connection.canWrite) return;
        this.#accept(message.update, connection, connection);
        return;
      case 'awareness':
        this.#presence.receive(connection, message.update);
        return;
      case 'query-awareness':
        this.#presence.sendAll(connection);
        return;
    }
  }

  /** What a client with `stateVector` lacks; throws on a malformed state vector. */
  #missingFrom(stateVector: Uint8Array): Uint8Array {
    if (this.#encoded) return this.#encoded.missingFrom(stateVector);
    if (Y.decodeStateVector(stateVector).size > 0) {
      return Y.encodeStateAsUpdate(this.#doc, stateVector);
    }
    // A new client: the whole document, which several clients opening a large page at once
    // (or one after the other, while nobody types) can share.
    if (this.#wholeState) return this.#wholeState;
    const whole = Y.encodeStateAsUpdate(this.#doc);
    if (whole.byteLength >= wholeStateCacheBytes) this.#wholeState = whole;
    return whole;
  }

  /** The whole document as one update, without encoding it again when the bytes are at hand. */
  #wholeUpdate(): Uint8Array {
    return this.#encoded?.update ?? this.#wholeState ?? Y.encodeStateAsUpdate(this.#doc);
  }

  #stateVector(): Uint8Array {
    return this.#encoded ? this.#encoded.stateVector : Y.encodeStateVector(this.#doc);
  }

  /**
   * Decodes the encoded document into the room document, once. Stored bytes that parse but do
   * not apply leave the room document unusable: the room fails and the error is thrown.
   */
  #decode(): void {
    const encoded = this.#encoded;
    if (!encoded) return;
    this.#encoded = null;
    try {
      this.#doc.transact(() => Y.applyUpdate(this.#doc, encoded.update), this);
    } catch (error) {
      this.#report(error, 'load');
      this.#fail([...this.#queue], error);
      throw error;
    }
  }

  /** Keeps the room loaded (e.g. while a server-side read or write is in progress). */
  pin(): void {
    this.#pins += 1;
    this.#clearIdleTimer();
  }

  unpin(): void {
    this.#pins -= 1;
    this.#updateIdle();
  }

  /**
   * Validates, stores and applies a server-side update. Resolves once it is durable and applied;
   * rejects with a `ValidationError` for an invalid update. Call only after `ready`.
   */
  applyServerUpdate(update: Uint8Array, origin: unknown): Promise<void> {
    return this.#serverWrite((settle) => this.#accept(update.slice(), null, origin, settle));
  }

  /**
   * Runs a server-side change directly on the scratch copy (the room document plus what waits for
   * the store), in one transaction, and treats what it changed like any update: validated,
   * stored, then applied and relayed. Cheaper than building a private copy and sending its diff
   * through `applyServerUpdate`, and it sees edits not yet stored. A change that throws or is
   * refused (`ValidationError`) leaves nothing behind. Call only after `ready`.
   */
  editServerSide(change: (doc: Y.Doc) => void, origin: unknown): Promise<void> {
    return this.#serverWrite((settle) =>
      this.#change(
        (scratch) => {
          // Each server-side edit writes as a Yjs client of its own, as it did from a copy:
          // revisions credit a client id to the first person who used it.
          scratch.clientID = unusedClientId(scratch);
          scratch.transact(() => change(scratch), origin);
        },
        null,
        origin,
        settle,
      ),
    );
  }

  /**
   * A server-side write: `write` queues a change settled once it is stored (or returns false when
   * nothing changed); an invalid one rejects with a `ValidationError`.
   */
  #serverWrite(write: (settle: NonNullable<QueuedUpdate['settle']>) => boolean): Promise<void> {
    if (this.#shutdown || this.#state === 'closed') {
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

  /** Waits for pending writes, then folds the whole log into a snapshot. */
  async flush(): Promise<void> {
    try {
      await this.ready;
    } catch {
      return;
    }
    await this.#whenWritesDone();
    await this.#compactAll();
  }

  /**
   * Closes every connection with `code`, refuses new ones, waits for pending writes, compacts and
   * unloads. Used for server shutdown and for closing one document (deleted page, maintenance).
   */
  async shutdown(code: number, reason: string): Promise<void> {
    if (this.#state === 'closed') return;
    this.#shutdown ??= { code, reason };
    this.#clearIdleTimer();
    for (const connection of [...this.#connections]) connection.close(code, reason);
    try {
      await this.ready;
    } catch {
      return;
    }
    if (this.#unloading) await this.#unloading;
    // Read through the getter: the awaits above may have closed the room.
    if (this.state === 'closed') return;
    // Derived data (titles, search) must see the last changes while the document is still here.
    await this.#env.notifier.flush(this.docId);
    if ((this.state as RoomState) === 'closed') return;
    this.#state = 'unloading';
    try {
      await this.#whenWritesDone();
      await this.#compactAll();
    } catch (error) {
      this.#report(error, 'compact');
    }
    this.#close();
  }

  async #load(): Promise<void> {
    try {
      const stored = await this.#settings.store.load(this.docId);
      if (stored.updates.length <= tailMergeLimit) {
        this.#encoded = EncodedDocument.fromStored(stored);
      } else {
        applyStoredDocument(this.#doc, stored, this);
      }
      this.#lastAppliedSeq = stored.lastSeq;
      this.#logUpdates = stored.updates.length;
      this.#logBytes = stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
    } catch (error) {
      this.#report(error, 'load');
      for (const connection of [...this.#connections]) {
        connection.close(CloseCode.InternalError, 'could not load the document');
      }
      this.#close();
      throw error;
    }
    if (this.#state !== 'loading') return;
    this.#state = 'live';
    for (const connection of [...this.#connections]) this.#start(connection);
    this.#updateIdle();
  }

  #start(connection: Connection): void {
    // Frames that waited for the room go first: a client opening the page has usually sent its
    // sync step 1, answered straight from the stored bytes, while the state vector of the
    // server's own step 1 takes a pass over the whole encoded document.
    connection.start();
    if (connection.closed) return;
    connection.send(encodeSyncStep1(this.#stateVector()));
    if (!this.#presence.empty) this.#presence.sendAll(connection);
  }

  /**
   * Step 1 for a client's (or server's) update: decoded, then made on the scratch copy by
   * `#change`. Returns false for an update that changes nothing (already known, or waiting for
   * missing dependencies).
   */
  #accept(
    update: Uint8Array,
    from: Connection | null,
    origin: unknown,
    settle?: QueuedUpdate['settle'],
  ): boolean {
    // With a scratch copy at hand (someone is typing), applying the update to it decides: what it
    // already holds emits nothing, and garbage throws, after which the copy is rebuilt.
    // Otherwise the update is decoded first, so that one the room already holds (typically a
    // client's answer to sync step 1) is dropped without building the copy, and without decoding
    // the document when the encoded one tells.
    if (!this.#scratch.held) {
      let decoded: ReturnType<typeof Y.decodeUpdate>;
      try {
        decoded = Y.decodeUpdate(update);
      } catch {
        throw invalidUpdate('the Yjs update cannot be decoded');
      }
      if (this.#encoded?.covers(decoded) || isKnownUpdate(this.doc, decoded)) return false;
    }
    return this.#change(
      (scratch) => {
        try {
          Y.applyUpdate(scratch, update);
        } catch {
          throw invalidUpdate('the Yjs update cannot be applied');
        }
      },
      from,
      origin,
      settle,
    );
  }

  /**
   * Makes a change on the scratch copy, validates what it emitted and queues it. A change that
   * throws or is refused leaves the copy to be rebuilt from durable state. Returns false when
   * nothing changed.
   */
  #change(
    apply: (scratch: Y.Doc) => void,
    from: Connection | null,
    origin: unknown,
    settle?: QueuedUpdate['settle'],
  ): boolean {
    const emitted = this.#scratch.change((scratch) => {
      apply(scratch);
      this.#setAsideWaiting(scratch, from);
    });
    if (emitted === null) return false;
    const { transaction } = emitted;
    const validate = this.#settings.validateUpdate;
    if (validate) {
      let verdict: boolean | string = false;
      try {
        verdict = validate({ docId: this.docId, doc: this.#scratch.doc(), transaction });
      } catch (error) {
        this.#report(error, 'message');
      }
      if (verdict !== true) {
        this.#scratch.drop();
        throw invalidUpdate(
          typeof verdict === 'string' ? `refused: ${verdict}` : 'the change was refused',
        );
      }
    }
    const clientIds = insertingClients(transaction);
    if (from !== null && !this.#claimClients(from, clientIds)) {
      this.#scratch.drop();
      throw invalidUpdate('refused: it writes as a Yjs client that belongs to someone else');
    }
    this.#queue.push({ update: emitted.update, from, origin, settle, clientIds });
    this.#scheduleCommit();
    this.#retryWaiting();
    return true;
  }

  /**
   * With `writerOf`, a Yjs client id belongs to the writer (of the connection's context) that
   * first wrote with it in this room: nobody can add structs under someone else's id, which would make the
   * owner's next updates look already known (and be dropped) or credit them with another's
   * writing. Returns false when one of `clientIds` is another writer's; claims the others.
   */
  #claimClients(from: Connection, clientIds: readonly number[]): boolean {
    const writerOf = this.#settings.writerOf;
    return writerOf ? this.#clientOwners.claim(writerOf(from.context), clientIds) : true;
  }

  /**
   * Takes what the update just applied could not integrate (it depends on structs the server has
   * not seen) out of the scratch copy and keeps it with its sender, within `maxWaitingBytes`.
   * Server-side changes are whole, so one that waits is refused.
   */
  #setAsideWaiting(scratch: Y.Doc, from: Connection | null): void {
    const pending = takePending(scratch);
    if (pending === null) return;
    if (from === null) throw invalidUpdate('the change depends on updates the server lacks');
    if (this.#waiting.add(from, pending) > this.#settings.maxWaitingBytes) {
      this.#waiting.delete(from);
      throw invalidUpdate('too many changes wait for updates the server has not seen');
    }
  }

  /**
   * After an accepted change, gives what waited for it its own turn: each waiting update is
   * applied alone, as its sender's change, validated and queued behind the change it needed. One
   * that is refused then closes its sender, never the client whose update filled the gap.
   */
  #retryWaiting(): void {
    if (this.#retryingWaiting || this.#waiting.size === 0 || !this.#scratch.held) return;
    this.#retryingWaiting = true;
    try {
      let ready = this.#waiting.takeReady(this.#scratch.doc());
      while (ready.length > 0) {
        for (const [connection, update] of ready) {
          try {
            this.#change((scratch) => Y.applyUpdateV2(scratch, update), connection, connection);
          } catch (error) {
            const code =
              error instanceof CollabProtocolError ? error.code : CloseCode.InvalidUpdate;
            const reason = error instanceof Error ? error.message : 'the change was refused';
            connection.close(code, reason);
          }
        }
        ready = this.#scratch.held ? this.#waiting.takeReady(this.#scratch.doc()) : [];
      }
    } finally {
      this.#retryingWaiting = false;
    }
  }

  #scheduleCommit(): void {
    if (this.#commitScheduled) return;
    this.#commitScheduled = true;
    if (this.#settings.commitWindowMs > 0) {
      setTimeout(this.#runScheduledCommit, this.#settings.commitWindowMs);
    } else {
      setImmediate(this.#runScheduledCommit);
    }
  }

  /** One function for every scheduled commit, rather than a closure per keystroke. */
  readonly #runScheduledCommit = (): void => {
    this.#commitScheduled = false;
    void this.#commit();
  };

  /** Steps 2 and 3 for everything queued: one append (group commit), then relay and apply. */
  async #commit(): Promise<void> {
    if (this.#committing) return;
    if (this.#queue.length === 0) {
      this.#notifyWritesDone();
      return;
    }
    this.#committing = true;
    const batch = this.#queue;
    this.#queue = [];
    let lastSeq: number;
    try {
      lastSeq = await this.#settings.store.append(
        this.docId,
        batch.map((queued) => queued.update),
      );
    } catch (error) {
      this.#committing = false;
      this.#appendFailed(batch, error);
      return;
    }
    // Stored, so it may go out: relay before updating the room document, in the same turn, so
    // collaborators do not wait for that too.
    this.#relay(batch);
    try {
      this.#applyToRoom(batch);
    } catch (error) {
      // Cannot happen when the scratch copy mirrors the room document. If it does, the batch is
      // stored (and relayed) but the room document cannot be trusted: stop serving it from
      // memory, so everyone reloads the stored state.
      this.#committing = false;
      this.#report(error, 'apply');
      for (const queued of batch) {
        this.#announceAccepted(queued);
        queued.settle?.resolve();
      }
      this.#env.notifier.schedule(this.docId);
      this.#fail([...this.#queue], error);
      return;
    }
    this.#lastAppliedSeq = lastSeq;
    this.#scratch.wrote();
    for (const queued of batch) {
      this.#logUpdates += 1;
      this.#logBytes += queued.update.byteLength;
      this.#announceAccepted(queued);
      queued.settle?.resolve();
    }
    this.#committing = false;
    this.#env.notifier.schedule(this.docId);
    if (
      this.#logUpdates >= this.#settings.compactAfterUpdates ||
      this.#logBytes >= this.#settings.compactAfterBytes
    ) {
      this.#compact().catch((error) => this.#report(error, 'compact'));
    }
    if (this.#queue.length > 0) this.#scheduleCommit();
    else this.#notifyWritesDone();
  }

  /**
   * Sends a committed batch to the clients. Updates go out merged, up to {@link relayMergeLimit}
   * per message and the same message for everyone, so under load (when group commit makes
   * batches larger) the relay costs one send per client per few dozen keystrokes rather than one
   * per keystroke. The limit keeps merging cheap: merging n updates costs more than n times one.
   * A client whose own updates are part of a message skips them as already known, as with
   * servers that echo every update; a client that sent a whole message's updates gets nothing.
   */
  #relay(batch: readonly QueuedUpdate[]): void {
    for (let start = 0; start < batch.length; start += relayMergeLimit) {
      const run = batch.slice(start, start + relayMergeLimit);
      const [first] = run;
      if (!first) return;
      const from = run.every((queued) => queued.from === first.from) ? first.from : null;
      let message: Uint8Array | null = null;
      for (const connection of this.#connections) {
        if (from !== null && connection === from) continue;
        message ??= encodeSyncUpdate(
          run.length === 1 ? first.update : Y.mergeUpdates(run.map((queued) => queued.update)),
        );
        connection.send(message);
      }
    }
  }

  #announceAccepted(queued: QueuedUpdate): void {
    const listener = this.#settings.onAccepted;
    if (!listener) return;
    try {
      listener({
        docId: this.docId,
        context: queued.from ? queued.from.context : null,
        origin: queued.origin,
        clientIds: queued.clientIds,
      });
    } catch (error) {
      this.#report(error, 'accepted');
    }
  }

  /**
   * The whole batch in one transaction: one state-vector computation, one cleanup and one event
   * instead of one per keystroke (nothing observes the room document per origin; `onAccepted`
   * reports each update's origin separately).
   */
  #applyToRoom(batch: readonly QueuedUpdate[]): void {
    const [first] = batch;
    if (!first) return;
    const origin = batch.every((queued) => queued.origin === first.origin) ? first.origin : this;
    this.#wholeState = null;
    this.doc.transact(() => {
      for (const queued of batch) Y.applyUpdate(this.doc, queued.update, origin);
    }, origin);
  }

  /** Nothing in the failed batch (or queued after it) became durable: its senders must resync. */
  #appendFailed(batch: QueuedUpdate[], error: unknown): void {
    this.#report(error, 'append');
    const failed = [...batch, ...this.#queue];
    this.#queue = [];
    this.#scratch.drop();
    const senders = new Set<Connection>();
    for (const queued of failed) {
      if (queued.from) senders.add(queued.from);
      queued.settle?.reject(error);
    }
    for (const connection of senders) {
      connection.close(CloseCode.InternalError, 'could not store the change');
    }
    this.#notifyWritesDone();
  }

  #fail(pending: QueuedUpdate[], error: unknown): void {
    this.#queue = [];
    for (const queued of pending) queued.settle?.reject(error);
    this.#shutdown ??= { code: CloseCode.InternalError, reason: 'document failed' };
    for (const connection of [...this.#connections]) {
      connection.close(CloseCode.InternalError, 'document failed');
    }
    this.#notifyWritesDone();
    this.#close();
  }

  #writesDone(): boolean {
    return this.#queue.length === 0 && !this.#committing && !this.#commitScheduled;
  }

  #whenWritesDone(): Promise<void> {
    if (this.#writesDone()) return Promise.resolve();
    return new Promise((resolve) => this.#writesDoneWaiters.push(resolve));
  }

  #notifyWritesDone(): void {
    if (!this.#writesDone() && this.#state !== 'closed') return;
    const waiters = this.#writesDoneWaiters;
    this.#writesDoneWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /**
   * Folds everything applied so far into a snapshot. Updates appended meanwhile have a higher
   * sequence number than `upToSeq`, so the store keeps them.
   */
  #compact(): Promise<void> {
    if (this.#compaction) return this.#compaction;
    if (this.#logUpdates === 0) return Promise.resolve();
    const upToSeq = this.#lastAppliedSeq;
    const folded = this.#logUpdates;
    const foldedBytes = this.#logBytes;
    // A document never decoded folds into its merged bytes: no reason to decode it just for this.
    const snapshot = this.#wholeUpdate();
    // Stored with it, so the next load need not parse the snapshot to send a state vector.
    const stateVector = this.#stateVector();
    this.#compaction = (async () => {
      try {
        await this.#settings.store.compact(this.docId, snapshot, upToSeq, stateVector);
        this.#logUpdates -= folded;
        this.#logBytes -= foldedBytes;
      } finally {
        this.#compaction = null;
      }
    })();
    return this.#compaction;
  }

  async #compactAll(): Promise<void> {
    if (this.#compaction) await this.#compaction.catch(() => {});
    await this.#compact();
  }

  #isIdle(): boolean {
    return this.#connections.size === 0 && this.#pins === 0;
  }

  #updateIdle(): void {
    if (this.#state !== 'live' || this.#shutdown) return;
    if (!this.#isIdle()) {
      this.#clearIdleTimer();
      return;
    }
    if (this.#idleTimer) return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null;
      void this.#unload();
    }, this.#settings.gracePeriodMs);
    this.#idleTimer.unref();
  }

  #clearIdleTimer(): void {
    if (!this.#idleTimer) return;
    clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }

  async #unload(): Promise<void> {
    if (this.#state !== 'live' || !this.#isIdle() || this.#shutdown) return;
    this.#state = 'unloading';
    this.#unloading = (async () => {
      try {
        await this.#env.notifier.flush(this.docId);
        await this.#whenWritesDone();
        await this.#compactAll();
      } catch (error) {
        this.#report(error, 'compact');
      }
      if (this.#state !== 'unloading' || this.#shutdown) return;
      // The log holds every accepted update, so unloading is safe even if compaction failed or
      // updates arrived during it; it only has to wait until nothing is in flight.
      if (this.#isIdle() && this.#writesDone() && !this.#compaction) {
        this.#close();
      } else {
        this.#state = 'live';
        this.#updateIdle();
      }
    })();
    try {
      await this.#unloading;
    } finally {
      this.#unloading = null;
    }
  }

  #close(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#clearIdleTimer();
    for (const queued of this.#queue) {
      queued.settle?.reject(new Error(`The document ${this.docId} was closed.`));
    }
    this.#queue = [];
    this.#notifyWritesDone();
    this.#env.onClosed(this);
    void this.#env.notifier.flush(this.docId);
    this.#presence.close();
    this.#doc.destroy();
    this.#encoded = null;
    this.#wholeState = null;
    this.#scratch.close();
  }

  #report(error: unknown, during: CollabErrorContext['during']): void {
    try {
      this.#settings.onError(error, { docId: this.docId, during });
    } catch {
      // An error reporter that throws must not take the room down with it.
    }
  }
}

/** A random Yjs client id that `doc` has not seen (ids are unsigned 32-bit integers). */
function unusedClientId(doc: Y.Doc): number {
  const id = new Uint32Array(1);
  do crypto.getRandomValues(id);
  while (doc.store.clients.has(id[0] as number));
  return id[0] as number;
}

/** Clients whose clock the transaction advanced, i.e. that inserted content. */
function insertingClients(transaction: Y.Transaction | null): number[] {
  if (!transaction) return [];
  const clients: number[] = [];
  for (const [client, clock] of transaction.afterState) {
    if (clock > (transaction.beforeState.get(client) ?? 0)) clients.push(client);
  }
  return clients;
}
