import { CloseCode } from './CloseCode';
import type { CollabConnection } from './CollabConnection';
import { CollabProtocolError } from './CollabProtocolError';
import type { SocketData, SocketLike } from './SocketLike';

/** The room side of a connection; kept as an interface so rooms and connections do not import each other. */
export interface ConnectionHost {
  /** Handles one decoded-size-checked frame; throws `CollabProtocolError` for bad input. */
  receive(connection: Connection, frame: Uint8Array): void;
  leave(connection: Connection): void;
  /** The connection was granted write access: ask it for what it has that the room lacks. */
  resync(connection: Connection): void;
}

export interface ConnectionLimits {
  readonly maxMessageBytes: number;
  /** Frames received before the room finished loading, in bytes. */
  readonly maxPendingBytes: number;
  readonly maxBufferedBytes: number;
}

const MAX_REASON_BYTES = 123;

const frameLength = (data: SocketData): number =>
  Array.isArray(data)
    ? (data as readonly Uint8Array[]).reduce((sum, part) => sum + part.byteLength, 0)
    : (data as Uint8Array | ArrayBuffer).byteLength;

/** A private copy: transports may hand out views into buffers shared with other frames. */
const copyFrame = (data: SocketData): Uint8Array => {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (data instanceof Uint8Array) return new Uint8Array(data);
  const frame = new Uint8Array(frameLength(data));
  let offset = 0;
  for (const part of data as readonly Uint8Array[]) {
    frame.set(part, offset);
    offset += part.byteLength;
  }
  return frame;
};

const truncateReason = (reason: string): string => {
  const encoded = Buffer.from(reason, 'utf8');
  if (encoded.byteLength <= MAX_REASON_BYTES) return reason;
  const cut = encoded
    .subarray(0, MAX_REASON_BYTES - 3)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  return `${cut}...`;
};

/** Wraps one socket: size limits, buffering until the room is live, error-to-close-code mapping. */
export class Connection<TContext = unknown> implements CollabConnection<TContext> {
  readonly docId: string;
  readonly context: TContext;
  /** Awareness client ids this connection announced; removed from the room when it closes. */
  readonly awarenessClients = new Set<number>();
  readonly #socket: SocketLike;
  readonly #limits: ConnectionLimits;
  readonly #reportError: (error: unknown) => void;
  #canWrite: boolean;
  #host: ConnectionHost | null = null;
  #started = false;
  #closed = false;
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;

  constructor(
    socket: SocketLike,
    init: { docId: string; canWrite: boolean; context: TContext },
    limits: ConnectionLimits,
    reportError: (error: unknown) => void,
  ) {
    this.#socket = socket;
    this.docId = init.docId;
    this.#canWrite = init.canWrite;
    this.context = init.context;
    this.#limits = limits;
    this.#reportError = reportError;
    socket.on('message', (data, isBinary) => this.#onMessage(data, isBinary));
    socket.on('close', () => this.#onSocketClosed());
    // A transport error is followed by 'close'; listening keeps it from becoming an uncaught error.
    socket.on('error', () => {});
    // Handed over after it already closed: 'close' will never fire, so never join a room.
    if ((socket.readyState ?? 1) >= 2) this.#closed = true;
  }

  get canWrite(): boolean {
    return this.#canWrite;
  }

  set canWrite(canWrite: boolean) {
    const granted = canWrite && !this.#canWrite;
    this.#canWrite = canWrite;
    if (granted && this.#started && !this.#closed) this.#host?.resync(this);
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Hands the connection to its room; frames keep buffering until `start`. */
  attach(host: ConnectionHost): void {
    this.#host = host;
  }

  /** The room is live: handle the frames that arrived while it was loading, then every new one. */
  start(): void {
    if (this.#closed || this.#started) return;
    this.#started = true;
    const pending = this.#pending;
    this.#pending = [];
    this.#pendingBytes = 0;
    for (const frame of pending) {
      if (this.#closed) return;
      this.#handle(frame);
    }
  }

  send(message: Uint8Array): void {
    if (this.#closed) return;
    if ((this.#socket.bufferedAmount ?? 0) > this.#limits.maxBufferedBytes) {
      this.close(CloseCode.TryAgainLater, 'client is not reading fast enough');
      return;
    }
    try {
      this.#socket.send(message);
    } catch (error) {
      this.#reportError(error);
      this.close(CloseCode.InternalError, 'send failed');
    }
  }

  close(code: number, reason = ''): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#pending = [];
    try {
      this.#socket.close(code, truncateReason(reason));
    } catch (error) {
      this.#reportError(error);
    }
    this.#host?.leave(this);
  }

  #onMessage(data: SocketData, isBinary: boolean): void {
    if (this.#closed) return;
    if (isBinary === false) {
      this.close(CloseCode.BadMessage, 'text frames are not part of the protocol');
      return;
    }
    const length = frameLength(data);
    if (length > this.#limits.maxMessageBytes) {
      this.close(
        CloseCode.MessageTooLarge,
        `message of ${length} bytes exceeds ${this.#limits.maxMessageBytes}`,
      );
      return;
    }
    const frame = copyFrame(data);
    if (!this.#started) {
      this.#pendingBytes += frame.byteLength;
      if (this.#pendingBytes > this.#limits.maxPendingBytes) {
        this.close(CloseCode.TooMany, 'too much data before the document was ready');
        return;
      }
      this.#pending.push(frame);
      return;
    }
    this.#handle(frame);
  }

  #handle(frame: Uint8Array): void {
    try {
      this.#host?.receive(this, frame);
    } catch (error) {
      if (error instanceof CollabProtocolError) {
        this.close(error.code, error.message);
      } else {
        this.#reportError(error);
        this.close(CloseCode.InternalError, 'internal error');
      }
    }
  }

  #onSocketClosed(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#pending = [];
    this.#host?.leave(this);
  }
}
