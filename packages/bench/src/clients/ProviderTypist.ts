import type * as Y from 'yjs';
import type { BenchClient } from './BenchClient';
import type { Typist } from './Typist';

/** A stock provider client as a {@link Typist}: it merges every remote keystroke into its document. */
export class ProviderTypist implements Typist {
  readonly #client: BenchClient;

  constructor(client: BenchClient) {
    this.#client = client;
  }

  get doc(): Y.Doc {
    return this.#client.doc;
  }

  /** The provider reconnects and resends by itself. */
  get failure(): string | null {
    return null;
  }

  whenSynced(timeoutMs?: number): Promise<void> {
    return this.#client.whenSynced(timeoutMs);
  }

  onRemoteUpdate(listener: (update: Uint8Array) => void): void {
    this.#client.doc.on(
      'update',
      (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
        if (!transaction.local) listener(update);
      },
    );
  }

  destroy(): void {
    this.#client.destroy();
  }
}
