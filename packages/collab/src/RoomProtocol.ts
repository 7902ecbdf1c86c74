import { CloseCode } from './CloseCode';
import { CollabProtocolError } from './CollabProtocolError';
import type { Connection } from './Connection';
import type { PresenceRelay } from './PresenceRelay';
import { decodeClientMessage } from './protocol/decodeClientMessage';
import { encodeSyncStep1, encodeSyncStep2 } from './protocol/serverMessages';
import type { RoomDocument } from './RoomDocument';
import type { UpdateAdmission } from './UpdateAdmission';

/**
 * The y-websocket protocol as a room speaks it with each of its connections: answers a client's
 * sync step 1 from the room document (durable state only), hands a writer's document updates to
 * `UpdateAdmission` (a viewer's are dropped), passes presence to the `PresenceRelay`, and greets
 * a connection that starts with the server's own sync step 1 and who is present.
 */
export class RoomProtocol {
  readonly #document: RoomDocument;
  readonly #admission: UpdateAdmission;
  readonly #presence: PresenceRelay;

  constructor(document: RoomDocument, admission: UpdateAdmission, presence: PresenceRelay) {
    this.#document = document;
    this.#admission = admission;
    this.#presence = presence;
  }

  /** Starts a connection once the room is live. */
  greet(connection: Connection): void {
    // Frames that waited for the room go first: a client opening the page has usually sent its
    // sync step 1, answered straight from the stored bytes, while the state vector of the
    // server's own step 1 takes a pass over the whole encoded document.
    connection.start();
    if (connection.closed) return;
    this.askForUpdates(connection);
    if (!this.#presence.empty) this.#presence.sendAll(connection);
  }

  /** Sends the server's sync step 1: the client answers with what the room lacks. */
  askForUpdates(connection: Connection): void {
    connection.send(encodeSyncStep1(this.#document.stateVector()));
  }

  /** Handles one frame; throws `CollabProtocolError` for bad input. */
  receive(connection: Connection, frame: Uint8Array): void {
    const message = decodeClientMessage(frame);
    switch (message.kind) {
      case 'sync-step1': {
        let update: Uint8Array;
        try {
          update = this.#document.missingFrom(message.stateVector);
        } catch {
          throw new CollabProtocolError(CloseCode.BadMessage, 'malformed state vector');
        }
        connection.send(encodeSyncStep2(update));
        return;
      }
      case 'sync-step2':
      case 'update':
        if (!connection.canWrite) return;
        this.#admission.accept(message.update, connection, connection);
        return;
      case 'awareness':
        this.#presence.receive(connection, message.entries);
        return;
      case 'query-awareness':
        this.#presence.sendAll(connection);
        return;
    }
  }
}
