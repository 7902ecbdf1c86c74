import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type CollabClient, eventually } from '../test/collabClient';
import { type HistoryWorkspace, startHistoryWorkspace } from './test/historyWorkspace';

let w: HistoryWorkspace;
beforeEach(async () => {
  w = await startHistoryWorkspace();
});
afterEach(async () => {
  await w.close();
});

function paragraphText(doc: Y.Doc, index: number): Y.XmlText | null {
  const paragraph = doc.getXmlFragment('default').get(index);
  if (!(paragraph instanceof Y.XmlElement)) return null;
  const text = paragraph.get(0);
  return text instanceof Y.XmlText ? text : null;
}

const readParagraph = (doc: Y.Doc, index: number) => paragraphText(doc, index)?.toString() ?? '';

/**
 * Someone typing tokens `<prefix>1`, `<prefix>2`… at the end of one paragraph, noting the first
 * token typed after their editor showed the restore.
 */
function typist(client: CollabClient, paragraph: number, prefix: string) {
  const state = { typed: 0, firstAfterRestore: -1, stopped: false };
  const restoredHere = () => readParagraph(client.doc, 0) === 'Intro';
  const tick = () => {
    if (state.stopped) return;
    if (state.firstAfterRestore < 0 && restoredHere() && state.typed > 0) {
      state.firstAfterRestore = state.typed + 1;
    }
    const text = paragraphText(client.doc, paragraph);
    if (text) {
      state.typed += 1;
      text.insert(text.length, ` ${prefix}${state.typed}`);
    }
    setTimeout(tick, 3);
  };
  return {
    state,
    start: () => setTimeout(tick, 0),
    stop: () => {
      state.stopped = true;
    },
  };
}

/** The tokens of one typist found in a paragraph, as their numbers in order. */
const tokensOf = (text: string, prefix: string) =>
  [...text.matchAll(new RegExp(` ${prefix}(\\d+)`, 'g'))].map((match) => Number(match[1]));

describe('restoring a revision while others type', () => {
  it('reaches every editor at once, converges, and loses no edit made after it', async () => {
    const page = await w.createPage('Live', 'Intro\n\nAlpha:\n\nBeta:');
    const saved = await w.ada.call(`/api/pages/${page.id}/revisions`, 201, {
      method: 'POST',
      json: { name: 'Before the edit' },
    });
    const alice = w.bob.client(page.id);
    const brenda = w.ada.client(page.id);
    await Promise.all([alice.synced(), brenda.synced()]);
    paragraphText(alice.doc, 0)?.insert(5, ', edited');
    await eventually(() => readParagraph(brenda.doc, 0) === 'Intro, edited', 'the edit to spread');

    const a = typist(alice, 1, 'a');
    const b = typist(brenda, 2, 'b');
    a.start();
    b.start();
    await eventually(() => a.state.typed >= 20 && b.state.typed >= 20, 'typing to get going');

    const restored = await w.ada.call(
      `/api/pages/${page.id}/revisions/${saved.revision.id}/restore`,
      200,
      { method: 'POST' },
    );
    expect(restored.changed).toBe(true);

    // Both editors see the restore while still typing, then type on for a while.
    await eventually(
      () =>
        a.state.firstAfterRestore > 0 &&
        b.state.firstAfterRestore > 0 &&
        a.state.typed >= a.state.firstAfterRestore + 20 &&
        b.state.typed >= b.state.firstAfterRestore + 20,
      'both typists to see the restore and keep typing',
    );
    a.stop();
    b.stop();

    const server = await w.t.server.services.collab.getDocument(page.id);
    const body = (doc: Y.Doc) => doc.getXmlFragment('default').toJSON();
    await eventually(
      () => body(alice.doc) === body(server) && body(brenda.doc) === body(server),
      'every copy to converge',
    );
    expect(readParagraph(server, 0)).toBe('Intro');

    for (const [typistState, index, prefix] of [
      [a.state, 1, 'a'],
      [b.state, 2, 'b'],
    ] as const) {
      const text = readParagraph(server, index);
      const label = prefix === 'a' ? 'Alpha:' : 'Beta:';
      expect(text.startsWith(label)).toBe(true);
      const kept = tokensOf(text, prefix);
      // The restore removed what was typed before it; everything typed afterwards (and what it
      // could not have seen) is there, in order, without a gap, up to the last keystroke.
      expect(kept.at(-1)).toBe(typistState.typed);
      expect(kept[0]).toBeLessThanOrEqual(typistState.firstAfterRestore);
      expect(kept[0]).toBeGreaterThan(1);
      expect(kept).toEqual(
        Array.from({ length: kept.length }, (_, offset) => (kept[0] ?? 0) + offset),
      );
      expect(text).toBe(`${label}${kept.map((n) => ` ${prefix}${n}`).join('')}`);
    }

    const history = await w.gus.call(`/api/pages/${page.id}/revisions`, 200);
    expect(history.revisions.map((r: { kind: string }) => r.kind)).toEqual([
      'restore',
      'before-restore',
      'manual',
    ]);
    const before = await w.gus.call(
      `/api/pages/${page.id}/revisions/${history.revisions[1].id}`,
      200,
    );
    expect(before.markdown.startsWith('Intro, edited\n')).toBe(true);
    expect(history.revisions[0].restoredFrom).toBe(saved.revision.id);
  });
});
