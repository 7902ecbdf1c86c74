import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Connection } from './Connection';
import { decodeClientMessage } from './protocol/decodeClientMessage';
import type { QueuedUpdate } from './QueuedUpdate';
import { relayBatch } from './relayBatch';
import type { SocketLike } from './SocketLike';

/** A connection over a socket that keeps what it was sent. */
function recordingConnection(): { connection: Connection; sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  const socket: SocketLike = {
    send: (data) => sent.push(data),
    close: () => {},
    on: () => undefined,
  };
  const connection = new Connection(
    socket,
    { docId: 'doc', canWrite: true, context: null },
    { maxMessageBytes: 1 << 20, maxPendingBytes: 1 << 20, maxBufferedBytes: 1 << 20 },
    () => {},
  );
  return { connection, sent };
}

/** `count` one-character insertions, each as the update it emitted, all from `from`. */
function typed(count: number, from: Connection, doc = new Y.Doc()): QueuedUpdate[] {
  const queued: QueuedUpdate[] = [];
  doc.on('update', (update: Uint8Array) =>
    queued.push({ update, from, origin: from, clientIds: [] }),
  );
  for (let index = 0; index < count; index++) doc.getText('text').insert(index, 'x');
  return queued;
}

/** The text a fresh document holds after applying every relayed message. */
function textOf(messages: readonly Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const frame of messages) {
    const message = decodeClientMessage(frame);
    if (message.kind !== 'update') throw new Error(`expected an update, got ${message.kind}`);
    Y.applyUpdate(doc, message.update);
  }
  return doc.getText('text').toString();
}

describe('relayBatch', () => {
  it('sends a run to everyone but its only sender, merged into one message', () => {
    const alice = recordingConnection();
    const bob = recordingConnection();
    relayBatch(typed(5, alice.connection), [alice.connection, bob.connection]);
    expect(alice.sent).toHaveLength(0);
    expect(bob.sent).toHaveLength(1);
    expect(textOf(bob.sent)).toBe('xxxxx');
  });

  it('sends a run with several senders to each of them too', () => {
    const alice = recordingConnection();
    const bob = recordingConnection();
    const doc = new Y.Doc();
    const batch = [...typed(2, alice.connection, doc), ...typed(2, bob.connection, doc)];
    relayBatch(batch, [alice.connection, bob.connection]);
    expect(alice.sent).toHaveLength(1);
    expect(bob.sent).toHaveLength(1);
    expect(alice.sent[0]).toBe(bob.sent[0]);
    expect(textOf(bob.sent)).toBe('xxxx');
  });

  it('merges at most 32 updates per message, skipping the sender per run', () => {
    const alice = recordingConnection();
    const bob = recordingConnection();
    const doc = new Y.Doc();
    // The first run of 32 is all Alice's; the second mixes her last update with Bob's.
    const batch = [...typed(33, alice.connection, doc), ...typed(1, bob.connection, doc)];
    relayBatch(batch, [alice.connection, bob.connection]);
    expect(alice.sent).toHaveLength(1);
    expect(bob.sent).toHaveLength(2);
    expect(textOf(bob.sent)).toHaveLength(34);
  });
});
