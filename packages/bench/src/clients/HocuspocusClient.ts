import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { waitUntil } from '../scenarios/waitUntil';
import type { BenchClient } from './BenchClient';

/**
 * The stock Hocuspocus provider: Yjs sync and awareness wrapped in Hocuspocus' own framing
 * (document name prefix, authentication message, sync-status acknowledgements). One websocket
 * per client, like the other servers' clients.
 */
export class HocuspocusClient implements BenchClient {
  readonly doc: Y.Doc;
  #destroyed = false;
  readonly #socket: HocuspocusProviderWebsocket;
  readonly #provider: HocuspocusProvider;

  constructor(url: string, name: string) {
    this.doc = new Y.Doc();
    this.#socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
    this.#provider = new HocuspocusProvider({
      websocketProvider: this.#socket,
      name,
      document: this.doc,
    });
    this.#provider.attach();
  }

  get origin(): unknown {
    return this.#provider;
  }

  get synced(): boolean {
    return this.#provider.isSynced;
  }

  whenSynced(timeoutMs = 30_000): Promise<void> {
    return waitUntil(() => this.#provider.isSynced, 'the sync handshake', timeoutMs, 2);
  }

  disconnect(): void {
    this.#socket.disconnect();
  }

  connect(): void {
    void this.#socket.connect();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#provider.destroy();
    this.#socket.destroy();
    this.doc.destroy();
  }
}
