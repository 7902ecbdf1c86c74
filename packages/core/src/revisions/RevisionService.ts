import { randomUUID } from 'node:crypto';
import type { AccessPolicy } from '../access/AccessPolicy';
import type { AccountStore } from '../accounts/AccountStore';
import type { User } from '../accounts/User';
import type { Clock } from '../Clock';
import { NotFoundError, ValidationError } from '../DomainError';
import { isPageLive } from '../pages/isPageLive';
import type { Page } from '../pages/Page';
import type { PageStore } from '../pages/PageStore';
import { decodePageState, encodePageState, pageStateHash } from './pageStateText';
import type { PageState, Revision, RevisionKind } from './Revision';
import { RevisionScheduler } from './RevisionScheduler';
import type { RevisionStore } from './RevisionStore';
import type { Timers } from './Timers';
import type { AuthoredRun, PageAuthorship, VersionedContent } from './VersionedContent';

export interface RevisionServiceOptions {
  readonly store: RevisionStore;
  readonly content: VersionedContent;
  readonly pages: Pick<PageStore, 'findPageById' | 'findPageByShortId'>;
  /** Names and colours of the people in a history. */
  readonly people: Pick<AccountStore, 'findUserById'>;
  /** Who may read a page's history and who may change it. */
  readonly policy: AccessPolicy;
  readonly clock: Clock;
  readonly timers: Timers;
  /** Edits pausing this long become a revision. Default 5 minutes. */
  readonly idleMs?: number;
  /** Continuous editing becomes a revision at least this often. Default 30 minutes. */
  readonly maxMs?: number;
  /** Failures of automatic revisions, which have no caller to tell. */
  readonly onError?: (error: unknown, pageId: string) => void;
}

/** A person as histories show them. */
export interface Person {
  readonly id: string;
  readonly displayName: string;
  readonly color: string;
}

/** A revision id, `current` for the page as it is now, or `latest` for its latest revision. */
export type RevisionRef = string;

export interface StateAt {
  /** Null for the current content. */
  readonly revision: Revision | null;
  readonly state: PageState;
}

export interface CaptureResult {
  /** The revision holding the state: a new one, or the latest when nothing changed since. */
  readonly revision: Revision | null;
  readonly created: boolean;
}

export interface RestoreResult {
  /** The revision recording the restore (or the latest, when the content was already equal). */
  readonly revision: Revision;
  /** The revision that keeps what the page held just before, when that was new. */
  readonly before: Revision | null;
  /** False when the page already had the restored content. */
  readonly changed: boolean;
}

export interface RevisionNotes {
  /** Undefined leaves it as it is; null or blank clears it. */
  readonly name?: string | null;
  readonly note?: string | null;
}

interface CaptureDetails {
  readonly actor?: User | null;
  readonly name?: string | null;
  readonly note?: string | null;
  readonly restoredFrom?: string | null;
}

interface PendingPeriod {
  readonly firstAt: number;
  lastAt: number;
  persistedAt: number;
  readonly users: Set<string>;
  readonly clients: Set<number>;
}

export const revisionNameMaxLength = 100;
export const revisionNoteMaxLength = 2000;
const persistEveryMs = 60_000;
const maxListLimit = 200;

/**
 * Page history: revisions taken when editing pauses, on demand and before content is overwritten;
 * reading, comparing, naming and restoring them; who contributed to each and who wrote what.
 * Restoring writes the old content into the live document as an ordinary collaborative change,
 * so people editing at that moment see it at once and keep what they type.
 */
export class RevisionService {
  readonly #store: RevisionStore;
  readonly #content: VersionedContent;
  readonly #pages: Pick<PageStore, 'findPageById' | 'findPageByShortId'>;
  readonly #people: Pick<AccountStore, 'findUserById'>;
  readonly #policy: AccessPolicy;
  readonly #clock: Clock;
  readonly #scheduler: RevisionScheduler;
  readonly #pending = new Map<string, PendingPeriod>();
  readonly #lastEditors = new Map<string, string>();
  readonly #locks = new Map<string, Promise<unknown>>();

  constructor(options: RevisionServiceOptions) {
    this.#store = options.store;
    this.#content = options.content;
    this.#pages = options.pages;
    this.#people = options.people;
    this.#policy = options.policy;
    this.#clock = options.clock;
    const onError =
      options.onError ??
      ((error: unknown, pageId: string) => console.error('revision capture failed', pageId, error));
    this.#scheduler = new RevisionScheduler({
      clock: options.clock,
      timers: options.timers,
      idleMs: options.idleMs ?? 5 * 60_000,
      maxMs: options.maxMs ?? 30 * 60_000,
      capture: (pageId) => this.capture(pageId, 'auto'),
      onError,
    });
  }

  /**
   * Records an accepted edit of a page: by whom (null for server-side changes of unknown
   * origin), and which Yjs clients carried new content, for authorship. Synchronous and cheap:
   * the pending period is written through at most once a minute, and when someone new joins it.
   */
  noteEdit(pageId: string, userId: string | null, clientIds: readonly number[] = []): void {
    const now = this.#clock.now();
    let period = this.#pending.get(pageId);
    if (!period) {
      const stored = this.#store.pendingEdits(pageId);
      period = {
        firstAt: stored?.firstAt ?? now,
        lastAt: now,
        persistedAt: Number.NEGATIVE_INFINITY,
        users: new Set(stored?.contributors ?? []),
        clients: new Set(),
      };
      this.#pending.set(pageId, period);
    }
    period.lastAt = now;
    let persist = now - period.persistedAt >= persistEveryMs;
    if (userId !== null) {
      this.#lastEditors.set(pageId, userId);
      if (!period.users.has(userId)) {
        period.users.add(userId);
        persist = true;
      }
      const newClients = clientIds.filter((clientId) => !period.clients.has(clientId));
      if (newClients.length > 0) {
        for (const clientId of newClients) period.clients.add(clientId);
        this.#store.recordClientAuthors(pageId, newClients, userId);
      }
    }
    if (persist) {
      this.#store.recordEdit(pageId, userId, now);
      period.persistedAt = now;
    }
    this.#scheduler.touch(pageId, now, period.firstAt);
  }

  /**
   * Who edited the page's body most recently since the last call, for "last edited by"; each
   * edit is reported once, so a later rename by someone else is not overwritten.
   */
  takeLastEditor(pageId: string): string | undefined {
    const userId = this.#lastEditors.get(pageId);
    this.#lastEditors.delete(pageId);
    return userId;
  }

  /** Schedules the revisions of edits left pending by a previous run (call once at start). */
  resume(): void {
    for (const pending of this.#store.listPendingEdits()) {
      this.#scheduler.touch(pending.pageId, pending.lastAt, pending.firstAt);
    }
  }

  /** When the page's next automatic revision is due, if it has edits pending. */
  nextCaptureAt(pageId: string): number | null {
    return this.#scheduler.dueAt(pageId);
  }

  /** Stops automatic revisions and waits for those being taken. Pending edits stay stored. */
  async stop(): Promise<void> {
    await this.#scheduler.stop();
    await Promise.all([...this.#locks.values()].map((lock) => lock.catch(() => {})));
  }

  /**
   * Takes a revision of the page's current content now. An unchanged state is not stored again:
   * automatic captures then take nothing, a manual save names the latest revision when it has
   * no name yet, and captures before an overwrite return the latest revision.
   */
  capture(
    pageId: string,
    kind: RevisionKind,
    details: CaptureDetails = {},
  ): Promise<CaptureResult> {
    return this.#exclusive(pageId, () => this.#capture(pageId, kind, details));
  }

  /**
   * Keeps the current content before something overwrites it (an import, a restore). Returns
   * the revision that holds it, or null when the page has no content yet.
   */
  async captureBeforeOverwrite(
    pageId: string,
    kind: 'before-import' | 'before-restore',
    actor: User | null = null,
  ): Promise<Revision | null> {
    return (await this.capture(pageId, kind, { actor })).revision;
  }

  /** The page's revisions, newest first, `limit` at a time. */
  list(
    actor: User,
    pageId: string,
    options: { limit?: number; beforeNumber?: number } = {},
  ): { page: Page; revisions: Revision[]; hasMore: boolean } {
    const page = this.#policy.requirePage(actor, pageId, 'read');
    const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? 50)), maxListLimit);
    const revisions = this.#store.listRevisions(page.id, {
      limit: limit + 1,
      ...(options.beforeNumber !== undefined ? { beforeNumber: options.beforeNumber } : {}),
    });
    return { page, revisions: revisions.slice(0, limit), hasMore: revisions.length > limit };
  }

  /** One revision of the page and its content. */
  get(
    actor: User,
    pageId: string,
    revisionId: string,
  ): { page: Page; revision: Revision; state: PageState } {
    const page = this.#policy.requirePage(actor, pageId, 'read');
    const revision = this.#revisionOf(page, revisionId);
    return { page, revision, state: this.#stateOf(revision) };
  }

  /**
   * Two states of the page to compare: revision ids, `current` for the live content, or `latest`
   * for the latest revision.
   */
  async compare(
    actor: User,
    pageId: string,
    from: RevisionRef,
    to: RevisionRef,
  ): Promise<{ page: Page; from: StateAt; to: StateAt }> {
    const page = this.#policy.requirePage(actor, pageId, 'read');
    const resolve = (ref: RevisionRef): Revision | null => {
      if (ref === 'current') return null;
      if (ref !== 'latest') return this.#revisionOf(page, ref);
      const latest = this.#store.latestRevision(page.id);
      if (!latest) throw new NotFoundError('A revision of this page', 'revision_not_found');
      return latest;
    };
    const fromRevision = resolve(from);
    const toRevision = resolve(to);
    const current =
      fromRevision === null || toRevision === null
        ? await this.#content.read(page.id, (state) => state)
        : null;
    const at = (revision: Revision | null): StateAt => ({
      revision,
      state: revision ? this.#stateOf(revision) : (current as PageState),
    });
    return { page, from: at(fromRevision), to: at(toRevision) };
  }

  /** "Save version": a revision of the current content now, with an optional name and note. */
  async save(actor: User, pageId: string, notes: RevisionNotes = {}): Promise<CaptureResult> {
    const page = this.#editableLivePage(actor, pageId);
    return this.capture(page.id, 'manual', {
      actor,
      name: cleanText(notes.name, revisionNameMaxLength, 'name'),
      note: cleanText(notes.note, revisionNoteMaxLength, 'note'),
    });
  }

  /** Names or annotates a revision. */
  annotate(actor: User, pageId: string, revisionId: string, notes: RevisionNotes): Revision {
    const page = this.#policy.requirePage(actor, pageId, 'edit');
    const revision = this.#revisionOf(page, revisionId);
    const changes: { name?: string | null; note?: string | null } = {};
    if (notes.name !== undefined) {
      changes.name = cleanText(notes.name, revisionNameMaxLength, 'name');
    }
    if (notes.note !== undefined) {
      changes.note = cleanText(notes.note, revisionNoteMaxLength, 'note');
    }
    return this.#store.updateRevision(revision.id, changes) ?? revision;
  }

  /**
   * Brings a revision's content back into the live page for everyone: the current content is
   * kept first (a "before restore" revision when it is new), the old content is written as an
   * ordinary collaborative change, and a "restore" revision records the result. Edits others
   * make meanwhile merge as usual. Restoring again undoes it.
   */
  async restore(actor: User, pageId: string, revisionId: string): Promise<RestoreResult> {
    const page = this.#editableLivePage(actor, pageId);
    const target = this.#revisionOf(page, revisionId);
    const state = this.#stateOf(target);
    return this.#exclusive(page.id, async () => {
      const kept = await this.#capture(page.id, 'before-restore', { actor }, target.contentHash);
      if (kept.current && kept.revision) {
        return { revision: kept.revision, before: null, changed: false };
      }
      await this.#content.write(page.id, state, actor.id);
      const restored = await this.#capture(page.id, 'restore', {
        actor,
        restoredFrom: target.id,
      });
      if (!restored.revision) throw new NotFoundError('The page', 'page_not_found');
      return {
        revision: restored.revision,
        before: kept.created ? kept.revision : null,
        changed: true,
      };
    });
  }

  /** Who wrote what in the live page: its text in runs, each with its author's user id. */
  async authorship(actor: User, pageId: string): Promise<PageAuthorship<string | null>> {
    const page = this.#policy.requirePage(actor, pageId, 'read');
    const byClient = await this.#content.readAuthorship(page.id);
    const authors = this.#store.clientAuthors(page.id);
    const attribute = (runs: readonly AuthoredRun<number | null>[]) => {
      const out: AuthoredRun<string | null>[] = [];
      for (const run of runs) {
        const author = run.author === null ? null : (authors.get(run.author) ?? null);
        const last = out[out.length - 1];
        if (last && last.author === author)
          out[out.length - 1] = { author, text: last.text + run.text };
        else out.push({ author, text: run.text });
      }
      return out;
    };
    return {
      title: attribute(byClient.title),
      blocks: byClient.blocks.map((block) => ({ ...block, runs: attribute(block.runs) })),
    };
  }

  /** The people behind a set of user ids, in the order given; unknown ids are left out. */
  people(userIds: Iterable<string>): Person[] {
    const people: Person[] = [];
    for (const id of new Set(userIds)) {
      const user = this.#people.findUserById(id);
      if (user) people.push({ id: user.id, displayName: user.displayName, color: user.color });
    }
    return people;
  }

  /** Storage used by a page's history. */
  storageStats(pageId: string) {
    return this.#store.storageStats(pageId);
  }

  async #capture(
    pageId: string,
    kind: RevisionKind,
    details: CaptureDetails,
    compareWith?: string,
  ): Promise<CaptureResult & { current: boolean }> {
    return this.#content.read(pageId, (state) =>
      this.#store.transaction(() => {
        const result = this.#record(pageId, state, kind, details);
        return { ...result, current: compareWith !== undefined && result.hash === compareWith };
      }),
    );
  }

  /** Synchronous from reading the state to writing the revision: no edit can slip in between. */
  #record(
    pageId: string,
    state: PageState,
    kind: RevisionKind,
    details: CaptureDetails,
  ): CaptureResult & { hash: string } {
    const page = this.#pages.findPageById(pageId);
    if (!page) {
      // A document without a page (never created, or purged) has no history to keep.
      this.#endPeriod(pageId);
      return { revision: null, created: false, hash: '' };
    }
    const text = encodePageState(state);
    const hash = pageStateHash(text);
    const latest = this.#store.latestRevision(pageId);
    const name = details.name ?? null;
    const note = details.note ?? null;
    if (latest && latest.contentHash === hash && kind !== 'restore') {
      if (kind === 'auto') this.#endPeriod(pageId);
      if (kind !== 'manual' || (name === null && note === null)) {
        return { revision: latest, created: false, hash };
      }
      if (latest.name === null && latest.note === null) {
        const named = this.#store.updateRevision(latest.id, { name, note }) ?? latest;
        return { revision: named, created: false, hash };
      }
    }
    const contributors = new Set([
      ...(this.#store.pendingEdits(pageId)?.contributors ?? []),
      ...(this.#pending.get(pageId)?.users ?? []),
    ]);
    if (kind === 'restore' && details.actor) contributors.add(details.actor.id);
    if (contributors.size === 0 && page.updatedBy && page.updatedAt > (latest?.createdAt ?? -1)) {
      // Changes made through the API carry no editor; the page's own record names them.
      contributors.add(page.updatedBy);
    }
    const revision = this.#store.insertRevision({
      id: randomUUID(),
      pageId,
      kind,
      name,
      note,
      title: state.title,
      createdAt: this.#clock.now(),
      createdBy: kind === 'auto' ? null : (details.actor?.id ?? null),
      restoredFrom: details.restoredFrom ?? null,
      contributors: [...contributors],
      contentHash: hash,
      contentText: text,
    });
    this.#endPeriod(pageId);
    return { revision, created: true, hash };
  }

  #endPeriod(pageId: string): void {
    this.#store.clearPendingEdits(pageId);
    this.#pending.delete(pageId);
    this.#scheduler.forget(pageId);
  }

  /** Runs `work` after every earlier capture or restore of the page finished. */
  #exclusive<T>(pageId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(pageId) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(work);
    const tail = run.catch(() => {});
    this.#locks.set(pageId, tail);
    void tail.then(() => {
      if (this.#locks.get(pageId) === tail) this.#locks.delete(pageId);
    });
    return run;
  }

  #stateOf(revision: Revision): PageState {
    return decodePageState(this.#store.readState(revision.pageId, revision.contentHash));
  }

  #revisionOf(page: Page, revisionId: string): Revision {
    const revision = this.#store.findRevision(revisionId);
    // A revision of another page is as unknown here as one that does not exist.
    if (!revision || revision.pageId !== page.id) {
      throw new NotFoundError('The revision', 'revision_not_found');
    }
    return revision;
  }

  /** A page not in the trash the actor may edit (`page_not_found` when they cannot read it). */
  #editableLivePage(actor: User, pageId: string): Page {
    const page = this.#policy.requirePage(actor, pageId, 'read');
    if (!isPageLive(this.#pages, page)) throw new NotFoundError('The page', 'page_not_found');
    return this.#policy.requirePage(actor, page.id, 'edit');
  }
}

function cleanText(
  value: string | null | undefined,
  maxLength: number,
  field: string,
): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  if (trimmed.length > maxLength) {
    throw new ValidationError(`A revision ${field} must be at most ${maxLength} characters.`);
  }
  return trimmed.length === 0 ? null : trimmed;
}
