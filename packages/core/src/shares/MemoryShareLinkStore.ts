import type { ShareLink } from './ShareLink';
import type { ShareLinkStore } from './ShareLinkStore';

/** `ShareLinkStore` in memory, for tests of the service. */
export class MemoryShareLinkStore implements ShareLinkStore {
  readonly #shares = new Map<string, ShareLink>();

  insertShare(share: ShareLink): void {
    if (this.#shares.has(share.id)) throw new Error(`Share ${share.id} exists already.`);
    for (const other of this.#shares.values()) {
      if (other.secretHash === share.secretHash) throw new Error('Share secrets must be unique.');
    }
    this.#shares.set(share.id, share);
  }

  findShareById(id: string): ShareLink | null {
    return this.#shares.get(id) ?? null;
  }

  findShareBySecretHash(secretHash: string): ShareLink | null {
    for (const share of this.#shares.values()) {
      if (share.secretHash === secretHash) return share;
    }
    return null;
  }

  listSharesOfPages(pageIds: readonly string[]): ShareLink[] {
    const wanted = new Set(pageIds);
    return [...this.#shares.values()]
      .filter((share) => wanted.has(share.pageId) && share.revokedAt === null)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  revokeShare(id: string, by: string, at: number): boolean {
    const share = this.#shares.get(id);
    if (!share || share.revokedAt !== null) return false;
    this.#shares.set(id, { ...share, revokedAt: at, revokedBy: by });
    return true;
  }

  markShareUsed(id: string, at: number, usedBefore: number): boolean {
    const share = this.#shares.get(id);
    if (!share || (share.lastUsedAt !== null && share.lastUsedAt >= usedBefore)) return false;
    this.#shares.set(id, { ...share, lastUsedAt: at });
    return true;
  }

  transaction<T>(work: () => T): T {
    return work();
  }
}
