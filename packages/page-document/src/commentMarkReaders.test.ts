import type { PageStore, SearchPageFacts, SpaceStore } from '@lore/core';
import { jsonToYDoc, markdownToJSON, pageBodyField } from '@lore/schema';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { anchorOfRange } from './anchorOfRange';
import { diffPageStates } from './diffPageStates';
import { PageSearchDocuments } from './PageSearchDocuments';
import { placeCommentMark } from './placeCommentMark';
import { readPageState } from './readPageState';
import { renderPageState } from './renderPageState';

/** A page whose "manual" carries a resolved and an open thread, and the page as it was before. */
function annotatedPage(): { doc: Y.Doc; before: ReturnType<typeof readPageState> } {
  const doc = jsonToYDoc(
    markdownToJSON('Read the **manual** first.\n\n- [docs](https://x.test/)'),
    pageBodyField,
  );
  doc.getText('title').insert(0, 'Runbook');
  const before = readPageState(doc);
  const text = (doc.getXmlFragment(pageBodyField).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  placeCommentMark(doc, anchorOfRange(text, 5, 15), { threadId: 't-1', resolved: false });
  placeCommentMark(doc, anchorOfRange(text, 9, 15), { threadId: 't-2', resolved: true });
  return { doc, before };
}

describe('comment marks and the readers of a page', () => {
  it('are not in page states, so not in revisions, their rendering or their diffs', () => {
    const { doc, before } = annotatedPage();
    const after = readPageState(doc);
    expect(after).toEqual(before);
    const rendered = renderPageState(after);
    for (const output of Object.values(rendered)) expect(output).not.toMatch(/comment|t-1|thread/);
    const diff = diffPageStates(before, after);
    expect(diff.html).not.toMatch(/comment|lore-diff-(ins|del)/);
    expect(diff.stats.changed).toBe(false);
  });

  it('are not in search documents', async () => {
    const { doc } = annotatedPage();
    const page = { id: 'p1', shortId: 's', spaceId: 'sp', title: 'Runbook', updatedAt: 1 };
    const search = new PageSearchDocuments({
      pages: { findPageById: () => page } as unknown as PageStore,
      spaces: { findSpaceById: () => ({ id: 'sp', name: 'Ops' }) } as unknown as SpaceStore,
      facts: {
        lineage: () => [{ id: 'p1', title: 'Runbook', deletedAt: null }],
        authors: () => [],
        views: () => 0,
      } as unknown as SearchPageFacts,
      readDocument: async (_pageId, read) => read(doc),
      tags: () => [],
    });
    const document = await search.load('p1');
    expect(document?.body).toBe('Read the manual first.\n\ndocs');
  });
});
