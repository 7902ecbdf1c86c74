/**
 * Tells this process's live unread counts that someone's notifications changed, so they answer
 * at once instead of at their next poll. Other processes' changes reach them by that poll.
 */
export class UnreadSignal {
  readonly #listeners = new Map<string, Set<() => void>>();

  /** Calls `listener` whenever the person's notifications change; returns the unsubscribe. */
  subscribe(userId: string, listener: () => void): () => void {
    let set = this.#listeners.get(userId);
    if (!set) {
      set = new Set();
      this.#listeners.set(userId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(userId);
    };
  }

  notify(userId: string): void {
    for (const listener of this.#listeners.get(userId) ?? []) listener();
  }
}
