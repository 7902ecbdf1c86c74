/** How many recent searches are kept per person. */
export const maxRecentSearches = 8;

/**
 * The searches one person made lately, newest first, kept in the browser (`localStorage`) under
 * a key per user, so people sharing a browser do not see each other's. Storage that is full,
 * disabled or holding garbage is treated as empty: recent searches are a convenience.
 */
export class RecentSearches {
  readonly #storage: Storage | null;
  readonly #key: string;

  constructor(storage: Storage | null, userId: string) {
    this.#storage = storage;
    this.#key = `lore:recent-searches:${userId}`;
  }

  list(): string[] {
    try {
      const stored: unknown = JSON.parse(this.#storage?.getItem(this.#key) ?? '[]');
      if (!Array.isArray(stored)) return [];
      return stored
        .filter((item): item is string => typeof item === 'string' && item.trim() !== '')
        .slice(0, maxRecentSearches);
    } catch {
      return [];
    }
  }

  /**
   * Puts a query first (an earlier one differing only in case or spacing is replaced) and
   * returns the list as it now stands.
   */
  remember(query: string): string[] {
    const text = query.trim().replace(/\s+/g, ' ');
    if (!text) return this.list();
    const key = text.toLowerCase();
    const next = [text, ...this.list().filter((item) => item.toLowerCase() !== key)].slice(
      0,
      maxRecentSearches,
    );
    this.#write(next);
    return next;
  }

  forget(query: string): string[] {
    const next = this.list().filter((item) => item !== query);
    this.#write(next);
    return next;
  }

  clear(): void {
    try {
      this.#storage?.removeItem(this.#key);
    } catch {
      // Storage unavailable: there is nothing to clear.
    }
  }

  #write(items: string[]): void {
    try {
      this.#storage?.setItem(this.#key, JSON.stringify(items));
    } catch {
      // Full or disabled storage: the list is simply not kept.
    }
  }
}
