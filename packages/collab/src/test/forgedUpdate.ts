import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { encodeSyncUpdate } from '../protocol/serverMessages';

/**
 * An update under `victim`'s Yjs client id, `ahead` clocks past what the victim has written, made
 * by `write` on a copy of the victim's document: what a hostile member can forge from presence
 * and the state vector. With `ahead` above 0 it cannot integrate until the victim's own
 * keystrokes fill the gap.
 */
export function forgedUpdateAhead(
  victim: Y.Doc,
  ahead: number,
  write: (doc: Y.Doc) => void,
): Uint8Array {
  const forged = new Y.Doc();
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(victim));
  forged.clientID = victim.clientID;
  const before = Y.getState(forged.store, victim.clientID);
  // Fill the gap locally (never sent), then the structs that matter.
  if (ahead > 0) forged.getText('gap').insert(0, 'x'.repeat(ahead));
  write(forged);
  const vector = Y.decodeStateVector(Y.encodeStateVector(victim));
  vector.set(victim.clientID, before + ahead);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, vector.size);
  for (const [client, clock] of vector) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  const update = Y.encodeStateAsUpdate(forged, encoding.toUint8Array(encoder));
  forged.destroy();
  return update;
}

/** A y-websocket sync message carrying `update`, as a client sends it. */
export const syncUpdateMessage = (update: Uint8Array): Uint8Array => encodeSyncUpdate(update);
