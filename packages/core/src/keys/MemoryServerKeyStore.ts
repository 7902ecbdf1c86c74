import type { ServerKeyStore } from './ServerKeyStore';

/** `ServerKeyStore` in memory, for tests. */
export class MemoryServerKeyStore implements ServerKeyStore {
  readonly #keys = new Map<string, string>();

  ensureKey(name: string, candidate: string, _at: number): string {
    const stored = this.#keys.get(name);
    if (stored !== undefined) return stored;
    this.#keys.set(name, candidate);
    return candidate;
  }
}
