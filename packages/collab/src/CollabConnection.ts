import type { CloseCode } from './CloseCode';

/** One client's websocket in a room, as the embedding server sees it. */
export interface CollabConnection<TContext = unknown> {
  readonly docId: string;
  /** Whatever the wiring attached at connect time (e.g. the user id), for permission changes. */
  readonly context: TContext;
  /**
   * Whether sync step 2 and update messages from this connection are accepted. Read-only
   * connections still receive every change and may share presence; their document changes are
   * dropped without closing the socket (the stock provider sends a sync step 2 on every connect,
   * so closing would throw viewers into a reconnect loop). Assigning takes effect at once, which is
   * how a permission change reaches an open connection; granting write access also asks the client
   * (sync step 1) for the changes it has that the room lacks.
   */
  canWrite: boolean;
  readonly closed: boolean;
  /** Closes the socket with `code` (see `CloseCode`) and leaves the room. Idempotent. */
  close(code: CloseCode | number, reason?: string): void;
}
