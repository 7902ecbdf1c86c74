import * as encoding from 'lib0/encoding';
import { MessageType, SyncMessageType } from './MessageType';

const syncMessage = (syncType: number, payload: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
};

/** Sync step 1: "here is what I have" (a Yjs state vector); the peer answers with step 2. */
export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  syncMessage(SyncMessageType.Step1, stateVector);

/** Sync step 2: the update holding everything the peer's state vector lacked. */
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array =>
  syncMessage(SyncMessageType.Step2, update);

/** An incremental Yjs update relayed after it became durable. */
export const encodeSyncUpdate = (update: Uint8Array): Uint8Array =>
  syncMessage(SyncMessageType.Update, update);

/** Awareness (presence) states, as encoded by `y-protocols/awareness`. */
export const encodeAwareness = (awarenessUpdate: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
};
