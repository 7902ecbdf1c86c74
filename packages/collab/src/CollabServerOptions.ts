import { randomUUID } from 'node:crypto';
import type { DocumentStore } from '@lore/core';
import type * as Y from 'yjs';
import type { RoomRelay } from './RoomRelay';

/** Where an error the server recovered from happened, for logs. */
export interface CollabErrorContext {
  readonly docId?: string;
  readonly during:
    | 'load'
    | 'append'
    | 'apply'
    | 'compact'
    | 'message'
    | 'send'
    | 'change'
    | 'accepted'
    | 'relay';
}

/** Whose open connections to check against access again: one person's, one page's, or all. */
export interface AccessRecheckScope {
  readonly userId?: string;
  readonly pageId?: string;
}

/**
 * Several processes serving the same pages from one store: each commits to the store first,
 * then publishes through the relay; see docs/collaboration.md, "Several processes".
 */
export interface CollabRelayOptions {
  readonly relay: RoomRelay;
  /** This process's id among those sharing the relay. Default: a random UUID. */
  readonly nodeId?: string;
  /** How often this process tells the others it is alive. Default 2 s. */
  readonly heartbeatMs?: number;
  /** A process silent this long is taken for gone: its clients leave presence. Default 6 s. */
  readonly nodeTimeoutMs?: number;
  /** While the relay is unavailable, open rooms read the store this often. Default 1 s. */
  readonly pollMs?: number;
  /**
   * While it is available, open rooms still compare with the store this often, for a lost
   * message that nothing followed. Default 10 s.
   */
  readonly checkMs?: number;
  /**
   * Updates that overtook a missing one wait this long for it before the room reads the store.
   * Default 300 ms.
   */
  readonly gapWaitMs?: number;
  /** Where the one line on losing and the one on regaining the relay go. Default console.warn. */
  readonly log?: (line: string) => void;
}

export type CollabRelaySettings = Required<CollabRelayOptions>;

export function resolveRelaySettings(options: CollabRelayOptions): CollabRelaySettings {
  return {
    relay: options.relay,
    nodeId: options.nodeId ?? randomUUID(),
    heartbeatMs: options.heartbeatMs ?? 2_000,
    nodeTimeoutMs: options.nodeTimeoutMs ?? 6_000,
    pollMs: options.pollMs ?? 1_000,
    checkMs: options.checkMs ?? 10_000,
    gapWaitMs: options.gapWaitMs ?? 300,
    log: options.log ?? ((line) => console.warn(line)),
  };
}

/** A change about to be accepted: `doc` is a scratch copy with the change applied. */
export interface UpdateValidation {
  readonly docId: string;
  readonly doc: Y.Doc;
  readonly transaction: Y.Transaction;
}

/** A change that is durably stored and applied to the room document (see `onAccepted`). */
export interface AcceptedUpdate<TContext = unknown> {
  readonly docId: string;
  /** The sending connection's context, or null for a server-side change. */
  readonly context: TContext | null;
  /**
   * The transaction origin: the connection for a client's change, the `origin` given to
   * `applyServerUpdate` or `editDocument` for a server-side one.
   */
  readonly origin: unknown;
  /** Yjs client ids whose new content the change carries (none for a change that only deletes). */
  readonly clientIds: readonly number[];
}

export interface CollabServerOptions<TContext = unknown> {
  /** The durable update log and snapshots. */
  readonly store: DocumentStore;
  /** How long an empty room stays loaded before it is compacted and unloaded. Default 5 s. */
  readonly gracePeriodMs?: number;
  /**
   * How long after its last write a room keeps the scratch copy it validates writes on. Default
   * 30 s: a page left open but no longer edited then holds its document once instead of twice,
   * and the next write rebuilds the copy (one encode and decode of the document).
   */
  readonly scratchIdleMs?: number;
  /** Larger frames close the socket with `CloseCode.MessageTooLarge`. Default 8 MiB. */
  readonly maxMessageBytes?: number;
  /** Bytes a client may send before its room finished loading. Default 2 × `maxMessageBytes`. */
  readonly maxPendingBytes?: number;
  /** A client whose unsent backlog passes this is closed with `TryAgainLater`. Default 64 MiB. */
  readonly maxBufferedBytes?: number;
  /** More connections to one room are closed with `CloseCode.TooMany`. Default 500. */
  readonly maxConnectionsPerRoom?: number;
  /**
   * Group-commit window: updates arriving within it are appended in one transaction. 0 (default)
   * batches everything that arrived in the same event-loop turn.
   */
  readonly commitWindowMs?: number;
  /**
   * Fold the log into a snapshot once it holds this many updates. Default 5000: folding encodes
   * the whole document on the event loop, so a busy page pays it every few seconds, not every one.
   */
  readonly compactAfterUpdates?: number;
  /** …or this many bytes. Default 1 MiB. */
  readonly compactAfterBytes?: number;
  /** Garbage-collect deleted content in room documents (Yjs `gc`). Default true. */
  readonly gc?: boolean;
  /**
   * Runs on a scratch copy after an update applied cleanly and before it is stored; return true
   * to accept it, and false or the reason (a short sentence) to refuse it (the client is closed
   * with `InvalidUpdate` and the reason, a server update rejects). The place to hold raw Yjs
   * updates to the page schema. The transaction only ever holds the structs of the update being
   * judged: structs that waited for others integrate in a transaction of their own.
   */
  readonly validateUpdate?: (change: UpdateValidation) => boolean | string;
  /**
   * Who a connection writes as, from its context (e.g. the user id): a Yjs client id belongs to
   * the first writer that uses it in a room, and structs under it from anyone else are refused
   * with `InvalidUpdate`. A client that reconnects writes under the same id, and sibling tabs of
   * one person forward each other's edits, so return the same value for all of a person's
   * connections. Without it, client ids are not checked.
   */
  readonly writerOf?: (context: TContext) => unknown;
  /**
   * Who the server knows is behind a connection (e.g. `{ id, name, color }`): written into the
   * `user` field of every awareness state the connection sends, over whatever the client claimed,
   * so nobody can appear in presence as someone else. Without it, presence is relayed as sent.
   */
  readonly presenceOf?: (context: TContext) => Readonly<Record<string, unknown>>;
  /**
   * Bytes of one connection's updates that may wait for structs the server has not seen (a
   * sibling tab's edit still on its way); past it the connection is closed with `InvalidUpdate`.
   * Default 1 MiB.
   */
  readonly maxWaitingBytes?: number;
  /**
   * Called synchronously for every change once it is durably stored and applied to the room
   * document, in the same turn as the apply (nothing else reads or changes the document in
   * between); e.g. to record who contributed and which Yjs client ids are theirs. Not debounced,
   * so keep it cheap. Errors are reported with `during: 'accepted'`.
   */
  readonly onAccepted?: (update: AcceptedUpdate<TContext>) => void;
  /** Called, debounced per document, after its content changed. */
  readonly onChange?: (docId: string) => void | Promise<void>;
  /** Quiet time before `onChange` runs. Default 1 s. */
  readonly changeDebounceMs?: number;
  /** `onChange` runs at least this often while edits keep coming. Default 10 s. */
  readonly changeMaxWaitMs?: number;
  /** Errors the server recovered from (store failures, listener errors). Default: console.error. */
  readonly onError?: (error: unknown, context: CollabErrorContext) => void;
  /**
   * Processes that serve the same pages from the same store. Without it, this process is alone:
   * nothing is published and nobody else's edits are expected.
   */
  readonly relay?: CollabRelayOptions;
  /**
   * Checks this process's open connections against access again, on request of any process
   * (see `CollabServer.recheckAccessEverywhere`).
   */
  readonly recheckAccess?: (scope: AccessRecheckScope) => void;
}

/** Options with every default filled in. */
export type CollabSettings = Required<
  Omit<
    CollabServerOptions,
    | 'validateUpdate'
    | 'onChange'
    | 'onAccepted'
    | 'writerOf'
    | 'presenceOf'
    | 'relay'
    | 'recheckAccess'
  >
> &
  Pick<
    CollabServerOptions,
    'validateUpdate' | 'onChange' | 'onAccepted' | 'writerOf' | 'presenceOf' | 'recheckAccess'
  > & { readonly relay?: CollabRelaySettings };

const MiB = 1024 * 1024;

export function resolveCollabSettings<TContext>(
  options: CollabServerOptions<TContext>,
): CollabSettings {
  const maxMessageBytes = options.maxMessageBytes ?? 8 * MiB;
  return {
    store: options.store,
    gracePeriodMs: options.gracePeriodMs ?? 5_000,
    scratchIdleMs: options.scratchIdleMs ?? 30_000,
    maxMessageBytes,
    maxPendingBytes: options.maxPendingBytes ?? 2 * maxMessageBytes,
    maxBufferedBytes: options.maxBufferedBytes ?? 64 * MiB,
    maxConnectionsPerRoom: options.maxConnectionsPerRoom ?? 500,
    maxWaitingBytes: options.maxWaitingBytes ?? MiB,
    commitWindowMs: options.commitWindowMs ?? 0,
    compactAfterUpdates: options.compactAfterUpdates ?? 5_000,
    compactAfterBytes: options.compactAfterBytes ?? MiB,
    gc: options.gc ?? true,
    validateUpdate: options.validateUpdate,
    writerOf: options.writerOf as CollabSettings['writerOf'],
    presenceOf: options.presenceOf as CollabSettings['presenceOf'],
    onChange: options.onChange,
    // Rooms hand over the context their connections were given, which is a TContext.
    onAccepted: options.onAccepted as CollabSettings['onAccepted'],
    changeDebounceMs: options.changeDebounceMs ?? 1_000,
    changeMaxWaitMs: options.changeMaxWaitMs ?? 10_000,
    onError: options.onError ?? ((error, context) => console.error('collab error', context, error)),
    ...(options.relay ? { relay: resolveRelaySettings(options.relay) } : {}),
    ...(options.recheckAccess ? { recheckAccess: options.recheckAccess } : {}),
  };
}
