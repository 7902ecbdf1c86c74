/** What a transport hands over per frame: `ws` gives a Buffer, browsers an ArrayBuffer. */
export type SocketData = Uint8Array | ArrayBuffer | readonly Uint8Array[];

/**
 * The little the collaboration server needs from a websocket. A `ws` `WebSocket` fits as is;
 * other transports can adapt to it in a few lines.
 */
export interface SocketLike {
  /** Bytes queued but not yet sent, used for backpressure when the transport reports it. */
  readonly bufferedAmount?: number;
  /** WebSocket ready state when the transport reports it: 2 (closing) or 3 (closed) is refused. */
  readonly readyState?: number;
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  on(event: 'message', listener: (data: SocketData, isBinary: boolean) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}
