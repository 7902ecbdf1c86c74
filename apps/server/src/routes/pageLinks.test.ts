import { applyJSONToYDoc, markdownToJSON } from '@lore/schema';
import { describe, expect, it } from 'vitest';
import { adminServerPerTest, testAdmin } from '../test/adminServerPerTest';
import { collabClient, eventually } from '../test/collabClient';
import { expectJson } from '../test/expectJson';
import { startTestServer } from '../test/startTestServer';

const t = adminServerPerTest();

const createSpace = async (name: string) =>
  (await expectJson(await t.request('/api/spaces', { method: 'POST', json: { name } }), 201)).space;

const createPage = async (spaceId: string, title: string, markdown = '') =>
  (
    await expectJson(
      await t.request('/api/pages', { method: 'POST', json: { spaceId, title, markdown } }),
      201,
    )
  ).page;

/** Links are indexed by the outbox's `page-links` consumer: asked once it has caught up. */
const settled = () => t.server.runtime.events.drain();

const backlinks = async (id: string) => {
  await settled();
  return (await expectJson(await t.request(`/api/pages/${id}/backlinks`), 200)).backlinks;
};

describe('backlinks', () => {
  it('lists live pages linking by short link, canonical path or anchor, each once', async () => {
    const eng = await createSpace('Eng');
    const ops = await createSpace('Ops');
    const target = await createPage(eng.id, 'Deploy guide');
    const a = await createPage(
      eng.id,
      'Runbook',
      `See [the guide](/s/${target.shortId}) and [its setup](/s/${target.shortId}#setup).`,
    );
    await createPage(ops.id, 'Alerts', `Read [deploying](/eng/old-title-${target.shortId}).`);
    await createPage(eng.id, 'Elsewhere', '[a site](https://example.com/s/abc234defg)');
    const found = await backlinks(target.id);
    expect(found).toEqual([
      {
        page: expect.objectContaining({ title: 'Alerts', url: expect.stringMatching(/^\/ops\//) }),
        space: { id: ops.id, slug: 'ops', name: 'Ops' },
        texts: ['deploying'],
      },
      {
        page: { id: a.id, shortId: a.shortId, title: 'Runbook', icon: null, url: a.url },
        space: { id: eng.id, slug: 'eng', name: 'Eng' },
        texts: ['the guide', 'its setup'],
      },
    ]);
    // By short id too, and a source in the trash stops counting.
    await expectJson(await t.request(`/api/pages/${a.id}`, { method: 'DELETE' }), 200);
    expect(
      (await backlinks(target.shortId)).map((b: { page: { title: string } }) => b.page.title),
    ).toEqual(['Alerts']);
    expect((await expectJson(await t.request('/api/pages/nope/backlinks'), 404)).error.code).toBe(
      'page_not_found',
    );
  });

  it('follows edits made through the collaboration socket', async () => {
    const eng = await createSpace('Eng');
    const target = await createPage(eng.id, 'Target');
    const source = await createPage(eng.id, 'Source');
    const { token } = await expectJson(
      await t.request('/api/tokens', { method: 'POST', json: { name: 'editor' } }),
      201,
    );
    const client = collabClient(t.url, source.id, { token });
    try {
      await client.synced();
      applyJSONToYDoc(client.doc, markdownToJSON(`Typed [a link](/s/${target.shortId}#top).`));
      await eventually(
        async () => (await backlinks(target.id)).length === 1,
        'the typed link to be indexed',
      );
      expect((await backlinks(target.id))[0].texts).toEqual(['a link']);
      applyJSONToYDoc(client.doc, markdownToJSON('No links any more.'));
      await eventually(
        async () => (await backlinks(target.id)).length === 0,
        'the removed link to leave the index',
      );
    } finally {
      client.destroy();
    }
  });
});

describe('rebuilding the links index', () => {
  it('restores every page’s links from the documents', async () => {
    const eng = await createSpace('Eng');
    const target = await createPage(eng.id, 'Target');
    await createPage(eng.id, 'One', `[one](/s/${target.shortId})`);
    await createPage(eng.id, 'Two', `[two](/eng/target-${target.shortId}#x)`);
    // Every consumer is done with the new pages before their links are wiped.
    await t.server.runtime.events.drain();
    t.server.services.db.prepare('DELETE FROM page_links').run();
    expect(await backlinks(target.id)).toEqual([]);
    expect(await t.server.services.links.reindexAll()).toEqual({ pages: 3, links: 2 });
    expect((await backlinks(target.id)).map((b: { texts: string[] }) => b.texts)).toEqual([
      ['one'],
      ['two'],
    ]);
  });
});

describe('absolute links on the public origin', () => {
  it('count as internal links', async () => {
    const origin = 'https://wiki.example.com';
    const publicServer = await startTestServer({ LORE_PUBLIC_URL: origin });
    try {
      const write = (path: string, body: unknown) =>
        publicServer.request(path, { method: 'POST', json: body, headers: { origin } });
      await write('/api/setup', testAdmin);
      const space = (await expectJson(await write('/api/spaces', { name: 'Eng' }), 201)).space;
      const target = (
        await expectJson(await write('/api/pages', { spaceId: space.id, title: 'T' }), 201)
      ).page;
      await expectJson(
        await write('/api/pages', {
          spaceId: space.id,
          title: 'S',
          markdown: `[abs](${origin}/s/${target.shortId}) [other](https://other.example/s/${target.shortId})`,
        }),
        201,
      );
      await publicServer.server.runtime.events.drain();
      const { backlinks } = await expectJson(
        await publicServer.request(`/api/pages/${target.id}/backlinks`),
        200,
      );
      expect(backlinks.map((b: { texts: string[] }) => b.texts)).toEqual([['abs']]);
    } finally {
      await publicServer.close();
    }
  });
});

describe('broken links', () => {
  it('reports links to trashed pages as deleted and unknown short ids as missing', async () => {
    const eng = await createSpace('Eng');
    const gone = await createPage(eng.id, 'Gone');
    const fine = await createPage(eng.id, 'Fine');
    const source = await createPage(
      eng.id,
      'Index',
      `[fine](/s/${fine.shortId}) [gone](/s/${gone.shortId}) [never](/s/zzzz999999)`,
    );
    await expectJson(await t.request(`/api/pages/${gone.id}`, { method: 'DELETE' }), 200);
    await settled();
    const { brokenLinks } = await expectJson(await t.request('/api/spaces/eng/broken-links'), 200);
    expect(brokenLinks).toEqual([
      {
        source: { id: source.id, shortId: source.shortId, title: 'Index', url: source.url },
        href: `/s/${gone.shortId}`,
        text: 'gone',
        reason: 'deleted',
      },
      {
        source: { id: source.id, shortId: source.shortId, title: 'Index', url: source.url },
        href: '/s/zzzz999999',
        text: 'never',
        reason: 'missing',
      },
    ]);
    await expectJson(await t.request(`/api/pages/${gone.id}/restore`, { method: 'POST' }), 200);
    await settled();
    expect(
      (await expectJson(await t.request(`/api/spaces/${eng.id}/broken-links`), 200)).brokenLinks,
    ).toHaveLength(1);
    expect(
      (await expectJson(await t.request('/api/spaces/nope/broken-links'), 404)).error.code,
    ).toBe('space_not_found');
  });
});

describe('link suggestions', () => {
  it('ranks title prefixes, then word prefixes, then substrings, live pages only', async () => {
    const eng = await createSpace('Eng');
    const ops = await createSpace('Ops');
    await createPage(eng.id, 'Redeploy notes');
    await createPage(ops.id, 'How to deploy');
    await createPage(eng.id, 'Deploy guide');
    const trashed = await createPage(eng.id, 'Deploy old');
    await createPage(eng.id, 'Unrelated');
    await expectJson(await t.request(`/api/pages/${trashed.id}`, { method: 'DELETE' }), 200);
    const suggest = async (query: string) =>
      (await expectJson(await t.request(`/api/pages/suggest?${query}`), 200)).pages;
    const found = await suggest('q=DEPLOY');
    expect(found.map((p: { title: string }) => p.title)).toEqual([
      'Deploy guide',
      'How to deploy',
      'Redeploy notes',
    ]);
    expect(found[1]).toMatchObject({
      space: { id: ops.id, slug: 'ops', name: 'Ops' },
      url: expect.stringMatching(/^\/ops\/how-to-deploy-[0-9a-z]{10}$/),
      icon: null,
    });
    expect(await suggest('q=deploy&limit=1')).toHaveLength(1);
    expect((await suggest('q=')).map((p: { title: string }) => p.title)).toHaveLength(4);
    expect((await suggest('')).map((p: { title: string }) => p.title)[0]).toBe('Unrelated');
    expect(await suggest('q=%25')).toEqual([]);
    await expectJson(await t.request('/api/pages/suggest?limit=21'), 400);
    await expectJson(await t.request('/api/pages/suggest?limit=0'), 400);
  });
});
