import type * as Y from 'yjs';

/** A client of the fan-out scenario: it types into `doc` and hears of everyone else's keystrokes. */
export interface Typist {
  /** Where this client types; what else it holds depends on the kind of client. */
  readonly doc: Y.Doc;
  whenSynced(timeoutMs?: number): Promise<void>;
  /** Called with each update from another client, as it arrives. */
  onRemoteUpdate(listener: (update: Uint8Array) => void): void;
  /** Set when the connection ended for good: later keystrokes reach no one. */
  readonly failure: string | null;
  destroy(): void;
}
