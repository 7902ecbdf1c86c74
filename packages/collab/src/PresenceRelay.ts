import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { Connection } from './Connection';
import { encodeAwareness } from './protocol/serverMessages';

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/**
 * A room's presence (y-protocols awareness): every state a connection sends is relayed to all,
 * the sender included (the stock provider takes its own echo as a sign of life), each awareness
 * client is remembered with the connection that owns it, and a connection that leaves takes its
 * states with it.
 */
export class PresenceRelay {
  readonly awareness: awarenessProtocol.Awareness;
  readonly #owners = new Map<number, Connection>();
  readonly #connections: () => Iterable<Connection>;
  readonly #onError: (error: unknown) => void;

  constructor(
    doc: Y.Doc,
    connections: () => Iterable<Connection>,
    onError: (error: unknown) => void,
  ) {
    this.#connections = connections;
    this.#onError = onError;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.#onUpdate);
  }

  /** Whether anyone is present. */
  get empty(): boolean {
    return this.awareness.getStates().size === 0;
  }

  /** Applies an awareness message from `connection` (relayed through the update listener). */
  receive(connection: Connection, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
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

  close(): void {
    this.awareness.off('update', this.#onUpdate);
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
    if (origin instanceof Connection) {
      for (const clientId of [...change.added, ...change.updated]) {
        const previous = this.#owners.get(clientId);
        if (previous && previous !== origin) previous.awarenessClients.delete(clientId);
        this.#owners.set(clientId, origin);
        origin.awarenessClients.add(clientId);
      }
    }
    for (const clientId of change.removed) {
      this.#owners.get(clientId)?.awarenessClients.delete(clientId);
      this.#owners.delete(clientId);
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    const message = encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
    );
    for (const connection of this.#connections()) connection.send(message);
  }
}
