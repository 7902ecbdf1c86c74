import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collabClient, eventually } from '../test/collabClient';
import { startTestServer, type TestServer } from '../test/startTestServer';
import {
  createSpace,
  download,
  flatten,
  markdownOf,
  postZip,
  signUpAdmin,
  sourcesOf,
  type TreeNode,
  tinyPng,
  treeOf,
  zipOf,
} from './transferTestKit';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  await signUpAdmin(t);
});
afterAll(async () => {
  await t.close();
});

const tree = {
  'index.md':
    '# Welcome\n\nSee [setup](guides/setup.md#install) and [the team](team/).\n\n![logo](img/logo.png)\n',
  'guides/setup.md':
    '---\ntitle: Setting up\n---\n\n# Before you start\n\n## Install\n\nBack [home](../index.md).\nA [missing page](nope.md) and ![gone](../img/none.png).\n',
  'team/README.md': '# The team\n\nWho: [Alice](./alice)\n',
  'team/alice.md': 'Alice writes here.\n',
  'img/logo.png': tinyPng,
};

const titles = (nodes: readonly TreeNode[]): unknown =>
  nodes.map((node) => [node.title, titles(node.children)]);

describe('Markdown import', () => {
  it('turns a folder tree into pages with page links, attachments and a summary', async () => {
    await createSpace(t, 'docs');
    const response = await postZip(t, 'space=docs', zipOf(tree));
    expect(response.status).toBe(200);
    const summary = await response.json();
    expect(summary).toEqual({
      pages: { created: 5, updated: 0 },
      links: {
        resolved: 4,
        unresolved: [{ file: 'guides/setup.md', line: 10, href: 'nope.md' }],
      },
      images: {
        imported: 1,
        missing: [{ file: 'guides/setup.md', line: 10, src: '../img/none.png' }],
      },
    });
    const pages = await treeOf(t, 'docs');
    expect(titles(pages)).toEqual([
      ['guides', [['Setting up', []]]],
      ['Welcome', []],
      ['The team', [['alice', []]]],
    ]);
    const byTitle = new Map(flatten(pages).map((node) => [node.title, node]));
    const home = await markdownOf(t, byTitle.get('Welcome')?.id as string);
    expect(home).not.toContain('# Welcome');
    expect(home).toContain(`(/s/${byTitle.get('Setting up')?.shortId}#install)`);
    expect(home).toContain(`(/s/${byTitle.get('The team')?.shortId})`);
    expect(home).toMatch(/!\[logo\]\(\/api\/attachments\/[^/]+\/logo\.png\)/);
    const setup = await markdownOf(t, byTitle.get('Setting up')?.id as string);
    // Front matter names the page, so the first heading stays in the body.
    expect(setup).toContain('# Before you start');
    expect(setup).toContain(`(/s/${byTitle.get('Welcome')?.shortId})`);
    expect(setup).toContain('(nope.md)');
    const image = home.match(/\/api\/attachments\/[^)]+/)?.[0] as string;
    const bytes = new Uint8Array(await (await t.request(image)).arrayBuffer());
    expect(bytes).toEqual(tinyPng);
  });

  it('updates the same pages on re-import, keeping a revision and reaching live editors', async () => {
    const before = sourcesOf(t);
    const aliceId = before.get('team/alice.md') as string;
    const editor = collabClient(t.url, aliceId, {
      cookie: await sessionCookie(t),
      origin: t.url,
    });
    try {
      await editor.synced();
      const changed = { ...tree, 'team/alice.md': 'Alice rewrote this page.\n' };
      const response = await postZip(t, 'space=docs', zipOf(changed));
      expect(response.status).toBe(200);
      expect((await response.json()).pages).toEqual({ created: 0, updated: 5 });
      expect(sourcesOf(t)).toEqual(before);
      expect(flatten(await treeOf(t, 'docs'))).toHaveLength(5);
      expect(await markdownOf(t, aliceId)).toBe('Alice rewrote this page.\n');
      await eventually(
        () => editor.doc.getXmlFragment('default').toString().includes('Alice rewrote'),
        'the live editor to see the import',
      );
      const revisions = (await (await t.request(`/api/pages/${aliceId}/revisions`)).json())
        .revisions as { kind: string }[];
      expect(revisions.map((revision) => revision.kind)).toContain('before-import');
    } finally {
      editor.destroy();
    }
  });

  it('imports under a parent page', async () => {
    await createSpace(t, 'nested');
    const parent = await (
      await t.request('/api/pages', {
        method: 'POST',
        json: { spaceId: 'nested', title: 'Archive' },
      })
    ).json();
    const response = await postZip(
      t,
      `space=nested&parent=${parent.page.id}`,
      zipOf({ 'a.md': '# A\n' }),
    );
    if (response.status !== 200) console.log(t.logs.filter((line) => line.includes('"level":50')));
    expect(response.status).toBe(200);
    expect(titles(await treeOf(t, 'nested'))).toEqual([['Archive', [['A', []]]]]);
  });
});

/** Rewrites the sizes the headers claim for the first entry, as a zip bomb would. */
function lieAboutSize(zip: Uint8Array, claimed: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  view.setUint32(22, claimed, true);
  for (let i = 0; i < out.length - 4; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, claimed, true);
  }
  return out;
}

describe('bad archives', () => {
  const cases: [string, () => Uint8Array, number, string][] = [
    [
      'a zip bomb (one entry inflating past the file limit, header lying)',
      () => lieAboutSize(zipOf({ 'bomb.md': new Uint8Array(33 * 1024 * 1024) }), 100),
      413,
      'file_too_large',
    ],
    [
      'path traversal',
      () => zipOf({ 'ok.md': '# ok', '../evil.md': '# evil' }),
      400,
      'unsafe_path',
    ],
    [
      'an absolute path',
      () => zipOf({ 'ok.md': '# ok', '/etc/evil.md': '# evil' }),
      400,
      'unsafe_path',
    ],
    [
      'a backslash path',
      () => zipOf({ 'ok.md': '# ok', 'a\\..\\evil.md': '# evil' }),
      400,
      'unsafe_path',
    ],
    [
      'a drive letter',
      () => zipOf({ 'ok.md': '# ok', 'C:/evil.md': '# evil' }),
      400,
      'unsafe_path',
    ],
    [
      'Markdown that is not UTF-8',
      () =>
        zipOf({ 'ok.md': '# ok', 'latin1.md': Uint8Array.from([0x23, 0x20, 0xe9, 0x74, 0xe9]) }),
      400,
      'invalid_request',
    ],
    ['no zip at all', () => new TextEncoder().encode('# just Markdown'), 400, 'invalid_archive'],
    ['no Markdown inside', () => zipOf({ 'img/logo.png': tinyPng }), 400, 'invalid_request'],
  ];

  it.each(cases)(
    'refuses %s with a clear 4xx and imports nothing',
    async (_name, make, status, code) => {
      const slug = `bad-${code.replace(/_/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
      await createSpace(t, slug);
      const response = await postZip(t, `space=${slug}`, make());
      const body = await response.json();
      expect(response.status).toBe(status);
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(10);
      expect(await treeOf(t, slug)).toEqual([]);
    },
  );

  it('names the file that is not UTF-8', async () => {
    await createSpace(t, 'latin');
    const response = await postZip(
      t,
      'space=latin',
      zipOf({ 'notes/latin1.md': Uint8Array.from([0x23, 0x20, 0xe9, 0x74, 0xe9]) }),
    );
    expect((await response.json()).error.message).toContain('notes/latin1.md');
  });

  it('refuses a body that is not sent as a zip, an unknown space and a missing space', async () => {
    const zip = zipOf({ 'a.md': '# A' });
    expect((await postZip(t, 'space=docs', zip, 'text/plain')).status).toBe(415);
    expect((await postZip(t, 'space=nope', zip)).status).toBe(404);
    expect((await postZip(t, '', zip)).status).toBe(400);
  });
});

describe('export', () => {
  it('exports a space to Markdown that imports back to the same tree and text', async () => {
    const { response, files } = await download(t, '/api/spaces/docs/export?format=markdown');
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    expect([...files.keys()].sort()).toEqual([
      'attachments/logo.png',
      'guides/index.md',
      'guides/setting-up.md',
      'the-team/alice.md',
      'the-team/index.md',
      'welcome.md',
    ]);
    const welcome = new TextDecoder().decode(files.get('welcome.md'));
    expect(welcome).toContain('title: "Welcome"\norder: 2');
    expect(welcome).toContain('(guides/setting-up.md#install)');
    expect(welcome).toContain('(the-team/index.md)');
    expect(welcome).toContain('![logo](attachments/logo.png)');

    await createSpace(t, 'copy');
    const zip = zipOf(Object.fromEntries(files));
    const imported = await (await postZip(t, 'space=copy', zip)).json();
    // The broken link stays broken; the missing image was kept as a link to its file.
    expect(imported.links.unresolved.map((link: { href: string }) => link.href)).toEqual([
      'nope.md',
      '../img/none.png',
    ]);
    expect(imported.images.imported).toBe(1);
    const original = await treeOf(t, 'docs');
    const copy = await treeOf(t, 'copy');
    expect(titles(copy)).toEqual(titles(original));
    const normalized = async (nodes: readonly TreeNode[]) => {
      const titleOf = new Map(flatten(nodes).map((node) => [node.shortId, node.title]));
      return Promise.all(
        flatten(nodes).map(async (node) =>
          (await markdownOf(t, node.id))
            .replace(/\/s\/([0-9a-z]{10})/g, (_, shortId) => `/s/${titleOf.get(shortId)}`)
            .replace(/\/api\/attachments\/[^/]+\//g, '/api/attachments/ID/'),
        ),
      );
    };
    expect(await normalized(copy)).toEqual(await normalized(original));
  });

  it('exports a page with its subpages as HTML with relative links', async () => {
    const team = flatten(await treeOf(t, 'docs')).find((node) => node.title === 'The team');
    const { files } = await download(t, `/api/pages/${team?.id}/export?format=html&subpages=true`);
    expect([...files.keys()].sort()).toEqual(['the-team/alice.html', 'the-team/index.html']);
    const index = new TextDecoder().decode(files.get('the-team/index.html'));
    expect(index).toContain('<title>The team</title>');
    expect(index).toContain('href="alice.html"');
    const single = await download(t, `/api/pages/${team?.id}/export?format=markdown`);
    expect([...single.files.keys()]).toEqual(['the-team.md']);
  });

  it('answers 404 for unknown pages and spaces', async () => {
    expect((await t.request('/api/pages/nope/export')).status).toBe(404);
    expect((await t.request('/api/spaces/nope/export?format=html')).status).toBe(404);
    expect((await t.request('/api/spaces/docs/export?format=pdf')).status).toBe(400);
  });
});

async function sessionCookie(server: TestServer): Promise<string> {
  const response = await server.request('/api/auth/login', {
    method: 'POST',
    anonymous: true,
    json: { email: 'admin@example.com', password: 'admin password' },
  });
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}
