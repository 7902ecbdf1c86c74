import type { CloseCode } from './CloseCode';

/** Input that breaks the protocol; the connection is closed with `code` and `message` as reason. */
export class CollabProtocolError extends Error {
  constructor(
    readonly code: CloseCode,
    message: string,
  ) {
    super(message);
    this.name = 'CollabProtocolError';
  }
}
