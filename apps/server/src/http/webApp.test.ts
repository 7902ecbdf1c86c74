import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestResponse, type TestServer } from '../test/startTestServer';

let t: TestServer;
let distDir: string | null = null;
afterEach(async () => {
  await t.close();
  if (distDir) rmSync(distDir, { recursive: true, force: true });
  distDir = null;
});

/** A server over a stand-in web build, so the HTML routes run without building the web app. */
async function start(withDist: boolean) {
  const env: Record<string, string> = {};
  if (withDist) {
    distDir = mkdtempSync(join(tmpdir(), 'lore-dist-'));
    writeFileSync(
      join(distDir, 'index.html'),
      '<!doctype html><html><head><title>Lore</title></head><body><div id="root"></div></body></html>',
    );
    env.LORE_WEB_DIST = distDir;
  }
  t = await startTestServer(env);
  await t.request('/api/setup', {
    method: 'POST',
    json: { email: 'ada@example.com', displayName: 'Ada', password: 'analytical-engine' },
  });
}

async function json(response: TestResponse, status: number) {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}

const get = (path: string, anonymous = false) =>
  t.request(path, { redirect: 'manual', anonymous, headers: { accept: 'text/html' } });

async function expectRedirect(path: string, to: string) {
  const response = await get(path);
  expect(response.status, path).toBe(301);
  expect(response.headers.get('location')).toBe(to);
}

async function secretPage() {
  const space = (
    await json(await t.request('/api/spaces', { method: 'POST', json: { name: 'Eng' } }), 201)
  ).space;
  const { page } = await json(
    await t.request('/api/pages', {
      method: 'POST',
      json: { spaceId: space.id, title: 'Secret merger plans', markdown: 'Codename Bluebird.' },
    }),
    201,
  );
  return { space, page };
}

describe.each([
  ['with the web app built', true],
  ['without the web app', false],
])('page addresses %s', (_name, withDist) => {
  it('redirect old addresses to the canonical one after renames and moves', async () => {
    await start(withDist);
    const { page } = await secretPage();
    const canonical = `/eng/secret-merger-plans-${page.shortId}`;
    expect(page.url).toBe(canonical);
    await expectRedirect(`/s/${page.shortId}`, canonical);
    await expectRedirect(`/s/${page.shortId}?from=chat`, `${canonical}?from=chat`);
    await expectRedirect(`/anything/x-${page.shortId}`, canonical);
    await expectRedirect(`${canonical}/`, canonical);
    const atCanonical = await get(canonical);
    expect(atCanonical.status).toBe(200);
    expect(atCanonical.headers.get('content-type')).toMatch(/^text\/html/);

    await json(
      await t.request(`/api/pages/${page.id}`, { method: 'PATCH', json: { title: 'Q3 plans' } }),
      200,
    );
    const renamed = `/eng/q3-plans-${page.shortId}`;
    await expectRedirect(canonical, renamed);
    await expectRedirect(`/s/${page.shortId}`, renamed);

    const parent = (
      await json(
        await t.request('/api/pages', { method: 'POST', json: { spaceId: 'eng', title: 'P' } }),
        201,
      )
    ).page;
    await json(
      await t.request(`/api/pages/${page.id}/move`, {
        method: 'POST',
        json: { parentId: parent.id },
      }),
      200,
    );
    // Parents are not part of the address, so moving within a space keeps it.
    expect((await get(renamed)).status).toBe(200);

    await json(await t.request('/api/spaces', { method: 'POST', json: { name: 'Ops' } }), 201);
    await json(
      await t.request(`/api/pages/${page.id}/move`, {
        method: 'POST',
        json: { parentId: null, spaceId: 'ops' },
      }),
      200,
    );
    const moved = `/ops/q3-plans-${page.shortId}`;
    await expectRedirect(canonical, moved);
    await expectRedirect(renamed, moved);
    await expectRedirect(`/s/${page.shortId}`, moved);
    expect((await get(moved)).status).toBe(200);
  });

  it('carry generic preview tags only, and answer unknown pages with 404', async () => {
    await start(withDist);
    const { page } = await secretPage();
    const response = await get(page.url);
    const html = await response.text();
    expect(html).toContain('<meta property="og:title" content="Lore" />');
    expect(html).toContain('<meta property="og:site_name" content="Lore" />');
    expect(html).toContain('<meta property="og:type" content="website" />');
    expect(html).toContain('<meta name="twitter:card" content="summary" />');
    const oembed = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(
      html,
    )?.[1];
    expect(oembed).toBeDefined();
    expect(html).not.toMatch(/secret|merger|bluebird/i);
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
    if (withDist) expect(html).toContain('<div id="root"></div>');
    const oembedUrl = new URL((oembed ?? '').replaceAll('&amp;', '&'));
    expect(oembedUrl.pathname).toBe('/api/oembed');
    expect(oembedUrl.searchParams.get('url')).toBe(`${t.url}/s/${page.shortId}`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");

    const unknown = await get('/s/zzzz999999');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('og:site_name');
    expect((await get('/eng/nothing-zzzz999999')).status).toBe(404);
  });

  it('are not redirected for anonymous readers, so titles do not leak', async () => {
    await start(withDist);
    const { page } = await secretPage();
    for (const path of [`/s/${page.shortId}`, '/s/zzzz999999', `/eng/x-${page.shortId}`]) {
      const response = await get(path, true);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('location')).toBeNull();
      const html = await response.text();
      expect(html).not.toMatch(/secret|merger|bluebird/i);
      expect(html).toContain('application/json+oembed');
    }
  });
});

describe('other addresses', () => {
  it('keep serving the app shell when built, and JSON 404 otherwise', async () => {
    await start(true);
    const spa = await get('/spaces/platform-operations');
    expect(spa.status).toBe(200);
    expect(await spa.text()).not.toContain('og:title');
    expect((await get('/settings')).status).toBe(200);
    await t.close();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
    distDir = null;
    await start(false);
    const missing = await get('/settings');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });
});

describe('GET /api/oembed', () => {
  it('answers 401 for page URLs of this wiki, 404 for others and 501 for non-JSON formats', async () => {
    await start(false);
    const { page } = await secretPage();
    const oembed = async (params: Record<string, string>, status: number) => {
      const response = await t.request(`/api/oembed?${new URLSearchParams(params)}`, {
        anonymous: true,
      });
      return (await json(response, status)).error.code;
    };
    for (const url of [
      `${t.url}${page.url}`,
      `${t.url}/s/${page.shortId}`,
      `${t.url}/s/zzzz999999`,
      `${t.url}/ops/renamed-${page.shortId}`,
    ]) {
      expect(await oembed({ url, format: 'json' }, 401)).toBe('unauthenticated');
    }
    expect(await oembed({ url: `${t.url}/s/${page.shortId}` }, 401)).toBe('unauthenticated');
    expect(await oembed({ url: `https://other.example/s/${page.shortId}` }, 404)).toBe('not_found');
    expect(await oembed({ url: `${t.url}/settings` }, 404)).toBe('not_found');
    expect(await oembed({ url: 'not a url' }, 404)).toBe('not_found');
    expect(await oembed({ url: `${t.url}${page.url}`, format: 'xml' }, 501)).toBe(
      'unsupported_format',
    );
    expect(await oembed({}, 400)).toBe('invalid_request');
    expect(await oembed({ url: `${t.url}${page.url}`, maxwidth: 'wide' }, 400)).toBe(
      'invalid_request',
    );
    // Signed in or not, the answer is the same.
    const signedIn = await t.request(
      `/api/oembed?${new URLSearchParams({ url: `${t.url}${page.url}` })}`,
    );
    expect(signedIn.status).toBe(401);
  });
});
