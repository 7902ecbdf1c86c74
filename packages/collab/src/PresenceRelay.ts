import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { CollabSettings } from './CollabServerOptions';
import { Connection } from './Connection';
import type { AwarenessEntry } from './protocol/decodeClientMessage';
import { encodeAwareness } from './protocol/serverMessages';

/** The stamps a room's settings ask for. */
export function presenceStamps(
  settings: Pick<CollabSettings, 'presenceOf' | 'writerOf'>,
): PresenceStamps {
  const { presenceOf, writerOf } = settings;
  return {
    ...(presenceOf
      ? { presenceOf: (connection: Connection) => presenceOf(connection.context) }
      : {}),
    ...(writerOf ? { personOf: (connection: Connection) => writerOf(connection.context) } : {}),
  };
}

export interface PresenceStamps {
  /** Who the server knows is behind a connection, written into the `user` field of its states. */
  readonly presenceOf?: (connection: Connection) => Readonly<Record<string, unknown>>;
  /** The person behind a connection: their other connections may take over their clients. */
  readonly personOf?: (connection: Connection) => unknown;
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** The transaction origin of presence that another process relayed. */
interface RemoteOrigin {
  readonly relayNode: string;
}

const isRemote = (origin: unknown): origin is RemoteOrigin =>
  typeof origin === 'object' && origin !== null && 'relayNode' in origin;

/**
 * A room's presence (y-protocols awareness): every state a connection sends is relayed to all,
 * the sender included (the stock provider takes its own echo as a sign of life), each awareness
 * client is remembered with the connection that owns it, and a connection that leaves takes its
 * states with it. Presence is stamped, not trusted: an awareness client belongs to the first
 * connection that announced it (entries for another person's open connection's clients are
 * dropped), and with `presenceOf` the `user` field of every state is overwritten with who the server knows the
 * connection to be (its name, color and id), whatever the client claimed.
 */
export class PresenceRelay {
  readonly awareness: awarenessProtocol.Awareness;
  readonly #owners = new Map<number, Connection>();
  readonly #connections: () => Iterable<Connection>;
  readonly #onError: (error: unknown) => void;
  readonly #stamps: PresenceStamps;
  /** Awareness clients of other processes, with the process that relayed them. */
  readonly #remote = new Map<number, string>();
  /** Where changes to this process's own clients go for the other processes, if anywhere. */
  #publish: ((update: Uint8Array) => void) | null = null;

  constructor(
    doc: Y.Doc,
    connections: () => Iterable<Connection>,
    onError: (error: unknown) => void,
    stamps: PresenceStamps = {},
  ) {
    this.#connections = connections;
    this.#onError = onError;
    this.#stamps = stamps;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.#onUpdate);
  }

  /** Whether anyone is present. */
  get empty(): boolean {
    return this.awareness.getStates().size === 0;
  }

  /**
   * Applies an awareness message from `connection` (relayed through the update listener): its
   * entries for clients another open connection owns are dropped, and its states are stamped.
   */
  receive(connection: Connection, entries: readonly AwarenessEntry[]): void {
    const { presenceOf, personOf } = this.#stamps;
    const own = entries.filter((entry) => {
      const owner = this.#owners.get(entry.clientId);
      return (
        owner === undefined ||
        owner === connection ||
        owner.closed ||
        // The same person reconnecting, or a sibling tab: theirs already.
        (personOf !== undefined && personOf(owner) === personOf(connection))
      );
    });
    if (own.length === 0) return;
    const identity = presenceOf?.(connection);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, own.length);
    for (const { clientId, clock, state } of own) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      const stamped =
        state === null || identity === undefined ? state : { ...state, user: { ...identity } };
      encoding.writeVarString(encoder, JSON.stringify(stamped));
    }
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encoding.toUint8Array(encoder),
      connection,
    );
  }

  /** Sends every present state to `connection` (a newcomer, or a query). */
  sendAll(connection: Connection): void {
    const clients = [...this.awareness.getStates().keys()];
    connection.send(
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)),
    );
  }

  /** Removes the states `connection` owned (it left). */
  forget(connection: Connection): void {
    const owned = [...connection.awarenessClients].filter(
      (clientId) => this.#owners.get(clientId) === connection,
    );
    if (owned.length > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, owned, 'disconnect');
    }
  }

  /**
   * From now on, every change to this process's own clients' states (an awareness update,
   * stamped) is handed to `publish`, for the other processes that have the page open.
   */
  publishTo(publish: (update: Uint8Array) => void): void {
    this.#publish = publish;
  }

  /** The states of this process's own clients as one awareness update, or null when none. */
  localStates(): Uint8Array | null {
    const clients = [...this.#owners.keys()].filter((clientId) =>
      this.awareness.getStates().has(clientId),
    );
    if (clients.length === 0) return null;
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
  }

  /**
   * Applies states another process relayed (stamped there) and passes them to this process's
   * clients. Entries for a client an open connection here owns are dropped: that person moved
   * here, and the other process's late goodbye must not remove them.
   */
  receiveRemote(nodeId: string, entries: readonly AwarenessEntry[]): void {
    const theirs = entries.filter((entry) => {
      const owner = this.#owners.get(entry.clientId);
      return owner === undefined || owner.closed;
    });
    if (theirs.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, theirs.length);
    for (const { clientId, clock, state } of theirs) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify(state));
    }
    const origin: RemoteOrigin = { relayNode: nodeId };
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), origin);
  }

  /** Removes the states of another process's clients (it stopped or was lost). */
  forgetNode(nodeId: string): void {
    const clients = [...this.#remote].filter(([, node]) => node === nodeId).map(([id]) => id);
    if (clients.length > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, clients, { relayNode: nodeId });
    }
  }

  close(): void {
    this.awareness.off('update', this.#onUpdate);
    this.#publish = null;
  }

  readonly #onUpdate = (change: AwarenessChange, origin: unknown): void => {
    // Also runs from the awareness timer (outdated states), where nothing else would catch a throw.
    try {
      this.#relay(change, origin);
    } catch (error) {
      this.#onError(error);
    }
  };

  #relay(change: AwarenessChange, origin: unknown): void {
    // What changed about this process's own clients, to publish: taken before `removed` below
    // forgets who owned them.
    const own = isRemote(origin)
      ? []
      : [...change.added, ...change.updated, ...change.removed].filter(
          (clientId) => this.#owners.has(clientId) || origin instanceof Connection,
        );
    if (isRemote(origin)) {
      for (const clientId of [...change.added, ...change.updated]) {
        this.#remote.set(clientId, origin.relayNode);
      }
    }
    if (origin instanceof Connection) {
      for (const clientId of [...change.added, ...change.updated]) {
        const previous = this.#owners.get(clientId);
        // Only a closed connection's clients change hands (see `receive`).
        if (previous && previous !== origin) previous.awarenessClients.delete(clientId);
        this.#owners.set(clientId, origin);
        origin.awarenessClients.add(clientId);
      }
    }
    for (const clientId of change.removed) {
      this.#owners.get(clientId)?.awarenessClients.delete(clientId);
      this.#owners.delete(clientId);
      this.#remote.delete(clientId);
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const message = encodeAwareness(update);
    for (const connection of this.#connections()) connection.send(message);
    if (this.#publish && own.length > 0) {
      this.#publish(
        own.length === changed.length
          ? update
          : awarenessProtocol.encodeAwarenessUpdate(this.awareness, own),
      );
    }
  }
}
