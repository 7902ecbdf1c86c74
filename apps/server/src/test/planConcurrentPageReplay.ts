import { applyPatches, type ConcurrentTrace } from '@lore/collab/testing';
import * as Y from 'yjs';
import { traceParagraphText } from './traceParagraph';

/** One author's transaction, ready to send, and the other authors' edits it must wait for. */
export interface PageReplayStep {
  readonly update: Uint8Array;
  /** `[clientId, clock]`: the client must hold each listed author's edits up to `clock` first. */
  readonly waitFor: readonly (readonly [number, number])[];
}

export interface PageReplayPlan {
  /** Per author, in order. */
  readonly steps: readonly (readonly PageReplayStep[])[];
  /** The Yjs client id each author's edits carry. */
  readonly clientIds: readonly number[];
}

/**
 * Turns a concurrent trace into per-author Yjs updates on the page model: every transaction edits
 * the trace paragraph's text node (see `traceParagraphText`) of a document that starts from
 * `initialState`, the page as every client synced it before typing.
 *
 * Same approach as `planConcurrentReplay` in `@lore/collab/testing`, which targets a root Y.Text:
 * a transaction's positions refer to the text as its causal parents left it, so each author keeps
 * an offline document holding exactly that history and records the update its patches produce.
 * Dependencies are expressed as state-vector clocks instead of a progress map, because the Lore
 * server refuses any top-level type besides the page body and title.
 */
export function planConcurrentPageReplay(
  trace: ConcurrentTrace,
  initialState: Uint8Array,
): PageReplayPlan {
  const authors = trace.numAgents;
  const clientIds = Array.from({ length: authors }, (_, author) => 1_000_000 + author);
  const docs = clientIds.map((clientId) => {
    const doc = new Y.Doc();
    doc.clientID = clientId;
    Y.applyUpdate(doc, initialState);
    return doc;
  });
  /** Per author: each of its transactions' trace index, update and own clock afterwards. */
  const made: { index: number; update: Uint8Array; clock: number }[][] = docs.map(() => []);
  /** Per author: how many of every author's transactions its document holds. */
  const seen = docs.map(() => new Array<number>(authors).fill(0));
  /** Per trace transaction: how many of every author's transactions it follows, itself included. */
  const versions: number[][] = [];
  const steps: PageReplayStep[][] = docs.map(() => []);

  trace.txns.forEach((txn, index) => {
    const target = new Array<number>(authors).fill(0);
    for (const parent of txn.parents) {
      const version = versions[parent];
      if (!version) throw new Error(`Transaction ${index} names a later parent ${parent}.`);
      version.forEach((count, author) => {
        target[author] = Math.max(target[author] ?? 0, count);
      });
    }
    const author = txn.agent;
    const doc = docs[author];
    const held = seen[author];
    if (!doc || !held) throw new Error(`Unknown author ${author}.`);
    // Catch up in trace order, which is causal: out of order, Yjs would park updates as pending.
    for (;;) {
      let next = -1;
      let nextIndex = Number.POSITIVE_INFINITY;
      for (let other = 0; other < authors; other++) {
        if (other === author || (held[other] ?? 0) >= (target[other] ?? 0)) continue;
        const candidate = made[other]?.[held[other] ?? 0];
        if (!candidate) throw new Error(`Transaction ${index} depends on one not yet made.`);
        if (candidate.index < nextIndex) {
          next = other;
          nextIndex = candidate.index;
        }
      }
      if (next < 0) break;
      const candidate = made[next]?.[held[next] ?? 0];
      if (candidate) Y.applyUpdate(doc, candidate.update);
      held[next] = (held[next] ?? 0) + 1;
    }
    const text = traceParagraphText(doc);
    if (!text) throw new Error('The initial state has no trace paragraph.');
    let captured: Uint8Array | null = null;
    const capture = (update: Uint8Array) => {
      captured = update;
    };
    doc.on('update', capture);
    doc.transact(() => applyPatches(text, txn.patches));
    doc.off('update', capture);
    if (captured) {
      const waitFor: [number, number][] = [];
      target.forEach((count, other) => {
        const clock = made[other]?.[count - 1]?.clock;
        if (other !== author && clock !== undefined) waitFor.push([clientIds[other] ?? -1, clock]);
      });
      const clock = Y.getState(doc.store, doc.clientID);
      made[author]?.push({ index, update: captured, clock });
      target[author] = (target[author] ?? 0) + 1;
      held[author] = target[author] ?? 0;
      steps[author]?.push({ update: captured, waitFor });
    }
    versions.push(target);
  });
  for (const doc of docs) doc.destroy();
  return { steps, clientIds };
}
