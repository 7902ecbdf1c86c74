import { type ConcurrentTrace, editingTracesDir, readTrace } from '@lore/collab/testing';
import { anchorOfRange, resolveAnchors } from '@lore/page-document';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type PageReplayPlan, planConcurrentPageReplay } from '../test/planConcurrentPageReplay';
import {
  insertTraceParagraph,
  readTraceParagraph,
  traceParagraphText,
} from '../test/traceParagraph';

// Comment anchors through real concurrent editing traces: anchors are placed halfway through the
// editing, then replicas that received the edits in different orders must place each anchor the
// same way (attached with the same text, or detached).

const tracesDir = editingTracesDir();
if (!tracesDir) {
  console.warn(
    'SKIPPED: comment anchors under concurrent editing traces did not run: no editing-traces ' +
      `folder under ${process.env.LORE_CORPORA ?? '../shared/corpora'} (set LORE_CORPORA).`,
  );
}

/**
 * Applies every author's steps to `doc`, taking up to `run` steps of one author before moving to
 * the next, and only steps whose dependencies `doc` holds (so nothing waits in Yjs's pending
 * queue). `onStep` is told how many steps are in after each.
 */
function replay(
  plan: PageReplayPlan,
  doc: Y.Doc,
  run: number,
  onStep: (applied: number) => void = () => {},
): void {
  const next = plan.steps.map(() => 0);
  let applied = 0;
  for (let progress = true; progress; ) {
    progress = false;
    plan.steps.forEach((steps, author) => {
      for (let taken = 0; taken < run; taken += 1) {
        const step = steps[next[author] ?? 0];
        if (!step) return;
        const ready = step.waitFor.every(
          ([clientId, clock]) => Y.getState(doc.store, clientId) >= clock,
        );
        if (!ready) return;
        Y.applyUpdate(doc, step.update);
        next[author] = (next[author] ?? 0) + 1;
        applied += 1;
        progress = true;
        onStep(applied);
      }
    });
  }
  const left = plan.steps.reduce(
    (sum, steps, author) => sum + steps.length - (next[author] ?? 0),
    0,
  );
  if (left > 0) throw new Error(`${left} steps never had their dependencies`);
}

describe.runIf(tracesDir !== null)('comment anchors under concurrent editing traces', () => {
  for (const name of ['clownschool', 'friendsforever']) {
    it(`places anchors alike on every replica of ${name}`, () => {
      const trace = readTrace<ConcurrentTrace>(
        tracesDir ?? '',
        `concurrent_traces/${name}.json.gz`,
      );
      const opener = new Y.Doc();
      insertTraceParagraph(opener);
      const initial = Y.encodeStateAsUpdate(opener);
      const plan = planConcurrentPageReplay(trace, initial);
      const replica = () => {
        const doc = new Y.Doc({ gc: true });
        Y.applyUpdate(doc, initial);
        return doc;
      };

      // The server takes one step of each author in turn; halfway, anchors are placed on the
      // text as it stands then.
      const server = replica();
      const total = plan.steps.reduce((sum, steps) => sum + steps.length, 0);
      const anchors: { from: string; to: string }[] = [];
      replay(plan, server, 1, (applied) => {
        if (applied !== Math.floor(total / 2)) return;
        const text = traceParagraphText(server);
        if (!text) throw new Error('the trace paragraph is missing');
        const stride = Math.max(1, Math.floor(text.length / 60));
        for (let start = 0; start + 12 <= text.length; start += stride) {
          anchors.push(anchorOfRange(text, start, start + 12));
        }
      });
      expect(anchors.length).toBeGreaterThan(10);
      // Another replica takes each author's edits in runs, as far as they can go.
      const other = replica();
      replay(plan, other, Number.POSITIVE_INFINITY);
      expect(readTraceParagraph(server)).toBe(trace.endContent);
      expect(readTraceParagraph(other)).toBe(trace.endContent);

      const placed = resolveAnchors(server, anchors);
      expect(resolveAnchors(other, anchors)).toEqual(placed);
      const attached = placed.filter((state) => state.state === 'attached');
      for (const state of attached) {
        if (state.state === 'attached') expect(trace.endContent).toContain(state.quote);
      }
      expect(placed.every((state) => state.state !== 'invalid')).toBe(true);
      console.info(
        `${name}: ${attached.length} of ${anchors.length} anchors still on their text, ` +
          `${anchors.length - attached.length} on deleted text`,
      );
    }, 60_000);
  }
});
