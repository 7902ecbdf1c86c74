import * as decoding from 'lib0/decoding';
import { CloseCode } from '../CloseCode';
import { CollabProtocolError } from '../CollabProtocolError';
import { MessageType, SyncMessageType } from './MessageType';

/** A frame from a client, decoded and bounds-checked; payloads are copies owned by the caller. */
export type ClientMessage =
  | { readonly kind: 'sync-step1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'sync-step2'; readonly update: Uint8Array }
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly entries: readonly AwarenessEntry[] }
  | { readonly kind: 'query-awareness' };

/** One client's presence in an awareness message; a null state says the client left. */
export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  readonly state: Record<string, unknown> | null;
}

const bad = (reason: string) => new CollabProtocolError(CloseCode.BadMessage, reason);

/**
 * Decodes one y-websocket frame strictly: every length is checked against the frame, trailing
 * bytes are refused, and awareness payloads are parsed completely before anyone applies them, so
 * a malformed frame is rejected before it can change any state.
 *
 * @throws CollabProtocolError with `CloseCode.BadMessage`
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const type = readVarUint(decoder, 'message type');
  let message: ClientMessage;
  switch (type) {
    case MessageType.Sync: {
      const syncType = readVarUint(decoder, 'sync message type');
      const payload = readPayload(decoder);
      if (syncType === SyncMessageType.Step1) {
        message = { kind: 'sync-step1', stateVector: payload };
      } else if (syncType === SyncMessageType.Step2) {
        message = { kind: 'sync-step2', update: payload };
      } else if (syncType === SyncMessageType.Update) {
        message = { kind: 'update', update: payload };
      } else {
        throw bad(`unknown sync message type ${syncType}`);
      }
      break;
    }
    case MessageType.Awareness: {
      message = { kind: 'awareness', entries: readAwarenessEntries(readPayload(decoder)) };
      break;
    }
    case MessageType.QueryAwareness:
      message = { kind: 'query-awareness' };
      break;
    default:
      throw bad(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw bad('trailing bytes after the message');
  return message;
}

function readVarUint(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw bad(`truncated or oversized ${what}`);
  }
}

/** A length-prefixed byte array, copied so later decoders cannot read past it into other data. */
function readPayload(decoder: decoding.Decoder): Uint8Array {
  const length = readVarUint(decoder, 'payload length');
  const start = decoder.pos;
  if (length > decoder.arr.length - start) throw bad('payload longer than the frame');
  decoder.pos += length;
  return decoder.arr.slice(start, start + length);
}

function readVarString(decoder: decoding.Decoder): string {
  const start = decoder.pos;
  const length = readVarUint(decoder, 'string length');
  if (length > decoder.arr.length - decoder.pos) throw bad('string longer than the frame');
  decoder.pos = start;
  return decoding.readVarString(decoder);
}

/** Awareness entries are `(clientID, clock, JSON state)`; a state must be an object or null. */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = readVarUint(decoder, 'awareness entry count');
  const entries: AwarenessEntry[] = [];
  for (let index = 0; index < count; index++) {
    const clientId = readVarUint(decoder, 'awareness client id');
    const clock = readVarUint(decoder, 'awareness clock');
    const json = readVarString(decoder);
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      throw bad('awareness state is not JSON');
    }
    if (typeof state !== 'object' || Array.isArray(state)) {
      throw bad('awareness state must be an object or null');
    }
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder)) throw bad('trailing bytes after the awareness update');
  return entries;
}
