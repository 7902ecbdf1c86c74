import type { ChangeNotifier } from './ChangeNotifier';
import { CloseCode } from './CloseCode';
import type { CollabErrorContext, CollabSettings } from './CollabServerOptions';
import type { Connection } from './Connection';
import type { LogCompactor } from './LogCompactor';
import type { QueuedUpdate } from './QueuedUpdate';
import type { RoomDocument } from './RoomDocument';
import { relayBatch } from './relayBatch';
import type { ScratchCopy } from './ScratchCopy';

export interface CommitPipelineOptions {
  readonly docId: string;
  readonly settings: Pick<CollabSettings, 'store' | 'commitWindowMs' | 'onAccepted'>;
  readonly document: RoomDocument;
  readonly scratch: ScratchCopy;
  readonly log: LogCompactor;
  readonly notifier: ChangeNotifier;
  /** The room's clients, to relay to. */
  readonly connections: () => Iterable<Connection>;
  readonly report: (error: unknown, during: CollabErrorContext['during']) => void;
  /**
   * A stored and relayed batch could not be applied to the room document, which can then not be
   * trusted: the room must fail, so that everyone reloads the stored state.
   */
  readonly onApplyFailed: (error: unknown) => void;
  /**
   * The batch (the store's `lastSeq - updates.length + 1..lastSeq`) is stored and applied: for
   * other processes to hear of it. Returns the sequence number up to which the room document
   * holds every update, which a snapshot may fold. Absent: this process is alone, and holds
   * everything up to `lastSeq`.
   */
  readonly committed?: (lastSeq: number, updates: readonly Uint8Array[]) => number;
}

/**
 * What happens to a room's validated changes (see `UpdateAdmission`) until they are durable and
 * seen: queued, appended to the store together with everything else that arrived in the same
 * turn or commit window (group commit, one transaction), and only then relayed to the other
 * clients, applied to the room document and acknowledged (`onAccepted`, a server-side write's
 * promise), all in one turn.
 *
 * Invariant: nothing leaves the room and nothing reaches the room document before the store
 * holds it, so whatever a client or a server-side reader has seen survives a crash. A batch the
 * store refused was seen by nobody: its senders are closed and must resync.
 */
export class CommitPipeline {
  readonly #options: CommitPipelineOptions;
  #queue: QueuedUpdate[] = [];
  #commitScheduled = false;
  #committing = false;
  #closed = false;
  #writesDoneWaiters: (() => void)[] = [];

  constructor(options: CommitPipelineOptions) {
    this.#options = options;
  }

  /** The changes waiting for the next append, in order. */
  get queued(): readonly QueuedUpdate[] {
    return this.#queue;
  }

  /** Whether nothing waits for the store and no append is in flight or scheduled. */
  get writesDone(): boolean {
    return this.#queue.length === 0 && !this.#committing && !this.#commitScheduled;
  }

  /** Queues a validated change for the next commit. */
  enqueue(queued: QueuedUpdate): void {
    this.#queue.push(queued);
    this.#scheduleCommit();
  }

  /** Resolves once writes are done (see {@link writesDone}), or the pipeline closed. */
  whenWritesDone(): Promise<void> {
    if (this.writesDone) return Promise.resolve();
    return new Promise((resolve) => this.#writesDoneWaiters.push(resolve));
  }

  /** The room failed: every queued change is dropped, its writer rejected with `error`. */
  fail(error: unknown): void {
    this.#rejectQueued(error);
    this.#notifyWritesDone();
  }

  /** The room closed: queued changes are refused and whoever waits for writes is released. */
  close(error: Error): void {
    this.#closed = true;
    this.#rejectQueued(error);
    this.#notifyWritesDone();
  }

  #rejectQueued(error: unknown): void {
    const pending = this.#queue;
    this.#queue = [];
    for (const queued of pending) queued.settle?.reject(error);
  }

  #scheduleCommit(): void {
    if (this.#commitScheduled) return;
    this.#commitScheduled = true;
    const { commitWindowMs } = this.#options.settings;
    if (commitWindowMs > 0) {
      setTimeout(this.#runScheduledCommit, commitWindowMs);
    } else {
      setImmediate(this.#runScheduledCommit);
    }
  }

  /** One function for every scheduled commit, rather than a closure per keystroke. */
  readonly #runScheduledCommit = (): void => {
    this.#commitScheduled = false;
    void this.#commit();
  };

  /** Everything queued: one append (group commit), then relay, apply and acknowledge. */
  async #commit(): Promise<void> {
    if (this.#committing) return;
    if (this.#queue.length === 0) {
      this.#notifyWritesDone();
      return;
    }
    const { docId, settings, scratch, log, notifier, report } = this.#options;
    this.#committing = true;
    const batch = this.#queue;
    this.#queue = [];
    let lastSeq: number;
    try {
      lastSeq = await settings.store.append(
        docId,
        batch.map((queued) => queued.update),
      );
    } catch (error) {
      this.#committing = false;
      this.#appendFailed(batch, error);
      return;
    }
    // Stored, so it may go out: relay before updating the room document, in the same turn, so
    // collaborators do not wait for that too.
    relayBatch(batch, this.#options.connections());
    try {
      this.#applyToRoom(batch);
    } catch (error) {
      // Cannot happen when the scratch copy mirrors the room document. If it does, the batch is
      // stored (and relayed) but the room document cannot be trusted: stop serving it from
      // memory, so everyone reloads the stored state.
      this.#committing = false;
      report(error, 'apply');
      this.#options.committed?.(
        lastSeq,
        batch.map((queued) => queued.update),
      );
      for (const queued of batch) {
        this.#announceAccepted(queued);
        queued.settle?.resolve();
      }
      notifier.schedule(docId);
      this.#options.onApplyFailed(error);
      return;
    }
    const updates = batch.map((queued) => queued.update);
    log.applied(this.#options.committed?.(lastSeq, updates) ?? lastSeq, updates);
    scratch.wrote();
    for (const queued of batch) {
      this.#announceAccepted(queued);
      queued.settle?.resolve();
    }
    this.#committing = false;
    notifier.schedule(docId);
    log.compactIfDue();
    if (this.#queue.length > 0) this.#scheduleCommit();
    else this.#notifyWritesDone();
  }

  /**
   * The whole batch in one transaction (nothing observes the room document per origin;
   * `onAccepted` reports each update's origin separately).
   */
  #applyToRoom(batch: readonly QueuedUpdate[]): void {
    const [first] = batch;
    if (!first) return;
    const { document } = this.#options;
    const origin = batch.every((queued) => queued.origin === first.origin)
      ? first.origin
      : document.origin;
    document.apply(
      batch.map((queued) => queued.update),
      origin,
    );
  }

  #announceAccepted(queued: QueuedUpdate): void {
    const listener = this.#options.settings.onAccepted;
    if (!listener) return;
    try {
      listener({
        docId: this.#options.docId,
        context: queued.from ? queued.from.context : null,
        origin: queued.origin,
        clientIds: queued.clientIds,
      });
    } catch (error) {
      this.#options.report(error, 'accepted');
    }
  }

  /** Nothing in the failed batch (or queued after it) became durable: its senders must resync. */
  #appendFailed(batch: QueuedUpdate[], error: unknown): void {
    this.#options.report(error, 'append');
    const failed = [...batch, ...this.#queue];
    this.#queue = [];
    this.#options.scratch.drop();
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

  #notifyWritesDone(): void {
    if (!this.writesDone && !this.#closed) return;
    const waiters = this.#writesDoneWaiters;
    this.#writesDoneWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
