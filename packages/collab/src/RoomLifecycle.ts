import type { StoredDocument } from '@lore/core';
import type { ChangeNotifier } from './ChangeNotifier';
import { CloseCode } from './CloseCode';
import type { CollabErrorContext } from './CollabServerOptions';
import type { CommitPipeline } from './CommitPipeline';
import type { Connection } from './Connection';
import type { LogCompactor } from './LogCompactor';

/**
 * `loading` → `live` ⇄ `unloading` → `closed`. A room stays valid in memory until the synchronous
 * step that marks it `closed` and removes it from the server, so a client that joins or sends
 * while it is unloading simply revives it; after `closed` the next join loads a fresh room from a
 * store that already holds every accepted update.
 */
export type RoomState = 'loading' | 'live' | 'unloading' | 'closed';

export interface RoomLifecycleOptions {
  readonly docId: string;
  /** How long the room stays loaded once nobody uses it. */
  readonly gracePeriodMs: number;
  readonly notifier: ChangeNotifier;
  readonly pipeline: CommitPipeline;
  readonly log: LogCompactor;
  /** The room's clients. */
  readonly connections: () => ReadonlySet<Connection>;
  readonly report: (error: unknown, during: CollabErrorContext['during']) => void;
  /** Reads the document's stored state. */
  readonly read: () => Promise<StoredDocument>;
  /** Takes the stored state into the room; throwing fails the load like a failed read. */
  readonly loaded: (stored: StoredDocument) => void;
  /** The room is live: start the clients that joined while it loaded. */
  readonly started: () => void;
  /** The room is closed: release what it holds. Runs once, in the step that closes it. */
  readonly closed: () => void;
}

/**
 * When a room is in memory: it loads, goes live, unloads `gracePeriodMs` after the last client
 * left and the last pin was released, shuts down on request (server shutdown, deleted page) and
 * fails when its document cannot be trusted. It leaves memory only once nothing is in flight:
 * every accepted update is in the store (see `CommitPipeline`), so the next load sees it all.
 */
export class RoomLifecycle {
  /** Resolves when the room is live; rejects when loading failed (the room is then closed). */
  readonly ready: Promise<void>;
  readonly #options: RoomLifecycleOptions;
  #state: RoomState = 'loading';
  #pins = 0;
  #idleTimer: NodeJS.Timeout | null = null;
  #unloading: Promise<void> | null = null;
  #shutdown: { code: number; reason: string } | null = null;

  /** Starts loading at once. */
  constructor(options: RoomLifecycleOptions) {
    this.#options = options;
    this.ready = this.#load();
    // Callers that need the outcome await `ready`; this keeps an unobserved failure quiet.
    this.ready.catch(() => {});
  }

  get state(): RoomState {
    return this.#state;
  }

  /** Whether the room refuses new clients and writes: shutting down, failed or closed. */
  get closing(): boolean {
    return this.#shutdown !== null || this.#state === 'closed';
  }

  /** The close code and reason for a client turned away while {@link closing}. */
  get farewell(): { code: number; reason: string } {
    return this.#shutdown ?? { code: CloseCode.GoingAway, reason: 'document closed' };
  }

  /** A client joined: the room is in use. */
  joined(): void {
    this.#clearIdleTimer();
  }

  /** A client left: the room may now be idle. */
  left(): void {
    this.#updateIdle();
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
   * Closes every connection with `code`, refuses new ones, waits for pending writes, compacts and
   * unloads.
   */
  async shutdown(code: number, reason: string): Promise<void> {
    if (this.#state === 'closed') return;
    this.#shutdown ??= { code, reason };
    this.#clearIdleTimer();
    for (const connection of [...this.#options.connections()]) connection.close(code, reason);
    try {
      await this.ready;
    } catch {
      return;
    }
    if (this.#unloading) await this.#unloading;
    // Read through the getter: the awaits above may have closed the room.
    if (this.state === 'closed') return;
    // Derived data (titles, search) must see the last changes while the document is still here.
    await this.#options.notifier.flush(this.#options.docId);
    if ((this.state as RoomState) === 'closed') return;
    this.#state = 'unloading';
    try {
      await this.#options.pipeline.whenWritesDone();
      await this.#options.log.compactAll();
    } catch (error) {
      this.#options.report(error, 'compact');
    }
    this.#close();
  }

  /** The document cannot be trusted: every client and pending write fails, and the room closes. */
  fail(error: unknown): void {
    this.#options.pipeline.fail(error);
    this.#shutdown ??= { code: CloseCode.InternalError, reason: 'document failed' };
    for (const connection of [...this.#options.connections()]) {
      connection.close(CloseCode.InternalError, 'document failed');
    }
    this.#close();
  }

  async #load(): Promise<void> {
    try {
      const stored = await this.#options.read();
      this.#options.loaded(stored);
    } catch (error) {
      this.#options.report(error, 'load');
      for (const connection of [...this.#options.connections()]) {
        connection.close(CloseCode.InternalError, 'could not load the document');
      }
      this.#close();
      throw error;
    }
    if (this.#state !== 'loading') return;
    this.#state = 'live';
    this.#options.started();
    this.#updateIdle();
  }

  #isIdle(): boolean {
    return this.#options.connections().size === 0 && this.#pins === 0;
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
    }, this.#options.gracePeriodMs);
    this.#idleTimer.unref();
  }

  #clearIdleTimer(): void {
    if (!this.#idleTimer) return;
    clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }

  async #unload(): Promise<void> {
    if (this.#state !== 'live' || !this.#isIdle() || this.#shutdown) return;
    const { notifier, pipeline, log, docId } = this.#options;
    this.#state = 'unloading';
    this.#unloading = (async () => {
      try {
        await notifier.flush(docId);
        await pipeline.whenWritesDone();
        await log.compactAll();
      } catch (error) {
        this.#options.report(error, 'compact');
      }
      if (this.#state !== 'unloading' || this.#shutdown) return;
      // The log holds every accepted update, so unloading is safe even if compaction failed or
      // updates arrived during it; it only has to wait until nothing is in flight.
      if (this.#isIdle() && pipeline.writesDone && !log.compacting) {
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
    this.#options.pipeline.close(new Error(`The document ${this.#options.docId} was closed.`));
    this.#options.closed();
  }
}
