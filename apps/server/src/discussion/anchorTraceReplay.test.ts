import { type ConcurrentTrace, editingTracesDir, readTrace } from '@lore/collab/testing';
import { anchorOfRange, resolveAnchors } from '@lore/page-document';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planConcurrentPageReplay } from '../test/planConcurrentPageReplay';
import {
  insertTraceParagraph,
  readTraceParagraph,
  traceParagraphText,
} from '../test/traceParagraph';

// Comment anchors through real concurrent editing traces: anchors are placed halfway through the
// editing, then every replica, whatever order it received the rest in, must place each anchor
// the same way (attached with the same text, or detached).

const tracesDir = editingTracesDir();
if (!tracesDir) {
  console.warn(
    'SKIPPED: comment anchors under concurrent editing traces did not run: no editing-traces ' +
      `folder under ${process.env.LORE_CORPORA ?? '../shared/corpora'} (set LORE_CORPORA).`,
  );
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

      // The server as it stands halfway: the first half of each author's edits (those waiting
      // for someone's later edits stay pending, as Yjs keeps them).
      const server = replica();
      const half = plan.steps.map((steps) => Math.floor(steps.length / 2));
      plan.steps.forEach((steps, author) => {
        for (const step of steps.slice(0, half[author])) Y.applyUpdate(server, step.update);
      });
      const text = traceParagraphText(server);
      if (!text) throw new Error('the trace paragraph is missing');
      const length = text.length;
      const anchors: { from: string; to: string }[] = [];
      const stride = Math.max(1, Math.floor(length / 60));
      for (let start = 0; start + 12 <= length; start += stride) {
        anchors.push(anchorOfRange(text, start, start + 12));
      }
      expect(anchors.length).toBeGreaterThan(10);

      // The rest reaches the server in author order; another replica gets everything with the
      // authors in reverse order.
      plan.steps.forEach((steps, author) => {
        for (const step of steps.slice(half[author])) Y.applyUpdate(server, step.update);
      });
      const other = replica();
      for (const steps of [...plan.steps].reverse()) {
        for (const step of steps) Y.applyUpdate(other, step.update);
      }
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
