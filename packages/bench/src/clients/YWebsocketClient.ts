import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { waitUntil } from '../scenarios/waitUntil';
import type { BenchClient } from './BenchClient';

/** The stock y-websocket (v3) provider, as Lore's editor and the reference server's clients use it. */
export class YWebsocketClient implements BenchClient {
  readonly doc: Y.Doc;
  #destroyed = false;
  #firstMessageAt: number | null = null;
  readonly #provider: WebsocketProvider;

  constructor(serverUrl: string, room: string, params: Record<string, string> = {}) {
    this.doc = new Y.Doc();
    this.#provider = new WebsocketProvider(serverUrl, room, this.doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params,
    });
    // Ahead of the provider's own handler, which applies the message before returning.
    (this.#provider.ws as unknown as WebSocket | null)?.prependOnceListener('message', () => {
      this.#firstMessageAt = performance.now();
    });
  }

  /**
   * `performance.now()` when the first message of the first connection arrived (before the
   * provider handled it), or null.
   */
  get firstMessageAt(): number | null {
    return this.#firstMessageAt;
  }

  get origin(): unknown {
    return this.#provider;
  }

  get synced(): boolean {
    return this.#provider.synced;
  }

  whenSynced(timeoutMs = 30_000): Promise<void> {
    return waitUntil(() => this.#provider.synced, 'the sync handshake', timeoutMs, 2);
  }

  disconnect(): void {
    this.#provider.disconnect();
  }

  connect(): void {
    this.#provider.connect();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#provider.destroy();
    this.doc.destroy();
  }
}
