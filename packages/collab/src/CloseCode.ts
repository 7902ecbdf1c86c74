/**
 * Websocket close codes the collaboration server uses. The stock `y-websocket` provider treats
 * 4400–4499 as permanent (it stops reconnecting and emits `closed`) and everything else as
 * transient (it reconnects with backoff and resyncs through state vectors, so nothing is lost).
 */
export const CloseCode = {
  /** The server is shutting down or the room was closed for maintenance; reconnect later. */
  GoingAway: 1001,
  /** Something failed on the server (e.g. the store); the client reconnects and resyncs. */
  InternalError: 1011,
  /** The client reads too slowly: its unsent backlog passed `maxBufferedBytes`. */
  TryAgainLater: 1013,
  /** Not the y-websocket protocol: garbage, truncated varints, unknown types, text frames. */
  BadMessage: 4400,
  /** No valid session or token (used by the wiring before the socket reaches the room). */
  Unauthorized: 4401,
  /** The user may not open this page (used by the wiring; also after a permission change). */
  Forbidden: 4403,
  /** The page does not exist or was deleted. */
  NotFound: 4404,
  /** A frame larger than `maxMessageBytes`. */
  MessageTooLarge: 4413,
  /** A well-framed sync message whose Yjs update is malformed, cannot be applied, or is refused. */
  InvalidUpdate: 4422,
  /** Too many connections in the room, or too much sent before the room finished loading. */
  TooMany: 4429,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
