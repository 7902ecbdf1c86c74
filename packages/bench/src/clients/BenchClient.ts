import type * as Y from 'yjs';

/** One real Yjs client connected to a server under test through that server's stock provider. */
export interface BenchClient {
  readonly doc: Y.Doc;
  /** The provider: updates it applies carry it as transaction origin. */
  readonly origin: unknown;
  /** True after a completed sync handshake on the current connection. */
  readonly synced: boolean;
  /** Resolves once `synced`; rejects after `timeoutMs`. */
  whenSynced(timeoutMs?: number): Promise<void>;
  /** Closes the connection and stops reconnecting until `connect()`. */
  disconnect(): void;
  connect(): void;
  /** Closes the connection for good and frees the document. */
  destroy(): void;
}
