import { applyStoredDocument } from '@lore/collab';
import type { JSONContent } from '@lore/page-document';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { png } from '../test/accessWorld';
import { apiTokenFor } from '../test/apiTokenFor';
import { expectJson } from '../test/expectJson';
import { htmlViolations } from '../test/htmlViolations';
import { startTestServer, type TestRequestInit, type TestServer } from '../test/startTestServer';
import { appendToBody } from '../test/yContentOf';
import { sharedViewPolicy } from './sharedViewHeaders';

let t: TestServer;
let sam: {
  id: string;
  as: (path: string, init?: TestRequestInit) => ReturnType<TestServer['request']>;
};
/** Pages by name: top > handbook > (child > grandchild, restricted); outside beside top. */
const pages = new Map<string, { id: string; shortId: string }>();
const files = new Map<string, { id: string; filename: string }>();

const page = (name: string) => pages.get(name) as { id: string; shortId: string };
const file = (name: string) => files.get(name) as { id: string; filename: string };

/** A request with no cookie and no token: a visitor. */
const visit = (path: string) => t.request(path, { anonymous: true });

async function share(pageName: string, body: Record<string, unknown> = {}) {
  const created = await expectJson(
    await sam.as(`/api/pages/${page(pageName).id}/shares`, { method: 'POST', json: body }),
    201,
  );
  const path = new URL(created.url).pathname;
  return { id: created.id as string, path, url: created.url as string };
}

/** The page's HTML parsed without running anything, to look at what a browser would get. */
function parse(html: string) {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  return { document, close: () => void window.happyDOM.close() };
}

async function writeBody(pageName: string, nodes: JSONContent[]) {
  await t.server.services.collab.editDocument(page(pageName).id, (doc) => appendToBody(doc, nodes));
}

const link = (text: string, href: string): JSONContent => ({
  type: 'text',
  text,
  marks: [{ type: 'link', attrs: { href } }],
});

beforeAll(async () => {
  t = await startTestServer();
  await t.request('/api/setup', {
    method: 'POST',
    json: { email: 'ada@example.com', displayName: 'Ada', password: 'analytical-engine' },
  });
  const { user } = await expectJson(
    await t.request('/api/users', {
      method: 'POST',
      json: { email: 'sam@example.com', displayName: 'Sam', password: 'sam password' },
    }),
    201,
  );
  const token = apiTokenFor(t.server.services.accounts, user, 'tests').secret;
  sam = {
    id: user.id,
    as: (path, init = {}) =>
      t.request(path, {
        ...init,
        anonymous: true,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
      }),
  };
  await expectJson(
    await t.request('/api/spaces', {
      method: 'POST',
      json: { name: 'Docs', slug: 'docs', visibility: 'private' },
    }),
    201,
  );
  await expectJson(
    await t.request(`/api/spaces/docs/members/users/${user.id}`, {
      method: 'PUT',
      json: { role: 'editor' },
    }),
    200,
  );
  const make = async (name: string, title: string, parent: string | null, markdown: string) => {
    const made = await expectJson(
      await sam.as('/api/pages', {
        method: 'POST',
        json: {
          spaceId: 'docs',
          title,
          markdown,
          parentId: parent === null ? null : page(parent).id,
        },
      }),
      201,
    );
    pages.set(name, { id: made.page.id, shortId: made.page.shortId });
  };
  await make('top', 'Company Top Page', null, 'Above the shared page.');
  await make('handbook', 'Support Handbook', 'top', 'How we answer customers, step by step.');
  await make('child', 'Escalations', 'handbook', 'When to call the on-call engineer.');
  await make('grandchild', 'Night Shifts', 'child', 'Who covers the night.');
  await make('restricted', 'Salary Bands', 'handbook', 'Numbers nobody outside HR sees.');
  await make('outside', 'Quarterly Numbers', null, 'Revenue we do not publish.');
  await make('hostile', 'Hostile Page', null, 'Hostile content below.');
  await expectJson(
    await sam.as(`/api/pages/${page('restricted').id}/restrictions`, {
      method: 'PUT',
      json: { view: { users: [sam.id], groups: [] }, edit: null },
    }),
    200,
  );
  for (const name of ['handbook', 'outside']) {
    const { attachment } = await expectJson(
      await sam.as(`/api/pages/${page(name).id}/attachments?filename=${name}.png`, {
        method: 'POST',
        body: Buffer.from(png),
        headers: { 'content-type': 'image/png' },
      }),
      201,
    );
    files.set(name, { id: attachment.id, filename: attachment.filename });
  }
  await writeBody('handbook', [
    {
      type: 'paragraph',
      content: [
        link('the escalation guide', `/s/${page('child').shortId}#who`),
        { type: 'text', text: ' and ' },
        link('the numbers', `/s/${page('outside').shortId}`),
        { type: 'text', text: ' and ' },
        link('the app', '/spaces/docs'),
        { type: 'text', text: ' and ' },
        link('our site', 'https://example.com/about'),
      ],
    },
    {
      type: 'paragraph',
      content: [
        {
          type: 'image',
          attrs: { src: `/api/attachments/${file('handbook').id}/handbook.png`, alt: 'our logo' },
        },
        {
          type: 'image',
          attrs: { src: `/api/attachments/${file('outside').id}/outside.png`, alt: 'a chart' },
        },
      ],
    },
  ]);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('the public view of a share link', () => {
  it('shows the page to a visitor with a strict policy, noindex, no script and OpenGraph', async () => {
    const { path } = await share('handbook');
    const response = await visit(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(sharedViewPolicy);
    expect(sharedViewPolicy).toContain("default-src 'none'");
    expect(sharedViewPolicy).not.toMatch(/script-src|unsafe-inline|unsafe-eval/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const html = await response.text();
    const { document, close } = parse(html);
    try {
      expect(document.querySelectorAll('script, form, iframe, object, embed, base')).toHaveLength(
        0,
      );
      expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe(
        'noindex, nofollow',
      );
      expect(document.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(
        'Support Handbook',
      );
      expect(
        document.querySelector('meta[property="og:description"]')?.getAttribute('content'),
      ).toContain('How we answer customers');
      expect(document.querySelector('h1')?.textContent).toBe('Support Handbook');
      const stylesheet = document.querySelector('link[rel="stylesheet"]')?.getAttribute('href');
      expect(stylesheet).toBe('/s/-/shared.css');
      // Without subpages: no table of contents, and nothing of the app around the page.
      expect(document.querySelector('nav.contents')).toBeNull();
      expect(html).not.toMatch(/sam@example\.com|Company Top Page|Escalations/);
    } finally {
      close();
    }
    const css = await visit('/s/-/shared.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('prefers-color-scheme: dark');
  });

  it('lets the visitor into subpages only when the link includes them', async () => {
    const alone = await share('handbook');
    const child = `/p/${page('child').shortId}`;
    expect((await visit(`${alone.path}${child}`)).status).toBe(404);

    const tree = await share('handbook', { includeSubpages: true });
    for (const name of ['child', 'grandchild']) {
      const response = await visit(`${tree.path}/p/${page(name).shortId}`);
      expect(response.status, name).toBe(200);
    }
    const grandchild = await (await visit(`${tree.path}/p/${page('grandchild').shortId}`)).text();
    expect(grandchild).toContain('Who covers the night.');
    // The way down from the shared page, and nothing above it.
    expect(grandchild).toContain('Support Handbook');
    expect(grandchild).not.toContain('Company Top Page');
    for (const name of ['top', 'outside', 'restricted', 'hostile']) {
      const response = await visit(`${tree.path}/p/${page(name).shortId}`);
      expect(response.status, name).toBe(404);
      expect(await response.text()).not.toContain(name === 'top' ? 'Above the shared' : 'Numbers');
    }
    const html = await (await visit(tree.path)).text();
    const { document, close } = parse(html);
    try {
      const contents = [...document.querySelectorAll('nav.contents a')].map((a) => [
        a.textContent,
        a.getAttribute('href'),
      ]);
      expect(contents).toEqual([
        ['Support Handbook', tree.path],
        ['Escalations', `${tree.path}/p/${page('child').shortId}`],
        ['Night Shifts', `${tree.path}/p/${page('grandchild').shortId}`],
      ]);
      const links = [...document.querySelectorAll('.page-body a')].map((a) => [
        a.textContent,
        a.getAttribute('href'),
      ]);
      // Shared pages stay inside the share; the outside page and the app become plain text.
      expect(links).toEqual([
        ['the escalation guide', `${tree.path}/p/${page('child').shortId}#who`],
        ['our site', 'https://example.com/about'],
      ]);
      expect(document.querySelector('.page-body')?.textContent).toContain('the numbers');
    } finally {
      close();
    }
    expect(html).not.toMatch(
      new RegExp(`Quarterly Numbers|Salary Bands|Company Top Page|${page('outside').shortId}`),
    );
  });

  it('serves the files of shared pages only, through the link', async () => {
    const { path } = await share('handbook');
    const html = await (await visit(path)).text();
    const { document, close } = parse(html);
    let src: string | null;
    try {
      const images = [...document.querySelectorAll('.page-body img')];
      expect(images).toHaveLength(1);
      src = images[0]?.getAttribute('src') ?? null;
      expect(images[0]?.getAttribute('alt')).toBe('our logo');
    } finally {
      close();
    }
    expect(src).toBe(`${t.url}${path}/files/${file('handbook').id}/handbook.png`);
    // The other page's image is left as its text, without its address.
    expect(html).toContain('a chart');
    expect(html).not.toContain(file('outside').id);
    const image = await visit(new URL(src as string).pathname);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(Buffer.from(png));
    const outside = await visit(`${path}/files/${file('outside').id}/outside.png`);
    expect(outside.status).toBe(404);
    expect(await outside.text()).toContain('This link is not available');
    expect((await visit(`${path}/files/no-such-file/x.png`)).status).toBe(404);
    // The signed-in API still refuses a visitor.
    expect((await visit(`/api/attachments/${file('handbook').id}`)).status).toBe(401);
  });

  it('neutralizes hostile content stored around every guard', async () => {
    const { collab, documents } = t.server.services;
    const pageId = page('hostile').id;
    await collab.closeDocument(pageId);
    const doc = new Y.Doc();
    applyStoredDocument(doc, await documents.load(pageId));
    const before = Y.encodeStateVector(doc);
    appendToBody(doc, [
      {
        type: 'paragraph',
        attrs: { onclick: 'steal()', style: 'background:url(javascript:steal())' },
        content: [
          link('script link', 'javascript:steal()'),
          link('data link', 'data:text/html,<script>steal()</script>'),
          link('spaced link', ' java\tscript:steal()'),
          { type: 'image', attrs: { src: 'javascript:steal()', onerror: 'steal()' } },
          { type: 'text', text: '<script>steal()</script> as text' },
        ],
      },
      { type: 'script', content: [{ type: 'text', text: 'steal()' }] },
      { type: 'iframe', attrs: { src: 'https://evil.example' } },
    ]);
    await documents.append(pageId, [Y.encodeStateAsUpdate(doc, before)]);
    doc.destroy();

    const { path } = await share('hostile');
    const response = await visit(path);
    expect(response.status).toBe(200);
    const html = await response.text();
    const { document, close } = parse(html);
    try {
      expect(document.querySelectorAll('script, iframe, object, embed, form')).toHaveLength(0);
      const body = document.querySelector('.page-body');
      expect(htmlViolations(body?.innerHTML ?? '')).toEqual([]);
      for (const element of document.querySelectorAll('*')) {
        for (const { name, value } of [...element.attributes]) {
          expect(name.startsWith('on'), `${element.tagName}[${name}]`).toBe(false);
          // Meta descriptions carry the page's words as (escaped) text; no other attribute may.
          if (element.tagName === 'META' && name === 'content') continue;
          expect(value, `${element.tagName}[${name}]`).not.toMatch(/steal|javascript:|data:text/i);
        }
      }
      // The words stay, as text.
      expect(body?.textContent).toContain('script link');
      expect(body?.textContent).toContain('<script>steal()</script> as text');
    } finally {
      close();
    }
  });

  it('answers the same friendly 404 once revoked, expired, trashed or its creator disabled', async () => {
    const unknown = await visit(`/s/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-security-policy')).toBe(sharedViewPolicy);
    expect(unknown.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const notFoundPage = await unknown.text();
    expect(notFoundPage).toContain('This link is not available');
    expect(notFoundPage).not.toMatch(/<script/i);

    const revoked = await share('outside');
    expect((await visit(revoked.path)).status).toBe(200);
    const revoke = await sam.as(`/api/pages/${page('outside').id}/shares/${revoked.id}`, {
      method: 'DELETE',
    });
    expect(revoke.status).toBe(204);
    const afterRevoke = await visit(revoked.path);
    expect(afterRevoke.status).toBe(404);
    expect(await afterRevoke.text()).toBe(notFoundPage);

    const expiring = await share('outside', {
      expiresAt: new Date(Date.now() + 1_000).toISOString(),
    });
    expect((await visit(expiring.path)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await visit(expiring.path)).status).toBe(404);

    const subtree = await share('top', { includeSubpages: true });
    const below = `${subtree.path}/p/${page('child').shortId}`;
    expect((await visit(below)).status).toBe(200);
    await expectJson(await sam.as(`/api/pages/${page('child').id}`, { method: 'DELETE' }), 200);
    expect((await visit(below)).status).toBe(404);
    expect((await visit(subtree.path)).status).toBe(200);
    await expectJson(
      await sam.as(`/api/pages/${page('child').id}/restore`, { method: 'POST' }),
      200,
    );
    expect((await visit(below)).status).toBe(200);

    const leaver = await share('outside');
    await expectJson(
      await t.request(`/api/users/${sam.id}`, { method: 'PATCH', json: { disabled: true } }),
      200,
    );
    expect((await visit(leaver.path)).status).toBe(404);
    expect((await visit(subtree.path)).status).toBe(404);
    await expectJson(
      await t.request(`/api/users/${sam.id}`, { method: 'PATCH', json: { disabled: false } }),
      200,
    );
    expect((await visit(leaver.path)).status).toBe(200);
  });

  it('leaves page short addresses to the web app', async () => {
    const response = await visit(`/s/${page('outside').shortId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).not.toBe(sharedViewPolicy);
    expect(await response.text()).not.toContain('Quarterly Numbers');
  });

  it('lets search engines in when the sharer allowed it', async () => {
    const { path, url } = await share('handbook', { allowIndexing: true });
    const response = await visit(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-robots-tag')).toBeNull();
    const html = await response.text();
    expect(html).not.toContain('name="robots"');
    expect(html).toContain(`<link rel="canonical" href="${url}" />`);
  });

  it('records a use at most once an hour, with lastUsedAt', async () => {
    const { path, id } = await share('grandchild');
    const used = () =>
      t.server.runtime.db
        .prepare(`SELECT data FROM domain_events WHERE type = 'share.used'`)
        .all()
        .map((row) => JSON.parse((row as { data: string }).data).shareId)
        .filter((shareId) => shareId === id);
    expect(used()).toEqual([]);
    await visit(path);
    await visit(path);
    await visit(path);
    expect(used()).toEqual([id]);
    const { shares } = await expectJson(
      await sam.as(`/api/pages/${page('grandchild').id}/shares`),
      200,
    );
    const listed = shares.find((s: { id: string }) => s.id === id);
    expect(Date.parse(listed.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('oEmbed for share links', () => {
  it('describes the shared page, and still nothing for private page addresses', async () => {
    const { url, path } = await share('handbook', { includeSubpages: true });
    const oembed = (target: string) =>
      visit(`/api/oembed?${new URLSearchParams({ url: target, format: 'json' })}`);
    const described = await expectJson(await oembed(url), 200);
    expect(described).toMatchObject({
      version: '1.0',
      type: 'link',
      title: 'Support Handbook',
      provider_name: 'Lore',
      url,
    });
    expect(described.description).toContain('How we answer customers');
    const sub = await expectJson(await oembed(`${url}/p/${page('child').shortId}`), 200);
    expect(sub.title).toBe('Escalations');
    expect(
      (await expectJson(await oembed(`${url}/p/${page('outside').shortId}`), 404)).error.code,
    ).toBe('not_found');
    // A page address of this wiki, shared or not, says nothing about the page.
    const privateUrl = `${t.url}/s/${page('handbook').shortId}`;
    expect((await expectJson(await oembed(privateUrl), 401)).error.code).toBe('unauthenticated');
    const html = await (await visit(path)).text();
    expect(html).toContain('type="application/json+oembed"');
    expect((await expectJson(await oembed(`${t.url}/s/${'B'.repeat(43)}`), 404)).error.code).toBe(
      'not_found',
    );
  });
});
