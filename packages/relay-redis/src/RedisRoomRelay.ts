import type {
  NodeMessage,
  PageMessage,
  RelayListener,
  RelaySubscription,
  RoomRelay,
} from '@lore/collab';
import { createClient } from 'redis';
import {
  decodeNodeMessage,
  decodePageMessage,
  encodeNodeMessage,
  encodePageMessage,
} from './relayMessageCodec';

export interface RedisRoomRelayOptions {
  /** `redis://…` or `rediss://…`; or use `socketPath`. */
  readonly url?: string;
  /** A Unix socket to connect to instead of `url`. */
  readonly socketPath?: string;
  /** Starts every channel name, so several installations can share one Redis. Default `lore:`. */
  readonly channelPrefix?: string;
  /** Longest wait between reconnection attempts (the wait doubles up to it). Default 2 s. */
  readonly maxReconnectDelayMs?: number;
  /** Connection errors and messages that could not be read. Default: console.error. */
  readonly onError?: (error: unknown) => void;
}

type Client = ReturnType<typeof createClient>;

/** Waits between reconnection attempts: 50 ms doubling up to the cap, with some jitter. */
const backoff = (maxDelayMs: number) => (retries: number) => {
  const delay = Math.min(maxDelayMs, 50 * 2 ** Math.min(retries, 16));
  return Math.round(delay / 2 + (Math.random() * delay) / 2);
};

/**
 * The collaboration relay on Redis pub/sub, with the official `redis` client: one channel per
 * page (`<prefix>page:<pageId>`), one for every process (`<prefix>nodes`), binary payloads (see
 * `relayMessageCodec`). Two connections, as pub/sub requires: the subscriber queues what it is
 * asked while disconnected and subscribes again to everything after a reconnect; the publisher
 * fails at once while disconnected rather than queueing, since a late message is no better than
 * a lost one and the store holds everything anyway. Both reconnect with backoff, forever.
 */
export class RedisRoomRelay implements RoomRelay {
  readonly #publisher: Client;
  readonly #subscriber: Client;
  readonly #prefix: string;
  readonly #onError: (error: unknown) => void;
  #listener: RelayListener | null = null;
  #available = false;
  #closed = false;

  private constructor(options: RedisRoomRelayOptions) {
    this.#prefix = options.channelPrefix ?? 'lore:';
    this.#onError = options.onError ?? ((error) => console.error('redis relay error', error));
    const reconnectStrategy = backoff(options.maxReconnectDelayMs ?? 2_000);
    const socket = options.socketPath
      ? { path: options.socketPath, reconnectStrategy }
      : { reconnectStrategy };
    this.#publisher = createClient({
      ...(options.url ? { url: options.url } : {}),
      socket,
      disableOfflineQueue: true,
    });
    this.#subscriber = this.#publisher.duplicate({ disableOfflineQueue: false });
    for (const client of [this.#publisher, this.#subscriber]) {
      client.on('error', (error: unknown) => {
        this.#onError(error);
        this.#update();
      });
      for (const event of ['ready', 'end', 'reconnecting']) {
        client.on(event, () => this.#update());
      }
    }
  }

  /** Connects both connections, retrying with backoff until Redis answers. */
  static async connect(options: RedisRoomRelayOptions): Promise<RedisRoomRelay> {
    const relay = new RedisRoomRelay(options);
    await Promise.all([relay.#publisher.connect(), relay.#subscriber.connect()]);
    relay.#update();
    return relay;
  }

  /**
   * Starts connecting and returns at once: until Redis answers the relay is unavailable and the
   * collaboration server reads the store instead, so a process never waits for Redis to start.
   */
  static open(options: RedisRoomRelayOptions): RedisRoomRelay {
    const relay = new RedisRoomRelay(options);
    for (const client of [relay.#publisher, relay.#subscriber]) {
      client.connect().then(
        () => relay.#update(),
        (error: unknown) => relay.#onError(error),
      );
    }
    return relay;
  }

  get available(): boolean {
    return this.#available;
  }

  listen(listener: RelayListener): void {
    this.#listener = listener;
    this.#subscribe(`${this.#prefix}nodes`, (bytes) => listener.node(decodeNodeMessage(bytes)));
  }

  subscribePage(pageId: string, listener: (message: PageMessage) => void): RelaySubscription {
    const channel = `${this.#prefix}page:${pageId}`;
    const handler = this.#subscribe(channel, (bytes) => listener(decodePageMessage(bytes)));
    return {
      ready: handler.ready,
      close: async () => {
        if (this.#closed) return;
        // The client unsubscribes from the channel once its last listener is gone.
        await this.#subscriber.unsubscribe(channel, handler.listener, true).catch(this.#onError);
      },
    };
  }

  async publishPage(message: PageMessage): Promise<void> {
    await this.#publisher.publish(
      `${this.#prefix}page:${message.pageId}`,
      Buffer.from(encodePageMessage(message)),
    );
  }

  async publishNode(message: NodeMessage): Promise<void> {
    await this.#publisher.publish(`${this.#prefix}nodes`, Buffer.from(encodeNodeMessage(message)));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#listener = null;
    this.#available = false;
    await Promise.all(
      [this.#publisher, this.#subscriber].map(async (client) => {
        // A graceful close waits for what is in flight (a last goodbye), unless Redis is gone.
        if (client.isReady) await client.close().catch(() => client.destroy());
        else if (client.isOpen) client.destroy();
      }),
    );
  }

  /**
   * Subscribes `read` to a channel, as binary. While disconnected the subscription is queued, and
   * `ready` resolves at once: the rooms read the store meanwhile.
   */
  #subscribe(
    channel: string,
    read: (bytes: Uint8Array) => void,
  ): { ready: Promise<void>; listener: (message: Buffer) => void } {
    const listener = (message: Buffer) => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
        read(bytes);
      } catch (error) {
        this.#onError(error);
      }
    };
    const subscribed = this.#subscriber.subscribe(channel, listener, true);
    subscribed.catch(this.#onError);
    return { ready: this.#subscriber.isReady ? subscribed : Promise.resolve(), listener };
  }

  #update(): void {
    const available = !this.#closed && this.#publisher.isReady && this.#subscriber.isReady;
    if (available === this.#available) return;
    this.#available = available;
    this.#listener?.availability(available);
  }
}
