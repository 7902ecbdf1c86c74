import { applyStoredDocument } from '@lore/collab';
import { documentLimits, findDocumentExcess, readFragmentJSON } from '@lore/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../test/collabClient';
import { startTestServer, type TestServer } from '../test/startTestServer';
import { appendToBody, nested } from '../test/yContentOf';
import { checkPageStructure } from './checkPageStructure';

let t: TestServer;
let pageId: string;
let spaceId: string;

beforeEach(async () => {
  t = await startTestServer();
  await t.request('/api/setup', {
    method: 'POST',
    json: { email: 'ada@example.com', displayName: 'Ada', password: 'analytical-engine' },
  });
  spaceId = (
    await (await t.request('/api/spaces', { method: 'POST', json: { name: 'Docs' } })).json()
  ).space.id;
  pageId = (
    await (
      await t.request('/api/pages', {
        method: 'POST',
        json: { spaceId, title: 'Broken', markdown: 'Intro' },
      })
    ).json()
  ).page.id;
});
afterEach(async () => {
  await t.close();
});

/**
 * Writes content straight into the page's stored log, around every guard, as the old behaviour
 * (or a direct database edit) left it: 1,200 nested blockquotes with a paragraph at the bottom,
 * a `javascript:` link and an image with an event handler.
 */
async function breakPage(): Promise<void> {
  const { collab, documents } = t.server.services;
  await collab.closeDocument(pageId);
  const doc = new Y.Doc();
  applyStoredDocument(doc, await documents.load(pageId));
  const before = Y.encodeStateVector(doc);
  appendToBody(doc, [
    nested('blockquote', 1_200, 'bottom of the well'),
    {
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: 'bad link',
          marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
        },
        { type: 'image', attrs: { src: 'https://example.com/a.png', onerror: 'alert(1)' } },
      ],
    },
  ]);
  await documents.append(pageId, [Y.encodeStateAsUpdate(doc, before)]);
  doc.destroy();
}

async function storedExcess() {
  const doc = new Y.Doc();
  applyStoredDocument(doc, await t.server.services.documents.load(pageId));
  const json = readFragmentJSON(doc.getXmlFragment('default'));
  doc.destroy();
  return { json, excess: findDocumentExcess(json, documentLimits) };
}

describe('a page stored past the limits', () => {
  it('still renders, exports, is revisioned, diffed and indexed, and the read is logged', async () => {
    await breakPage();
    const read = await t.request(`/api/pages/${pageId}`);
    expect(read.status).toBe(200);
    const page = await read.json();
    expect(page.markdown).toContain('bottom of the well');
    expect(page.html).toContain('bottom of the well');
    expect(page.html).not.toMatch(/javascript:|onerror/);
    expect(t.logs.some((line) => line.includes('past the structure limits'))).toBe(true);

    for (const format of ['markdown', 'html']) {
      expect((await t.request(`/api/pages/${pageId}/export?format=${format}`)).status).toBe(200);
      expect((await t.request(`/api/spaces/${spaceId}/export?format=${format}`)).status).toBe(200);
    }
    const saved = await t.request(`/api/pages/${pageId}/revisions`, {
      method: 'POST',
      json: { name: 'Kept' },
    });
    expect([200, 201]).toContain(saved.status);
    // The diff of the kept revision against the page as it is now (typed on since).
    await t.server.services.collab.editDocument(pageId, (doc) =>
      doc.getText('title').insert(0, 'Still '),
    );
    const diff = await t.request(`/api/pages/${pageId}/diff`);
    expect(diff.status).toBe(200);
    expect((await diff.json()).title.changed).toBe(true);
    await eventually(async () => {
      const found = await (await t.request('/api/search?q=well')).json();
      return found.results.some((result: { pageId: string }) => result.pageId === pageId);
    }, 'the page to be indexed');
  });

  it('is found by the doctor check and repaired through a revisioned edit', async () => {
    await breakPage();
    expect((await storedExcess()).excess.map((item) => item.limit)).toEqual(['maxDepth']);

    const report = await checkPageStructure(t.server.services, { repair: false });
    expect(report.findings.map((finding) => [finding.pageId, finding.repaired])).toEqual([
      [pageId, false],
    ]);
    expect((await storedExcess()).excess).toHaveLength(1);

    const progress: number[] = [];
    const repaired = await checkPageStructure(t.server.services, {
      repair: true,
      onProgress: (done) => progress.push(done),
    });
    expect(repaired.findings.map((finding) => finding.repaired)).toEqual([true]);
    expect(progress.at(-1)).toBe(repaired.checked);

    const after = await storedExcess();
    expect(after.excess).toEqual([]);
    const stored = JSON.stringify(after.json);
    expect(stored).toContain('bottom of the well');
    expect(stored).toContain('Intro');
    expect(stored).not.toMatch(/javascript:|onerror/);

    const names = (await (await t.request(`/api/pages/${pageId}/revisions`)).json()).revisions.map(
      (revision: { name: string | null }) => revision.name,
    );
    expect(names).toContain('Before structure repair');
    expect(names).toContain('Structure repair');
    // Checked again: nothing left to repair.
    expect((await checkPageStructure(t.server.services, { repair: false })).findings).toEqual([]);
  });
});
