import * as Y from 'yjs';

/** What a document could not integrate yet, taken out of it (Yjs' `pendingStructs`/`pendingDs`). */
export interface PendingUpdate {
  /** A V2 update holding the structs and deletions that wait. */
  readonly update: Uint8Array;
  /** For each Yjs client, the clock the update waits for: it may integrate once state passes it. */
  readonly missing: ReadonlyMap<number, number>;
}

/**
 * Takes what `doc` parked because it depends on structs the document does not have, leaving the
 * document with nothing pending, or returns null when nothing waits. Yjs would otherwise keep it
 * inside the document and integrate it in the transaction of whichever update fills the gap.
 */
export function takePending(doc: Y.Doc): PendingUpdate | null {
  const { store } = doc;
  const structs = store.pendingStructs;
  const deletions = store.pendingDs;
  if (structs === null && deletions === null) return null;
  store.pendingStructs = null;
  store.pendingDs = null;
  const missing = new Map<number, number>(structs?.missing ?? []);
  if (deletions !== null) {
    for (const [client, items] of Y.decodeUpdateV2(deletions).ds.clients) {
      for (const item of items) lowerTo(missing, client, item.clock);
    }
  }
  const parts = [structs?.update, deletions].filter((part) => part != null) as Uint8Array[];
  return {
    update: parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdatesV2(parts),
    missing,
  };
}

function lowerTo(missing: Map<number, number>, client: number, clock: number): void {
  const known = missing.get(client);
  if (known === undefined || clock < known) missing.set(client, clock);
}

/**
 * Updates of one room that wait for structs the server has not seen, kept apart per sender
 * instead of inside the document. A legitimate client sends such an update when it builds on a
 * sibling tab's edit that has not reached the server yet; a hostile one, to plant content that
 * integrates in someone else's transaction (placed after a victim's next clocks) so that the
 * victim's update is the one refused. Kept apart, what waits integrates on its own, as its
 * sender's change, right after the update it waited for: judged and blamed on its sender.
 */
export class WaitingUpdates<Owner> {
  readonly #byOwner = new Map<Owner, PendingUpdate>();

  get size(): number {
    return this.#byOwner.size;
  }

  /** Adds what `owner` sent that must wait; returns the bytes it now has waiting. */
  add(owner: Owner, pending: PendingUpdate): number {
    const known = this.#byOwner.get(owner);
    if (!known) {
      this.#byOwner.set(owner, pending);
      return pending.update.byteLength;
    }
    const missing = new Map(known.missing);
    for (const [client, clock] of pending.missing) lowerTo(missing, client, clock);
    const update = Y.mergeUpdatesV2([known.update, pending.update]);
    this.#byOwner.set(owner, { update, missing });
    return update.byteLength;
  }

  delete(owner: Owner): void {
    this.#byOwner.delete(owner);
  }

  /** Takes out the updates that `doc` may now integrate at least in part. */
  takeReady(doc: Y.Doc): [Owner, Uint8Array][] {
    const ready: [Owner, Uint8Array][] = [];
    for (const [owner, pending] of this.#byOwner) {
      for (const [client, clock] of pending.missing) {
        if (clock < Y.getState(doc.store, client)) {
          ready.push([owner, pending.update]);
          this.#byOwner.delete(owner);
          break;
        }
      }
    }
    return ready;
  }
}
