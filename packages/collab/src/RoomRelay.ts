/**
 * Updates another process committed to a page: the store handed them the sequence numbers
 * `firstSeq..lastSeq` (one per update, consecutive), and they were durable before anyone
 * published them.
 */
export interface RelayedUpdates {
  readonly kind: 'updates';
  readonly pageId: string;
  /** The process that committed them. */
  readonly origin: string;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly updates: readonly Uint8Array[];
}

/** Presence states (a y-protocols awareness update) of the origin process's own clients. */
export interface RelayedAwareness {
  readonly kind: 'awareness';
  readonly pageId: string;
  readonly origin: string;
  readonly update: Uint8Array;
}

/** A process opened the page: the others answer with their clients' presence on it. */
export interface AwarenessQuery {
  readonly kind: 'awareness-query';
  readonly pageId: string;
  readonly origin: string;
}

/** What travels on a page's channel, to the processes that have the page open. */
export type PageMessage = RelayedUpdates | RelayedAwareness | AwarenessQuery;

/** A process is alive (sent every few seconds) or is shutting down. */
export interface NodeHeartbeat {
  readonly kind: 'heartbeat' | 'leaving';
  readonly origin: string;
}

/** Close a page's connections on every process (page trashed, maintenance unload). */
export interface CloseDocumentRequest {
  readonly kind: 'close-document';
  readonly origin: string;
  readonly pageId: string;
  readonly code: number;
  readonly reason: string;
}

/**
 * Check open connections against access again on every process: those of one person, of one
 * page, or (both null) all of them.
 */
export interface AccessRecheckRequest {
  readonly kind: 'recheck-access';
  readonly origin: string;
  readonly userId: string | null;
  readonly pageId: string | null;
}

/** What travels to every process. */
export type NodeMessage = NodeHeartbeat | CloseDocumentRequest | AccessRecheckRequest;

/** One page's subscription. */
export interface RelaySubscription {
  /**
   * Settles once the relay will deliver the page's messages (at once while the relay is down:
   * the subscription is then made when it is back).
   */
  readonly ready: Promise<void>;
  /** Stops delivery to this subscription. */
  close(): Promise<void>;
}

/** Everything that reaches a process outside its pages. */
export interface RelayListener {
  /** A message for every process; its own included. */
  readonly node: (message: NodeMessage) => void;
  /**
   * The relay became unavailable (`false`) or available again (`true`). Messages published
   * meanwhile may be lost: the store holds every update, so rooms read it to catch up.
   */
  readonly availability: (available: boolean) => void;
}

/**
 * Carries collaboration traffic between the processes that share one store, so that several
 * Lore processes serve the same page. Best effort by design: a message may be lost (a restart of
 * the relay, a slow subscriber), never altered or reordered within one publisher's page channel.
 * Correctness never depends on it: every update is in the store before it is published, carries
 * its sequence numbers, and a process that sees a gap (or cannot reach the relay) reads the store.
 * Payloads are bytes and must arrive unchanged. Every subscriber receives every message published
 * on its channel, the publisher's own included.
 */
export interface RoomRelay {
  /** Whether messages are being delivered now, as far as the relay knows. */
  readonly available: boolean;
  /** Starts delivering node messages and availability changes to `listener` (one per relay). */
  listen(listener: RelayListener): void;
  /** Subscribes to a page's channel. Several subscriptions to one page each get every message. */
  subscribePage(pageId: string, listener: (message: PageMessage) => void): RelaySubscription;
  /** Publishes on a page's channel; rejects when the relay is unavailable. */
  publishPage(message: PageMessage): Promise<void>;
  /** Publishes to every process; rejects when the relay is unavailable. */
  publishNode(message: NodeMessage): Promise<void>;
  /** Ends every subscription and connection. */
  close(): Promise<void>;
}
