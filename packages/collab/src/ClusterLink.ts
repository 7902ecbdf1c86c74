import type { DocumentStore } from '@lore/core';
import type {
  AccessRecheckScope,
  CollabErrorContext,
  CollabRelaySettings,
} from './CollabServerOptions';
import { NodeLiveness } from './NodeLiveness';
import type { Room } from './Room';
import type { NodeMessage, RoomRelay } from './RoomRelay';
import type { RoomRelayContext } from './RoomRelayLink';

/** How long a relay may take to connect at start before its absence is logged. */
const startGraceMs = 3_000;

export interface ClusterLinkOptions {
  readonly settings: CollabRelaySettings;
  readonly store: DocumentStore;
  /** This process's rooms. */
  readonly rooms: () => Iterable<Room>;
  /** Closes a document here (another process asked). */
  readonly closeDocument: (docId: string, code: number, reason: string) => Promise<void>;
  /** Rechecks access here (another process asked); absent: nothing to recheck. */
  readonly recheckAccess?: (scope: AccessRecheckScope) => void;
  readonly report: (error: unknown, context: CollabErrorContext) => void;
}

/**
 * This process's membership of a cluster of collaboration servers sharing one store, over a
 * `RoomRelay`: heartbeats every `heartbeatMs`; the clients of a process silent for
 * `nodeTimeoutMs` leave presence here; requests for every process (close a document, recheck
 * access) are carried out here; and the store is watched for what the relay may not have
 * brought — every `checkMs` while the relay is available (a lost message nothing followed), every
 * `pollMs` while it is not (then it is the only way edits from other processes arrive). One line
 * is logged when the relay goes away and one when it is back.
 */
export class ClusterLink implements RoomRelayContext {
  readonly nodeId: string;
  readonly relay: RoomRelay;
  readonly store: DocumentStore;
  readonly gapWaitMs: number;
  readonly #options: ClusterLinkOptions;
  readonly #liveness: NodeLiveness;
  readonly #timers: NodeJS.Timeout[] = [];
  #available: boolean;
  /** Whether the relay was ever available: before that, it is connecting, not lost. */
  #everAvailable: boolean;
  #lastCheckAt = performance.now();
  #checking = false;
  #closed = false;

  constructor(options: ClusterLinkOptions) {
    const { settings } = options;
    this.#options = options;
    this.nodeId = settings.nodeId;
    this.relay = settings.relay;
    this.store = options.store;
    this.gapWaitMs = settings.gapWaitMs;
    this.#liveness = new NodeLiveness(settings.nodeTimeoutMs);
    this.#available = settings.relay.available;
    this.#everAvailable = this.#available;
  }

  readonly seen = (nodeId: string): void => {
    if (nodeId !== this.nodeId) this.#liveness.seen(nodeId);
  };

  start(): void {
    const { settings } = this.#options;
    this.relay.listen({
      node: (message) => this.#receive(message),
      availability: (available) => this.#availabilityChanged(available),
    });
    // A relay still connecting at start is not an outage: say so only if it stays away.
    if (!this.#available) {
      const grace = setTimeout(() => {
        if (!this.#closed && !this.#available && !this.#everAvailable) this.#logUnavailable();
      }, startGraceMs);
      grace.unref?.();
    }
    this.#heartbeat();
    this.#every(settings.heartbeatMs, () => this.#heartbeat());
    this.#every(Math.max(10, Math.floor(settings.nodeTimeoutMs / 4)), () => this.#sweepNodes());
    this.#every(settings.pollMs, () => void this.#checkStore());
  }

  /** Closes a document on every process, this one included. */
  async closeDocumentEverywhere(docId: string, code: number, reason: string): Promise<void> {
    this.#publish({ kind: 'close-document', origin: this.nodeId, pageId: docId, code, reason });
    await this.#options.closeDocument(docId, code, reason);
  }

  /** Rechecks access on every process, this one included. */
  recheckAccessEverywhere(scope: AccessRecheckScope): void {
    this.#publish({
      kind: 'recheck-access',
      origin: this.nodeId,
      userId: scope.userId ?? null,
      pageId: scope.pageId ?? null,
    });
    this.#options.recheckAccess?.(scope);
  }

  /** Stops the timers and tells the others this process is leaving (its clients' carets go). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#timers) clearInterval(timer);
    this.#publish({ kind: 'leaving', origin: this.nodeId });
  }

  #receive(message: NodeMessage): void {
    if (this.#closed || message.origin === this.nodeId) return;
    try {
      switch (message.kind) {
        case 'heartbeat':
          this.#liveness.seen(message.origin);
          return;
        case 'leaving':
          this.#liveness.forget(message.origin);
          this.#forgetNode(message.origin);
          return;
        case 'close-document':
          this.#options
            .closeDocument(message.pageId, message.code, message.reason)
            .catch((error) => this.#report(error, message.pageId));
          return;
        case 'recheck-access':
          this.#options.recheckAccess?.({
            ...(message.userId === null ? {} : { userId: message.userId }),
            ...(message.pageId === null ? {} : { pageId: message.pageId }),
          });
          return;
      }
    } catch (error) {
      this.#report(error);
    }
  }

  #availabilityChanged(available: boolean): void {
    if (this.#closed || available === this.#available) return;
    this.#available = available;
    if (!available) {
      this.#logUnavailable();
      return;
    }
    this.#options.settings.log(
      this.#everAvailable
        ? 'collab relay available again: edits and presence from other processes are relayed'
        : 'collab relay connected: edits and presence from other processes are relayed',
    );
    this.#everAvailable = true;
    this.#heartbeat();
    // What was published while the relay was away is lost: read the store once more, and
    // exchange presence again.
    for (const room of this.#options.rooms()) room.relayLink?.announcePresence();
    void this.#checkStore(true);
  }

  #logUnavailable(): void {
    this.#options.settings.log(
      `collab relay unavailable: reading the store every ${this.#options.settings.pollMs} ms for edits from other processes`,
    );
  }

  #heartbeat(): void {
    this.#publish({ kind: 'heartbeat', origin: this.nodeId });
  }

  #sweepNodes(): void {
    for (const nodeId of this.#liveness.expired()) this.#forgetNode(nodeId);
  }

  #forgetNode(nodeId: string): void {
    for (const room of this.#options.rooms()) room.forgetNode(nodeId);
  }

  /** Every `pollMs` while the relay is unavailable, every `checkMs` while it is available. */
  async #checkStore(now = false): Promise<void> {
    const { checkMs } = this.#options.settings;
    if (this.#checking || this.#closed) return;
    if (!now && this.#available && performance.now() - this.#lastCheckAt < checkMs) return;
    this.#checking = true;
    this.#lastCheckAt = performance.now();
    try {
      const links = [...this.#options.rooms()].flatMap((room) =>
        room.relayLink ? [room.relayLink] : [],
      );
      await Promise.all(links.map((link) => link.check()));
    } finally {
      this.#checking = false;
    }
  }

  #every(ms: number, run: () => void): void {
    const timer = setInterval(() => {
      try {
        run();
      } catch (error) {
        this.#report(error);
      }
    }, ms);
    timer.unref();
    this.#timers.push(timer);
  }

  #publish(message: NodeMessage): void {
    if (!this.relay.available) return;
    this.relay.publishNode(message).catch((error) => this.#report(error));
  }

  #report(error: unknown, docId?: string): void {
    try {
      this.#options.report(error, { ...(docId === undefined ? {} : { docId }), during: 'relay' });
    } catch {
      // A reporter that throws must not stop the relay.
    }
  }
}
