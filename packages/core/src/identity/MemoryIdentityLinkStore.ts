import type { IdentityLink } from './IdentityLink';
import type { IdentityLinkStore } from './IdentityLinkStore';

/** `IdentityLinkStore` in memory, for tests of the service. */
export class MemoryIdentityLinkStore implements IdentityLinkStore {
  readonly #links = new Map<string, IdentityLink>();
  readonly #managed = new Map<string, Set<string>>();

  insertLink(link: IdentityLink): boolean {
    const key = keyOf(link.providerId, link.subject);
    if (this.#links.has(key)) return false;
    this.#links.set(key, link);
    return true;
  }

  findLink(providerId: string, subject: string): IdentityLink | null {
    return this.#links.get(keyOf(providerId, subject)) ?? null;
  }

  listLinksOfUser(userId: string): IdentityLink[] {
    return [...this.#links.values()]
      .filter((link) => link.userId === userId)
      .sort(
        (a, b) =>
          a.createdAt - b.createdAt ||
          a.providerId.localeCompare(b.providerId) ||
          a.subject.localeCompare(b.subject),
      );
  }

  touchLink(providerId: string, subject: string, at: number): void {
    const key = keyOf(providerId, subject);
    const link = this.#links.get(key);
    if (link) this.#links.set(key, { ...link, lastSignInAt: at });
  }

  markGroupManaged(providerId: string, groupId: string): void {
    const groups = this.#managed.get(providerId) ?? new Set<string>();
    groups.add(groupId);
    this.#managed.set(providerId, groups);
  }

  listManagedGroups(providerId: string): string[] {
    return [...(this.#managed.get(providerId) ?? [])];
  }

  transaction<T>(work: () => T): T {
    return work();
  }
}

function keyOf(providerId: string, subject: string): string {
  return JSON.stringify([providerId, subject]);
}
