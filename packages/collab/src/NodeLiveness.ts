/**
 * When each other process was last heard from. A process not heard from for `timeoutMs` is
 * taken for gone: its heartbeats stopped (it died, or this process lost the relay).
 */
export class NodeLiveness {
  readonly #timeoutMs: number;
  readonly #now: () => number;
  readonly #lastSeen = new Map<string, number>();

  constructor(timeoutMs: number, now: () => number = () => performance.now()) {
    this.#timeoutMs = timeoutMs;
    this.#now = now;
  }

  seen(nodeId: string): void {
    this.#lastSeen.set(nodeId, this.#now());
  }

  /** Forgets a process (it said it was leaving). */
  forget(nodeId: string): void {
    this.#lastSeen.delete(nodeId);
  }

  /** The processes silent for longer than the timeout, forgotten as they are returned. */
  expired(): string[] {
    const now = this.#now();
    const gone: string[] = [];
    for (const [nodeId, at] of this.#lastSeen) {
      if (now - at > this.#timeoutMs) {
        gone.push(nodeId);
        this.#lastSeen.delete(nodeId);
      }
    }
    return gone;
  }
}
