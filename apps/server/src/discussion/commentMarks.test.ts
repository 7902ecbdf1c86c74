import {
  anchorOfRange,
  type JSONContent,
  pageBodyField,
  readFragmentJSON,
} from '@lore/page-document';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { adminServerPerTest } from '../test/adminServerPerTest';
import { collabClient } from '../test/collabClient';
import { expectJson } from '../test/expectJson';
import { privateSpaceWithPage, tokenPerson } from '../test/tokenPerson';

const t = adminServerPerTest();

const settle = () => t.server.runtime.events.drain({ flushContent: true });

/** The comment marks in a document: thread id, resolved, and the text each covers. */
function commentMarks(doc: Y.Doc): string[] {
  const found: string[] = [];
  const walk = (node: JSONContent) => {
    for (const mark of node.marks ?? []) {
      if (mark.type === 'comment') {
        found.push(
          `${mark.attrs?.threadId}${mark.attrs?.resolved ? ' (resolved)' : ''}: ${node.text}`,
        );
      }
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(readFragmentJSON(doc.getXmlFragment(pageBodyField)));
  return found;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const firstText = (doc: Y.Doc) =>
  (doc.getXmlFragment(pageBodyField).get(0) as Y.XmlElement).get(0) as Y.XmlText;

describe('comment marks in the page document', () => {
  it('are placed by the server for a commenter’s thread, live in open editors, and follow it', async () => {
    const [sam, cleo, eve] = await Promise.all(
      ['sam', 'cleo', 'eve'].map((n) => tokenPerson(t, n)),
    );
    if (!sam || !cleo || !eve) throw new Error('people missing');
    const { page } = await privateSpaceWithPage(
      t,
      [
        [sam, 'editor'],
        [cleo, 'commenter'],
        [eve, 'viewer'],
      ],
      'Restart the thing now.\n\nThen wait.',
    );
    await expectJson(await eve.as(`/api/pages/${page.id}/watch`, { method: 'POST' }), 200);
    // Sam has the page open in the stock y-websocket client.
    const editor = collabClient(t.url, page.id, { token: sam.token });
    try {
      await editor.synced();
      await settle();
      const { revisions } = t.server.runtime.storage;
      const history = () => ({
        revisions: revisions.listRevisions(page.id, { limit: 100 }).length,
        pending: revisions.pendingEdits(page.id)?.contributors ?? [],
      });
      const before = history();
      const pageChanged = async () =>
        (await expectJson(await eve.as('/api/notifications'), 200)).notifications.filter(
          (n: { kind: string }) => n.kind === 'page_changed',
        ).length;
      const toldBefore = await pageChanged();

      // Cleo, who cannot write the document, comments on "the thing".
      const text = firstText(editor.doc);
      const anchor = { ...anchorOfRange(text, 8, 17), quote: 'the thing' };
      const { thread } = await expectJson(
        await cleo.as(`/api/pages/${page.id}/comments`, {
          method: 'POST',
          json: { body: 'Which thing?', anchor },
        }),
        201,
      );
      await settle();
      await until(() => commentMarks(editor.doc).length > 0, 'the comment mark');
      expect(commentMarks(editor.doc)).toEqual([`${thread.id}: the thing`]);
      // Nobody's edit: no revision, no contributor, no news for watchers.
      expect(history()).toEqual(before);
      expect(await pageChanged()).toBe(toldBefore);
      // Delivering the event again changes nothing.
      const stateBefore = editor.doc.store.clients.size;
      await settle();
      expect(editor.doc.store.clients.size).toBe(stateBefore);

      // A resolved thread keeps its mark, marked resolved; reopening clears that.
      await expectJson(await sam.as(`/api/comments/${thread.id}/resolve`, { method: 'POST' }), 200);
      await settle();
      await until(() => commentMarks(editor.doc)[0]?.includes('resolved') === true, 'resolved');
      expect(commentMarks(editor.doc)).toEqual([`${thread.id} (resolved): the thing`]);
      await expectJson(await sam.as(`/api/comments/${thread.id}/reopen`, { method: 'POST' }), 200);
      await settle();
      await until(() => commentMarks(editor.doc)[0]?.includes('resolved') === false, 'reopened');
      expect(commentMarks(editor.doc)).toEqual([`${thread.id}: the thing`]);

      // What the page says to readers (HTML, Markdown, text) never carries it.
      const shown = await (await sam.as(`/api/pages/${page.id}`)).text();
      expect(shown).toContain('Restart the thing now.');
      expect(shown).not.toMatch(/comment-anchor|data-thread-id/);
      expect(shown).not.toContain(thread.id);

      // Deleting the thread takes its mark away.
      const commentId = thread.comments[0].id;
      expect(
        (await cleo.as(`/api/comments/${thread.id}/comments/${commentId}`, { method: 'DELETE' }))
          .status,
      ).toBeLessThan(300);
      await settle();
      await until(() => commentMarks(editor.doc).length === 0, 'the mark to go');
      expect(history()).toEqual(before);
    } finally {
      editor.destroy();
    }
  });
});
