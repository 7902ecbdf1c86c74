import type { NodeMessage, PageMessage } from '@lore/collab';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Bumped when the layout changes, so a process never misreads another version's messages. */
const formatVersion = 1;

const pageKinds = ['updates', 'awareness', 'awareness-query'] as const;
const nodeKinds = ['heartbeat', 'leaving', 'close-document', 'recheck-access'] as const;

/** A message that is not in this format (another version, or not Lore's). */
export class RelayMessageFormatError extends Error {
  override name = 'RelayMessageFormatError';
}

function begin(kind: number, origin: string): encoding.Encoder {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, formatVersion);
  encoding.writeUint8(encoder, kind);
  encoding.writeVarString(encoder, origin);
  return encoder;
}

const writeOptionalString = (encoder: encoding.Encoder, value: string | null) => {
  encoding.writeUint8(encoder, value === null ? 0 : 1);
  if (value !== null) encoding.writeVarString(encoder, value);
};

const readOptionalString = (decoder: decoding.Decoder): string | null =>
  decoding.readUint8(decoder) === 0 ? null : decoding.readVarString(decoder);

function open(bytes: Uint8Array): { decoder: decoding.Decoder; kind: number; origin: string } {
  const decoder = decoding.createDecoder(bytes);
  if (decoding.readUint8(decoder) !== formatVersion) {
    throw new RelayMessageFormatError('unknown relay message format');
  }
  return { decoder, kind: decoding.readUint8(decoder), origin: decoding.readVarString(decoder) };
}

/** Reads a whole message or throws: a truncated one must not pass for a shorter one. */
function whole<T>(bytes: Uint8Array, read: (bytes: Uint8Array) => T): T {
  try {
    return read(bytes);
  } catch (error) {
    if (error instanceof RelayMessageFormatError) throw error;
    throw new RelayMessageFormatError('malformed relay message');
  }
}

/** A page message as bytes: Yjs updates go as they are, with no text encoding in between. */
export function encodePageMessage(message: PageMessage): Uint8Array {
  const encoder = begin(pageKinds.indexOf(message.kind), message.origin);
  encoding.writeVarString(encoder, message.pageId);
  switch (message.kind) {
    case 'updates':
      encoding.writeVarUint(encoder, message.firstSeq);
      encoding.writeVarUint(encoder, message.lastSeq);
      encoding.writeVarUint(encoder, message.updates.length);
      for (const update of message.updates) encoding.writeVarUint8Array(encoder, update);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'awareness-query':
      break;
  }
  return encoding.toUint8Array(encoder);
}

export function decodePageMessage(bytes: Uint8Array): PageMessage {
  return whole(bytes, () => {
    const { decoder, kind, origin } = open(bytes);
    const pageId = decoding.readVarString(decoder);
    let message: PageMessage;
    switch (pageKinds[kind]) {
      case 'updates': {
        const firstSeq = decoding.readVarUint(decoder);
        const lastSeq = decoding.readVarUint(decoder);
        const count = decoding.readVarUint(decoder);
        const updates: Uint8Array[] = [];
        // Copies: the decoder's views share the received buffer.
        for (let index = 0; index < count; index++) {
          updates.push(decoding.readVarUint8Array(decoder).slice());
        }
        message = { kind: 'updates', pageId, origin, firstSeq, lastSeq, updates };
        break;
      }
      case 'awareness':
        message = {
          kind: 'awareness',
          pageId,
          origin,
          update: decoding.readVarUint8Array(decoder).slice(),
        };
        break;
      case 'awareness-query':
        message = { kind: 'awareness-query', pageId, origin };
        break;
      default:
        throw new RelayMessageFormatError('unknown page message kind');
    }
    if (decoding.hasContent(decoder)) throw new RelayMessageFormatError('trailing bytes');
    return message;
  });
}

export function encodeNodeMessage(message: NodeMessage): Uint8Array {
  const encoder = begin(nodeKinds.indexOf(message.kind), message.origin);
  switch (message.kind) {
    case 'heartbeat':
    case 'leaving':
      break;
    case 'close-document':
      encoding.writeVarString(encoder, message.pageId);
      encoding.writeVarUint(encoder, message.code);
      encoding.writeVarString(encoder, message.reason);
      break;
    case 'recheck-access':
      writeOptionalString(encoder, message.userId);
      writeOptionalString(encoder, message.pageId);
      break;
  }
  return encoding.toUint8Array(encoder);
}

export function decodeNodeMessage(bytes: Uint8Array): NodeMessage {
  return whole(bytes, () => {
    const { decoder, kind, origin } = open(bytes);
    let message: NodeMessage;
    const name = nodeKinds[kind];
    switch (name) {
      case 'heartbeat':
      case 'leaving':
        message = { kind: name, origin };
        break;
      case 'close-document':
        message = {
          kind: 'close-document',
          origin,
          pageId: decoding.readVarString(decoder),
          code: decoding.readVarUint(decoder),
          reason: decoding.readVarString(decoder),
        };
        break;
      case 'recheck-access':
        message = {
          kind: 'recheck-access',
          origin,
          userId: readOptionalString(decoder),
          pageId: readOptionalString(decoder),
        };
        break;
      default:
        throw new RelayMessageFormatError('unknown node message kind');
    }
    if (decoding.hasContent(decoder)) throw new RelayMessageFormatError('trailing bytes');
    return message;
  });
}
