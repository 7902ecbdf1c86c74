import type { DocumentStore, StoredDocument } from '@lore/core';
import { AppliedSeqs } from './AppliedSeqs';
import type { CollabErrorContext } from './CollabServerOptions';
import type { LogCompactor } from './LogCompactor';
import type { PresenceRelay } from './PresenceRelay';
import { readAwarenessEntries } from './protocol/decodeClientMessage';
import type { PageMessage, RelayedUpdates, RelaySubscription, RoomRelay } from './RoomRelay';

/** What a room's link needs from the process's relay (see `ClusterLink`). */
export interface RoomRelayContext {
  readonly nodeId: string;
  readonly relay: RoomRelay;
  readonly store: DocumentStore;
  /** How long updates that overtook a missing one wait for it before the store is read. */
  readonly gapWaitMs: number;
  /** Another process showed a sign of life. */
  readonly seen: (nodeId: string) => void;
}

export interface RoomRelayLinkOptions {
  readonly docId: string;
  readonly context: RoomRelayContext;
  readonly presence: PresenceRelay;
  /**
   * Takes stored updates into the room (the room document, the scratch copy, this process's
   * clients) in one turn. Never throws: a room that cannot take them fails and closes.
   */
  readonly absorb: (updates: readonly Uint8Array[]) => void;
  /** Counts what was taken in towards compaction, and how far a snapshot may now fold. */
  readonly log: Pick<LogCompactor, 'applied'>;
  readonly report: (error: unknown, during: CollabErrorContext['during']) => void;
}

/**
 * One room's part in a cluster of processes sharing one store. It publishes what this process
 * committed (after the store holds it) and takes in what the others committed, in sequence
 * order: updates that overtook a missing one wait for it `gapWaitMs` at most, after which, or
 * whenever the room may have missed something (the relay was down, a periodic check found the
 * store ahead), the store is read and applied (Yjs ignores what the room already holds). So a
 * lost message delays an edit, never loses it. Every sequence number the room document holds is
 * tracked (`AppliedSeqs`): a snapshot is only ever stored for a prefix the room holds whole.
 *
 * Presence goes both ways too: this process's clients' states are published, the others' are
 * applied to the room's awareness and sent to this process's clients.
 */
export class RoomRelayLink {
  readonly #options: RoomRelayLinkOptions;
  readonly #subscription: RelaySubscription;
  /** Null until the room loaded. */
  #seqs: AppliedSeqs | null = null;
  /** Updates from others not applied yet: waiting for the room to load, or for a missing one. */
  #pending: RelayedUpdates[] = [];
  #readStore = false;
  #draining = false;
  #gapTimer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(options: RoomRelayLinkOptions) {
    this.#options = options;
    const { context, docId } = options;
    this.#subscription = context.relay.subscribePage(docId, (message) => this.#receive(message));
    options.presence.publishTo((update) =>
      this.#publish({ kind: 'awareness', pageId: docId, origin: context.nodeId, update }),
    );
  }

  /** Settles once the relay delivers this page's messages (or at once while it is down). */
  get subscribed(): Promise<void> {
    return this.#subscription.ready.catch((error) => this.#options.report(error, 'relay'));
  }

  /** Everything applied up to this sequence number (what a snapshot may fold). */
  get appliedUpTo(): number {
    return this.#seqs?.upTo ?? 0;
  }

  /** The room loaded what the store held up to `lastSeq`; asks the others who is present. */
  loaded(lastSeq: number): void {
    this.#seqs = new AppliedSeqs(lastSeq);
    const { docId, context } = this.#options;
    this.#publish({ kind: 'awareness-query', pageId: docId, origin: context.nodeId });
    void this.#drain();
  }

  /**
   * This process stored `updates` as `firstSeq..lastSeq` and applied them: they are published,
   * and the number a snapshot may fold up to is returned.
   */
  committed(lastSeq: number, updates: readonly Uint8Array[]): number {
    const { docId, context } = this.#options;
    const firstSeq = lastSeq - updates.length + 1;
    this.#publish({
      kind: 'updates',
      pageId: docId,
      origin: context.nodeId,
      firstSeq,
      lastSeq,
      updates,
    });
    const seqs = this.#seqs;
    if (!seqs) return lastSeq;
    seqs.add(firstSeq, lastSeq);
    this.#watchGap();
    return seqs.upTo;
  }

  /**
   * Reads the store's last sequence number and catches up when it is ahead: the safety net for a
   * lost message nothing followed, and the only way edits arrive while the relay is down.
   */
  async check(): Promise<void> {
    const seqs = this.#seqs;
    if (!seqs || this.#closed || this.#draining || this.#readStore) return;
    try {
      const { lastSeq } = await this.#options.context.store.stats(this.#options.docId);
      if (lastSeq > seqs.upTo) {
        this.#readStore = true;
        await this.#drain();
      }
    } catch (error) {
      this.#options.report(error, 'relay');
    }
  }

  /** The relay is back: this process's clients' states go out again, the others' come in. */
  announcePresence(): void {
    const { docId, context, presence } = this.#options;
    this.#publish({ kind: 'awareness-query', pageId: docId, origin: context.nodeId });
    const states = presence.localStates();
    if (states) {
      this.#publish({ kind: 'awareness', pageId: docId, origin: context.nodeId, update: states });
    }
  }

  close(): void {
    this.#closed = true;
    this.#pending = [];
    if (this.#gapTimer) clearTimeout(this.#gapTimer);
    this.#gapTimer = null;
    this.#subscription.close().catch((error) => this.#options.report(error, 'relay'));
  }

  #receive(message: PageMessage): void {
    const { context, presence, report } = this.#options;
    if (this.#closed || message.origin === context.nodeId) return;
    context.seen(message.origin);
    try {
      switch (message.kind) {
        case 'updates':
          this.#pending.push(message);
          void this.#drain();
          return;
        case 'awareness':
          presence.receiveRemote(message.origin, readAwarenessEntries(message.update));
          return;
        case 'awareness-query': {
          const states = presence.localStates();
          if (states) {
            this.#publish({
              kind: 'awareness',
              pageId: message.pageId,
              origin: context.nodeId,
              update: states,
            });
          }
          return;
        }
      }
    } catch (error) {
      report(error, 'relay');
    }
  }

  /**
   * Applies, one at a time and in sequence order, what can be applied: the store when it must be
   * read, then every pending message that follows on from what the room holds. Messages behind a
   * gap wait (see {@link #watchGap}).
   */
  async #drain(): Promise<void> {
    if (this.#draining || !this.#seqs) return;
    this.#draining = true;
    try {
      for (;;) {
        if (this.#closed) return;
        if (this.#readStore) {
          this.#readStore = false;
          await this.#catchUpFromStore();
          continue;
        }
        const next = this.#nextApplicable();
        if (!next) break;
        this.#apply(next.updates, next.firstSeq, next.lastSeq);
      }
      this.#watchGap();
    } catch (error) {
      this.#options.report(error, 'relay');
    } finally {
      this.#draining = false;
    }
  }

  /** Drops pending messages already held; returns the next one that follows on, if any. */
  #nextApplicable(): RelayedUpdates | null {
    const seqs = this.#seqs as AppliedSeqs;
    this.#pending = this.#pending.filter(
      (message) => !seqs.holds(message.firstSeq, message.lastSeq),
    );
    const index = this.#pending.findIndex((message) => message.firstSeq <= seqs.upTo + 1);
    if (index < 0) return null;
    const [next] = this.#pending.splice(index, 1);
    return next ?? null;
  }

  #apply(updates: readonly Uint8Array[], firstSeq: number, lastSeq: number): void {
    const seqs = this.#seqs as AppliedSeqs;
    // Yjs parks structs whose dependencies it lacks; applying in sequence order means there are
    // none, since an update can only build on what was stored before it.
    this.#options.absorb(updates);
    seqs.add(firstSeq, lastSeq);
    this.#options.log.applied(seqs.upTo, updates);
  }

  async #catchUpFromStore(): Promise<void> {
    const seqs = this.#seqs as AppliedSeqs;
    const stored: StoredDocument = await this.#options.context.store.load(this.#options.docId);
    if (this.#closed || stored.lastSeq <= seqs.upTo) return;
    // The log tail after the snapshot holds everything past what the room has, unless a
    // snapshot folded some of it: then the snapshot goes first.
    const updates =
      stored.snapshot && stored.snapshotSeq > seqs.upTo
        ? [stored.snapshot, ...stored.updates]
        : stored.updates;
    const before = seqs.upTo;
    this.#options.absorb(updates);
    seqs.addUpTo(stored.lastSeq);
    // Roughly what was new to this room, for compaction: the updates past what it held.
    this.#options.log.applied(seqs.upTo, stored.updates.slice(-(stored.lastSeq - before)));
  }

  /** While something is missing, waits `gapWaitMs` for it, then reads the store. */
  #watchGap(): void {
    const seqs = this.#seqs;
    const waiting = seqs !== null && (seqs.hasGap || this.#pending.length > 0);
    if (!waiting) {
      if (this.#gapTimer) clearTimeout(this.#gapTimer);
      this.#gapTimer = null;
      return;
    }
    if (this.#gapTimer || this.#closed) return;
    this.#gapTimer = setTimeout(() => {
      this.#gapTimer = null;
      const current = this.#seqs;
      if (this.#closed || !current || (!current.hasGap && this.#pending.length === 0)) return;
      this.#readStore = true;
      void this.#drain();
    }, this.#options.context.gapWaitMs);
    this.#gapTimer.unref();
  }

  #publish(message: PageMessage): void {
    const { relay } = this.#options.context;
    // An unavailable relay is no error: the others read the store meanwhile.
    if (!relay.available) return;
    relay.publishPage(message).catch((error) => this.#options.report(error, 'relay'));
  }
}
