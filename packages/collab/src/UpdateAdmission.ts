import * as Y from 'yjs';
import { ClientIdOwners } from './ClientIdOwners';
import { CloseCode } from './CloseCode';
import { CollabProtocolError } from './CollabProtocolError';
import type { CollabErrorContext, CollabSettings } from './CollabServerOptions';
import type { CommitPipeline } from './CommitPipeline';
import type { Connection } from './Connection';
import type { QueuedUpdate } from './QueuedUpdate';
import type { RoomDocument } from './RoomDocument';
import type { ScratchCopy } from './ScratchCopy';
import { takePending, WaitingUpdates } from './WaitingUpdates';

export interface UpdateAdmissionOptions {
  readonly docId: string;
  readonly settings: Pick<CollabSettings, 'validateUpdate' | 'writerOf' | 'maxWaitingBytes'>;
  readonly document: RoomDocument;
  readonly scratch: ScratchCopy;
  /** Where admitted changes go, to be stored before anyone sees them. */
  readonly pipeline: CommitPipeline;
  readonly report: (error: unknown, during: CollabErrorContext['during']) => void;
}

type Settle = QueuedUpdate['settle'];

const invalidUpdate = (reason: string) => new CollabProtocolError(CloseCode.InvalidUpdate, reason);

/**
 * The first step every change to a room takes, a client's update or a server-side edit: made on
 * the scratch copy (the room document plus the changes waiting for the store), judged there by
 * `validateUpdate` and the client-id ownership rule, and only then handed to the
 * `CommitPipeline`. A change that throws or is refused leaves nothing behind: the scratch copy is
 * dropped and rebuilt from durable state by the next write. What a client's update cannot
 * integrate yet (it depends on structs the server has not seen) is set aside with its sender
 * and gets a turn of its own once what it waits for arrives.
 */
export class UpdateAdmission {
  readonly #options: UpdateAdmissionOptions;
  /** Client updates that depend on structs not seen yet, apart from the scratch copy. */
  readonly #waiting = new WaitingUpdates<Connection>();
  /** Who wrote first with each Yjs client id (see `#claimClients`). */
  readonly #clientOwners = new ClientIdOwners();
  #retryingWaiting = false;

  constructor(options: UpdateAdmissionOptions) {
    this.#options = options;
  }

  /**
   * Admits a client's (or the server's) update: decoded, then made on the scratch copy. Returns
   * false for an update that changes nothing (already known, or waiting for missing
   * dependencies); throws `CollabProtocolError` for one that is invalid or refused.
   */
  accept(update: Uint8Array, from: Connection | null, origin: unknown, settle?: Settle): boolean {
    // With a scratch copy at hand (someone is typing), applying the update to it decides: what it
    // already holds emits nothing, and garbage throws, after which the copy is rebuilt.
    // Otherwise the update is decoded first, so that one the room already holds (typically a
    // client's answer to sync step 1) is dropped without building the copy, and without decoding
    // the document when the encoded one tells.
    if (!this.#options.scratch.held) {
      let decoded: ReturnType<typeof Y.decodeUpdate>;
      try {
        decoded = Y.decodeUpdate(update);
      } catch {
        throw invalidUpdate('the Yjs update cannot be decoded');
      }
      if (this.#options.document.holds(decoded)) return false;
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
   * Admits a server-side change run directly on the scratch copy, in one transaction. Returns
   * false when it changed nothing.
   */
  edit(change: (doc: Y.Doc) => void, origin: unknown, settle?: Settle): boolean {
    return this.#change(
      (scratch) => {
        // Each server-side edit writes as a Yjs client of its own, as it did from a copy:
        // revisions credit a client id to the first person who used it.
        scratch.clientID = unusedClientId(scratch);
        scratch.transact(() => change(scratch), origin);
      },
      null,
      origin,
      settle,
    );
  }

  /** The connection left: what it had waiting goes with it. */
  forget(connection: Connection): void {
    this.#waiting.delete(connection);
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
    settle?: Settle,
  ): boolean {
    const { docId, settings, scratch: scratchCopy } = this.#options;
    const emitted = scratchCopy.change((scratch) => {
      apply(scratch);
      this.#setAsideWaiting(scratch, from);
    });
    if (emitted === null) return false;
    const { transaction } = emitted;
    const validate = settings.validateUpdate;
    if (validate) {
      let verdict: boolean | string = false;
      try {
        verdict = validate({ docId, doc: scratchCopy.doc(), transaction });
      } catch (error) {
        this.#options.report(error, 'message');
      }
      if (verdict !== true) {
        scratchCopy.drop();
        throw invalidUpdate(
          typeof verdict === 'string' ? `refused: ${verdict}` : 'the change was refused',
        );
      }
    }
    const clientIds = insertingClients(transaction);
    if (from !== null && !this.#claimClients(from, clientIds)) {
      scratchCopy.drop();
      throw invalidUpdate('refused: it writes as a Yjs client that belongs to someone else');
    }
    this.#options.pipeline.enqueue({ update: emitted.update, from, origin, settle, clientIds });
    this.retryWaiting();
    return true;
  }

  /**
   * With `writerOf`, a Yjs client id belongs to the writer (of the connection's context) that
   * first wrote with it in this room: nobody can add structs under someone else's id, which would
   * make the owner's next updates look already known (and be dropped) or credit them with
   * another's writing. Returns false when one of `clientIds` is another writer's; claims the
   * others.
   */
  #claimClients(from: Connection, clientIds: readonly number[]): boolean {
    const writerOf = this.#options.settings.writerOf;
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
    if (this.#waiting.add(from, pending) > this.#options.settings.maxWaitingBytes) {
      this.#waiting.delete(from);
      throw invalidUpdate('too many changes wait for updates the server has not seen');
    }
  }

  /**
   * After an accepted change, gives what waited for it its own turn: each waiting update is
   * applied alone, as its sender's change, validated and queued behind the change it needed. One
   * that is refused then closes its sender, never the client whose update filled the gap. Also
   * called when another process's change arrived, which may be what they waited for.
   */
  retryWaiting(): void {
    const { scratch } = this.#options;
    if (this.#retryingWaiting || this.#waiting.size === 0 || !scratch.held) return;
    this.#retryingWaiting = true;
    try {
      let ready = this.#waiting.takeReady(scratch.doc());
      while (ready.length > 0) {
        for (const [connection, update] of ready) {
          try {
            this.#change((doc) => Y.applyUpdateV2(doc, update), connection, connection);
          } catch (error) {
            const code =
              error instanceof CollabProtocolError ? error.code : CloseCode.InvalidUpdate;
            const reason = error instanceof Error ? error.message : 'the change was refused';
            connection.close(code, reason);
          }
        }
        ready = scratch.held ? this.#waiting.takeReady(scratch.doc()) : [];
      }
    } finally {
      this.#retryingWaiting = false;
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
