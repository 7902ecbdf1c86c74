import type { NodeMessage, PageMessage } from '@lore/collab';
import { describe, expect, it } from 'vitest';
import {
  decodeNodeMessage,
  decodePageMessage,
  encodeNodeMessage,
  encodePageMessage,
  RelayMessageFormatError,
} from './relayMessageCodec';

describe('relay message codec', () => {
  it('round-trips every page message, bytes unchanged', () => {
    const messages: PageMessage[] = [
      {
        kind: 'updates',
        pageId: 'pâge-1',
        origin: 'node-a',
        firstSeq: 1,
        lastSeq: 2 ** 40,
        updates: [new Uint8Array([0, 255, 0xc3, 0x28]), new Uint8Array(0)],
      },
      { kind: 'awareness', pageId: 'p', origin: 'n', update: new Uint8Array([0, 1, 2]) },
      { kind: 'awareness-query', pageId: 'p', origin: 'n' },
    ];
    for (const message of messages) {
      expect(decodePageMessage(encodePageMessage(message))).toEqual(message);
    }
  });

  it('round-trips every node message', () => {
    const messages: NodeMessage[] = [
      { kind: 'heartbeat', origin: 'a' },
      { kind: 'leaving', origin: 'a' },
      { kind: 'close-document', origin: 'a', pageId: 'p', code: 4404, reason: 'page deleted' },
      { kind: 'recheck-access', origin: 'a', userId: null, pageId: 'p' },
      { kind: 'recheck-access', origin: 'a', userId: 'u', pageId: null },
    ];
    for (const message of messages) {
      expect(decodeNodeMessage(encodeNodeMessage(message))).toEqual(message);
    }
  });

  it('refuses truncated, padded and foreign messages', () => {
    const bytes = encodePageMessage({
      kind: 'updates',
      pageId: 'p',
      origin: 'n',
      firstSeq: 3,
      lastSeq: 3,
      updates: [new Uint8Array([1, 2, 3, 4])],
    });
    expect(() => decodePageMessage(bytes.subarray(0, bytes.length - 1))).toThrow(
      RelayMessageFormatError,
    );
    expect(() => decodePageMessage(new Uint8Array([...bytes, 0]))).toThrow(RelayMessageFormatError);
    expect(() => decodePageMessage(new TextEncoder().encode('{"kind":"updates"}'))).toThrow(
      RelayMessageFormatError,
    );
    expect(() => decodeNodeMessage(new Uint8Array([1, 9, 0]))).toThrow(RelayMessageFormatError);
  });
});
