import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { waitUntil } from '../scenarios/waitUntil';
import type { ClientSpec } from './ClientSpec';
import { readUpdateMeta } from './readUpdateMeta';
import type { Typist } from './Typist';

/** y-protocols message and sync-step numbers; Hocuspocus adds its own message types. */
const messageSync = 0;
const hocuspocusAuth = 2;
const hocuspocusSyncReply = 4;
const syncStep1 = 0;
const syncStep2 = 1;
const syncUpdate = 2;
const remoteOrigin = Symbol('remote');

/**
 * A typing client that speaks the sync protocol itself instead of through a provider: it syncs
 * the page once, then types into its own copy and sends each keystroke as an ordinary update,
 * but it does not merge the keystrokes of others into its copy — it only reads who typed what
 * from each incoming update's header. A large fan-out then measures the server's relay rather
 * than the load generator's Yjs work: a hundred full clients each merging a thousand updates a
 * second would need more cores than the machine has. What it sends is exactly what a provider
 * sends for the same edit (a concurrent insert, as far as the others can tell), and the scenario
 * keeps a few full provider clients to prove that every server converges.
 */
export class ProtocolTypist implements Typist {
  readonly doc = new Y.Doc();
  readonly #socket: WebSocket;
  /** Hocuspocus prefixes every message with the document name. */
  readonly #documentName: string | null;
  readonly #listeners: ((update: Uint8Array) => void)[] = [];
  #synced = false;
  #failure: string | null = null;

  constructor(spec: ClientSpec) {
    if (spec.kind === 'y-websocket') {
      const url = new URL(`${spec.serverUrl.replace(/\/$/, '')}/${encodeURIComponent(spec.room)}`);
      for (const [name, value] of Object.entries(spec.params)) url.searchParams.set(name, value);
      this.#socket = new WebSocket(url);
      this.#documentName = null;
    } else {
      this.#socket = new WebSocket(spec.url);
      this.#documentName = spec.name;
    }
    this.#socket.binaryType = 'nodebuffer';
    this.#socket.on('open', () => this.#onOpen());
    this.#socket.on('message', (data: Buffer) => this.#onMessage(new Uint8Array(data)));
    this.#socket.on('close', (code, reason) => {
      this.#failure ??= `the connection closed (${code} ${reason.toString()})`;
    });
    this.#socket.on('error', (error) => {
      this.#failure ??= error.message;
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === remoteOrigin) return;
      this.#send((encoder) => {
        encoding.writeVarUint(encoder, syncUpdate);
        encoding.writeVarUint8Array(encoder, update);
      }, messageSync);
    });
  }

  get synced(): boolean {
    return this.#synced;
  }

  /** Why the connection ended, if it did (the typist does not reconnect). */
  get failure(): string | null {
    return this.#failure;
  }

  whenSynced(timeoutMs = 30_000): Promise<void> {
    return waitUntil(
      () => {
        if (this.#failure && !this.#synced) throw new Error(this.#failure);
        return this.#synced;
      },
      'the sync handshake',
      timeoutMs,
      2,
    );
  }

  onRemoteUpdate(listener: (update: Uint8Array) => void): void {
    this.#listeners.push(listener);
  }

  destroy(): void {
    this.#failure ??= 'closed by the client';
    this.#socket.close();
    this.doc.destroy();
  }

  #onOpen(): void {
    if (this.#documentName !== null) {
      // Hocuspocus' authentication message; an empty token where the server asks for none.
      this.#send((encoder) => {
        encoding.writeVarUint(encoder, 0);
        encoding.writeVarString(encoder, '');
      }, hocuspocusAuth);
    }
    this.#send((encoder) => {
      encoding.writeVarUint(encoder, syncStep1);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.doc));
    }, messageSync);
  }

  #send(write: (encoder: encoding.Encoder) => void, messageType: number): void {
    if (this.#socket.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    if (this.#documentName !== null) encoding.writeVarString(encoder, this.#documentName);
    encoding.writeVarUint(encoder, messageType);
    write(encoder);
    this.#socket.send(encoding.toUint8Array(encoder));
  }

  #onMessage(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    if (this.#documentName !== null) decoding.readVarString(decoder);
    const messageType = decoding.readVarUint(decoder);
    // Awareness, authentication replies and sync-status acknowledgements carry nothing to type on.
    if (messageType !== messageSync && messageType !== hocuspocusSyncReply) return;
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === syncStep1) {
      this.#send((encoder) => {
        encoding.writeVarUint(encoder, syncStep2);
        encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, payload));
      }, messageSync);
    } else if (!this.#synced && step === syncStep2) {
      Y.applyUpdate(this.doc, payload, remoteOrigin);
      this.#synced = true;
    } else if (this.#synced && (step === syncUpdate || step === syncStep2)) {
      // Some servers echo each update to its sender too; a provider would find it known already.
      const { to } = readUpdateMeta(payload);
      if (to.size === 1 && to.has(this.doc.clientID)) return;
      for (const listener of this.#listeners) listener(payload);
    }
  }
}
