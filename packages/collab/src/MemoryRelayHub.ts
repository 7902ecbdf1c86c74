import { MemoryRoomRelay } from './MemoryRoomRelay';
import type { NodeMessage, PageMessage } from './RoomRelay';

/**
 * The in-memory broker behind {@link MemoryRoomRelay}: several collaboration servers in one
 * process (tests, a single-process demo of the cluster code paths) each get a relay from the same
 * hub. Delivery is asynchronous, like a network, and in publish order. `available = false`
 * simulates an outage: publishing rejects and nothing is delivered until it is back.
 */
export class MemoryRelayHub {
  readonly #relays = new Set<MemoryRoomRelay>();
  #available = true;

  /** A new relay on this hub, as a process connecting to the broker. */
  connect(): MemoryRoomRelay {
    const relay = new MemoryRoomRelay(this);
    this.#relays.add(relay);
    return relay;
  }

  get available(): boolean {
    return this.#available;
  }

  /** Starts or ends a simulated outage; every relay tells its listener. */
  set available(available: boolean) {
    if (available === this.#available) return;
    this.#available = available;
    for (const relay of this.#relays) relay.availabilityChanged(available);
  }

  /** @internal Called by a relay that publishes. */
  deliverPage(message: PageMessage): void {
    this.#deliver((relay) => relay.receivePage(message));
  }

  /** @internal Called by a relay that publishes. */
  deliverNode(message: NodeMessage): void {
    this.#deliver((relay) => relay.receiveNode(message));
  }

  /** @internal */
  disconnect(relay: MemoryRoomRelay): void {
    this.#relays.delete(relay);
  }

  #deliver(to: (relay: MemoryRoomRelay) => void): void {
    const relays = [...this.#relays];
    setImmediate(() => {
      if (!this.#available) return;
      for (const relay of relays) to(relay);
    });
  }
}
