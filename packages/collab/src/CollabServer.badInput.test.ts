import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from './CloseCode';
import {
  type CollabHarness,
  readThroughNewClient,
  startCollabHarness,
  type TestClient,
  tempDatabasePath,
} from './test/collabTestHarness';
import { waitUntil } from './test/waitUntil';

const frame = (...parts: ((encoder: encoding.Encoder) => void)[]) => {
  const encoder = encoding.createEncoder();
  for (const part of parts) part(encoder);
  return encoding.toUint8Array(encoder);
};
const uint = (value: number) => (encoder: encoding.Encoder) =>
  encoding.writeVarUint(encoder, value);
const bytes = (value: Uint8Array) => (encoder: encoding.Encoder) =>
  encoding.writeVarUint8Array(encoder, value);
const raw = (value: Uint8Array) => (encoder: encoding.Encoder) =>
  encoding.writeUint8Array(encoder, value);

const awarenessUpdate = (json: string) =>
  frame(uint(1), uint(12345), uint(1), (encoder) => encoding.writeVarString(encoder, json));

let server: CollabHarness;
let removeDb: () => void;
let writer: TestClient;
let reader: TestClient;

beforeEach(async () => {
  const temp = tempDatabasePath();
  removeDb = temp.remove;
  server = await startCollabHarness({ dbPath: temp.path });
  writer = server.client('page-1');
  reader = server.client('page-1');
  await Promise.all([writer.synced(), reader.synced()]);
  writer.doc.getText('text').insert(0, 'intact');
  await waitUntil(() => reader.doc.getText('text').toString() === 'intact', 'the first edit');
});

afterEach(async () => {
  if (server.db.open) await server.close();
  removeDb();
});

/** After bad input: the other clients keep working and nothing bad reached the store. */
async function expectRoomHealthy(expectedText: string): Promise<void> {
  writer.doc.getText('text').insert(writer.doc.getText('text').length, '+');
  await waitUntil(
    () => reader.doc.getText('text').toString() === `${expectedText}+`,
    'an edit after the bad input to reach the reader',
  );
  expect(await readThroughNewClient(server, 'page-1')).toBe(`${expectedText}+`);
  await waitUntil(
    () => server.collab.connections('page-1').length === 2,
    'only the writer and the reader to remain connected',
  );
  expect(server.errors).toEqual([]);
}

async function sendAndExpectClose(message: Uint8Array | string, code: number): Promise<void> {
  const socket = await server.rawSocket('page-1');
  socket.socket.send(message);
  const closed = await socket.closed;
  expect(closed.code).toBe(code);
}

describe('CollabServer against bad input', () => {
  const protocolErrors: [string, Uint8Array][] = [
    ['a garbage frame (truncated varint)', Uint8Array.from([0xff, 0xff, 0xff])],
    ['an empty frame', new Uint8Array(0)],
    ['an unknown message type', frame(uint(7))],
    ['an auth message, which only servers send', frame(uint(2), uint(0), bytes(new Uint8Array(1)))],
    ['an unknown sync message type', frame(uint(0), uint(9), bytes(new Uint8Array(2)))],
    [
      'a sync payload longer than the frame',
      frame(uint(0), uint(2), uint(1000), raw(new Uint8Array(3))),
    ],
    ['a truncated payload length', frame(uint(0), uint(2), raw(Uint8Array.from([0x80, 0x80])))],
    ['trailing bytes after a message', frame(uint(3), raw(Uint8Array.from([1, 2])))],
    ['a malformed state vector', frame(uint(0), uint(0), bytes(Uint8Array.from([5, 0x80])))],
    ['awareness that is not JSON', frame(uint(1), bytes(awarenessUpdate('{nope')))],
    ['awareness whose state is not an object', frame(uint(1), bytes(awarenessUpdate('42')))],
    ['a truncated awareness update', frame(uint(1), bytes(Uint8Array.from([3, 1])))],
  ];

  for (const [name, message] of protocolErrors) {
    it(`closes with 4400 on ${name}`, async () => {
      await sendAndExpectClose(message, CloseCode.BadMessage);
      await expectRoomHealthy('intact');
    });
  }

  it('closes with 4400 on a text frame', async () => {
    await sendAndExpectClose('hello', CloseCode.BadMessage);
    await expectRoomHealthy('intact');
  });

  it('closes with 4422 on an update that is not Yjs, and stores nothing', async () => {
    const before = await server.store.stats('page-1');
    await sendAndExpectClose(
      frame(uint(0), uint(2), bytes(Uint8Array.from([1, 2, 3, 250, 250, 250]))),
      CloseCode.InvalidUpdate,
    );
    await sendAndExpectClose(
      frame(uint(0), uint(1), bytes(Uint8Array.from([9]))),
      CloseCode.InvalidUpdate,
    );
    expect(await server.store.stats('page-1')).toEqual(before);
    await expectRoomHealthy('intact');
  });

  it('closes with 4422 on an update that fails halfway through, and keeps none of it', async () => {
    // Valid new text followed by a truncated delete set: the text reads and integrates before the
    // delete set fails to read, so the room must drop what the update changed before it failed.
    const forged = new Y.Doc();
    forged.getText('text').insert(0, 'forged ');
    const valid = Y.encodeStateAsUpdate(forged);
    expect(valid.at(-1)).toBe(0); // the empty delete set
    const broken = Uint8Array.from([...valid.subarray(0, -1), 5, 0xff]);
    expect(() => Y.applyUpdate(new Y.Doc(), broken)).toThrow();
    const before = await server.store.stats('page-1');
    await sendAndExpectClose(frame(uint(0), uint(2), bytes(broken)), CloseCode.InvalidUpdate);
    expect(await server.store.stats('page-1')).toEqual(before);
    // The same text, sent whole this time, is new to the room and must be accepted, not taken
    // for known because a half-applied copy of it lingers somewhere. Where it lands relative to
    // "intact" depends on the two random client ids, so the expected text is computed.
    const expected = new Y.Doc();
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(reader.doc));
    Y.applyUpdate(expected, valid);
    const expectedText = expected.getText('text').toString();
    expect(expectedText).toContain('forged ');
    const resend = await server.rawSocket('page-1');
    resend.socket.send(frame(uint(0), uint(2), bytes(valid)));
    await waitUntil(
      () => reader.doc.getText('text').toString() === expectedText,
      'the whole update to reach the reader',
    );
    resend.socket.close();
    await expectRoomHealthy(expectedText);
  });

  it('closes with 4413 on a frame above maxMessageBytes', async () => {
    const huge = new Uint8Array(8 * 1024 * 1024 + 1);
    await sendAndExpectClose(huge, CloseCode.MessageTooLarge);
    await expectRoomHealthy('intact');
  });

  it('survives mutated Yjs updates: refuses the broken ones, stays consistent with the store', async () => {
    const source = new Y.Doc();
    Y.applyUpdate(source, Y.encodeStateAsUpdate(reader.doc));
    const stateVector = Y.encodeStateVector(source);
    source.getText('text').insert(3, ' mutated ');
    source.getText('text').delete(0, 1);
    source.getMap('meta').set('title', 'Fuzz');
    const fragment = source.getXmlFragment('default');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('body')]);
    fragment.insert(0, [paragraph]);
    const delta = Y.encodeStateAsUpdate(source, stateVector);

    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const codes = new Map<number, number>();
    for (let round = 0; round < 120; round++) {
      const mutated = delta.slice();
      const flips = 1 + Math.floor(random() * 3);
      for (let flip = 0; flip < flips; flip++) {
        mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
      }
      const socket = await server.rawSocket('page-1');
      socket.socket.send(frame(uint(0), uint(2), bytes(mutated)));
      // A query round-trip tells us the update was handled when the socket stays open.
      socket.socket.send(frame(uint(3)));
      const outcome = await Promise.race([
        socket.closed.then((closed) => closed.code),
        waitUntil(() => socket.received.some((message) => message[0] === 1), 'reply').then(() => 0),
      ]);
      codes.set(outcome, (codes.get(outcome) ?? 0) + 1);
      socket.socket.close();
    }
    expect([...codes.keys()].every((code) => code === 0 || code === CloseCode.InvalidUpdate)).toBe(
      true,
    );
    expect(codes.get(CloseCode.InvalidUpdate)).toBeGreaterThan(10);

    // Whatever was accepted is exactly what the store holds: a restart shows the same document.
    await waitUntil(
      () => reader.doc.getText('text').toString() === writer.doc.getText('text').toString(),
      'clients to agree',
    );
    const live = Y.encodeStateAsUpdate(await server.collab.getDocument('page-1'));
    const liveDoc = new Y.Doc();
    Y.applyUpdate(liveDoc, live);
    const expected = liveDoc.getText('text').toString();
    const path = server.dbPath;
    await server.close();
    server = await startCollabHarness({ dbPath: path });
    const reloaded = await server.collab.getDocument('page-1');
    expect(reloaded.getText('text').toString()).toBe(expected);
    expect(reloaded.getMap('meta').toJSON()).toEqual(liveDoc.getMap('meta').toJSON());
  });
});
