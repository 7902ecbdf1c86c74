import type { MemoryRelayHub } from './MemoryRelayHub';
import type {
  NodeMessage,
  PageMessage,
  RelayListener,
  RelaySubscription,
  RoomRelay,
} from './RoomRelay';

/** Each subscriber gets its own bytes, as over a network: nobody can change another's copy. */
const copyPage = (message: PageMessage): PageMessage => {
  switch (message.kind) {
    case 'updates':
      return { ...message, updates: message.updates.map((update) => update.slice()) };
    case 'awareness':
      return { ...message, update: message.update.slice() };
    default:
      return { ...message };
  }
};

/** A {@link RoomRelay} through a {@link MemoryRelayHub}; get one with `hub.connect()`. */
export class MemoryRoomRelay implements RoomRelay {
  readonly #hub: MemoryRelayHub;
  readonly #pages = new Map<string, Set<(message: PageMessage) => void>>();
  #listener: RelayListener | null = null;
  #closed = false;

  constructor(hub: MemoryRelayHub) {
    this.#hub = hub;
  }

  get available(): boolean {
    return this.#hub.available && !this.#closed;
  }

  listen(listener: RelayListener): void {
    this.#listener = listener;
  }

  subscribePage(pageId: string, listener: (message: PageMessage) => void): RelaySubscription {
    let listeners = this.#pages.get(pageId);
    if (!listeners) {
      listeners = new Set();
      this.#pages.set(pageId, listeners);
    }
    // Each subscription is its own entry, even for the same function.
    const entry = (message: PageMessage) => listener(message);
    listeners.add(entry);
    return {
      ready: Promise.resolve(),
      close: async () => {
        const current = this.#pages.get(pageId);
        current?.delete(entry);
        if (current?.size === 0) this.#pages.delete(pageId);
      },
    };
  }

  async publishPage(message: PageMessage): Promise<void> {
    this.#assertAvailable();
    this.#hub.deliverPage(copyPage(message));
  }

  async publishNode(message: NodeMessage): Promise<void> {
    this.#assertAvailable();
    this.#hub.deliverNode({ ...message });
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#pages.clear();
    this.#listener = null;
    this.#hub.disconnect(this);
  }

  /** @internal */
  receivePage(message: PageMessage): void {
    for (const listener of [...(this.#pages.get(message.pageId) ?? [])]) {
      listener(copyPage(message));
    }
  }

  /** @internal */
  receiveNode(message: NodeMessage): void {
    this.#listener?.node({ ...message });
  }

  /** @internal */
  availabilityChanged(available: boolean): void {
    this.#listener?.availability(available);
  }

  #assertAvailable(): void {
    if (!this.available) throw new Error('The relay is unavailable.');
  }
}
