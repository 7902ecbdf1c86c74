import type { Revision } from './Revision';
import type {
  NewRevision,
  PendingEdits,
  RevisionStorageStats,
  RevisionStore,
} from './RevisionStore';

interface Pending {
  firstAt: number;
  lastAt: number;
  readonly contributors: Set<string>;
}

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/** `RevisionStore` in memory, for tests and tools; states are kept whole and uncompressed. */
export class MemoryRevisionStore implements RevisionStore {
  readonly #revisions = new Map<string, Revision>();
  readonly #byPage = new Map<string, Revision[]>();
  readonly #states = new Map<string, string>();
  readonly #pending = new Map<string, Pending>();
  readonly #clients = new Map<string, Map<number, string>>();

  insertRevision(revision: NewRevision): Revision {
    const { contentText, ...fields } = revision;
    const list = this.#byPage.get(revision.pageId) ?? [];
    const stored: Revision = {
      ...fields,
      contributors: [...revision.contributors],
      number: (list.at(-1)?.number ?? 0) + 1,
    };
    const key = stateKey(revision.pageId, revision.contentHash);
    if (!this.#states.has(key)) this.#states.set(key, contentText);
    list.push(stored);
    this.#byPage.set(revision.pageId, list);
    this.#revisions.set(stored.id, stored);
    return stored;
  }

  findRevision(id: string): Revision | null {
    return this.#revisions.get(id) ?? null;
  }

  latestRevision(pageId: string): Revision | null {
    return this.#byPage.get(pageId)?.at(-1) ?? null;
  }

  listRevisions(pageId: string, options: { limit: number; beforeNumber?: number }): Revision[] {
    const before = options.beforeNumber ?? Number.POSITIVE_INFINITY;
    return (this.#byPage.get(pageId) ?? [])
      .filter((revision) => revision.number < before)
      .reverse()
      .slice(0, options.limit);
  }

  updateRevision(
    id: string,
    changes: { readonly name?: string | null; readonly note?: string | null },
  ): Revision | null {
    const revision = this.#revisions.get(id);
    if (!revision) return null;
    const updated: Revision = {
      ...revision,
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.note !== undefined ? { note: changes.note } : {}),
    };
    this.#revisions.set(id, updated);
    const list = this.#byPage.get(revision.pageId) ?? [];
    list[list.indexOf(revision)] = updated;
    return updated;
  }

  readState(pageId: string, contentHash: string): string {
    const text = this.#states.get(stateKey(pageId, contentHash));
    if (text === undefined) throw new Error(`No stored state ${contentHash} for page ${pageId}.`);
    return text;
  }

  recordEdit(pageId: string, userId: string | null, at: number): void {
    const pending = this.#pending.get(pageId) ?? {
      firstAt: at,
      lastAt: at,
      contributors: new Set<string>(),
    };
    pending.lastAt = Math.max(pending.lastAt, at);
    if (userId !== null) pending.contributors.add(userId);
    this.#pending.set(pageId, pending);
  }

  pendingEdits(pageId: string): PendingEdits | null {
    const pending = this.#pending.get(pageId);
    return pending ? present(pageId, pending) : null;
  }

  listPendingEdits(): PendingEdits[] {
    return [...this.#pending].map(([pageId, pending]) => present(pageId, pending));
  }

  clearPendingEdits(pageId: string): void {
    this.#pending.delete(pageId);
  }

  recordClientAuthors(pageId: string, clientIds: readonly number[], userId: string): void {
    const clients = this.#clients.get(pageId) ?? new Map<number, string>();
    for (const clientId of clientIds) if (!clients.has(clientId)) clients.set(clientId, userId);
    this.#clients.set(pageId, clients);
  }

  clientAuthors(pageId: string): Map<number, string> {
    return new Map(this.#clients.get(pageId) ?? []);
  }

  transaction<T>(work: () => T): T {
    return work();
  }

  storageStats(pageId: string): RevisionStorageStats {
    const prefix = stateKey(pageId, '');
    const texts = [...this.#states].filter(([key]) => key.startsWith(prefix));
    const bytes = texts.reduce((sum, [, text]) => sum + utf8Length(text), 0);
    return {
      revisions: this.#byPage.get(pageId)?.length ?? 0,
      states: texts.length,
      storedBytes: bytes,
      textBytes: bytes,
    };
  }
}

const stateKey = (pageId: string, hash: string) => `${pageId}\u0000${hash}`;

const present = (pageId: string, pending: Pending): PendingEdits => ({
  pageId,
  firstAt: pending.firstAt,
  lastAt: pending.lastAt,
  contributors: [...pending.contributors].sort(),
});
