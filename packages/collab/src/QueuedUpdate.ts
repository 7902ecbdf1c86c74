import type { Connection } from './Connection';

/**
 * A change that passed validation on the scratch copy and waits for the store. Nothing outside
 * the scratch copy has seen it yet: it is relayed, applied and acknowledged only once the store
 * holds it (see `CommitPipeline`).
 */
export interface QueuedUpdate {
  /** The update as the scratch document emitted it: only what was new, never a no-op. */
  readonly update: Uint8Array;
  /** The connection it came from (not echoed back to it), or null for a server-side change. */
  readonly from: Connection | null;
  /** Transaction origin when it is applied to the room document. */
  readonly origin: unknown;
  /** Yjs clients whose new structs the update carries, for `onAccepted`. */
  readonly clientIds: readonly number[];
  /** A server-side write waiting for this change: resolved once it is durable and applied. */
  readonly settle?: { resolve(): void; reject(error: unknown): void };
}
