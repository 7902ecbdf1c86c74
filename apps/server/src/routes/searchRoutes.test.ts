import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collabClient, eventually, typeInto } from '../test/collabClient';
import { startServerOnDataDir } from '../test/startServerOnDataDir';
import { startTestServer, type TestResponse, type TestServer } from '../test/startTestServer';

let t: TestServer;
let space: { id: string; slug: string };
beforeEach(async () => {
  t = await startTestServer();
  await t.request('/api/setup', {
    method: 'POST',
    json: { email: 'ada@example.com', displayName: 'Ada', password: 'analytical-engine' },
  });
  space = (
    await (await t.request('/api/spaces', { method: 'POST', json: { name: 'People' } })).json()
  ).space;
});
afterEach(async () => {
  await t.close();
});

async function json(response: TestResponse, status: number) {
  const body = response.status === 204 ? null : await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}

async function createPage(title: string, markdown: string, spaceId = space.id) {
  return (
    await json(
      await t.request('/api/pages', { method: 'POST', json: { spaceId, title, markdown } }),
      201,
    )
  ).page;
}

const search = async (q: string, extra = '') =>
  json(await t.request(`/api/search?q=${encodeURIComponent(q)}${extra}`), 200);

const titlesFor = async (q: string, extra = '') =>
  (await search(q, extra)).results.map((hit: { title: string }) => hit.title);

describe('GET /api/search', () => {
  it('finds new pages within a second, with highlighted snippets, filters and suggestions', async () => {
    const started = Date.now();
    const page = await createPage(
      'Requesting time off',
      '# Vacation\n\nFile vacation requests in the HR tool `<b>` two weeks ahead.',
    );
    await eventually(async () => (await titlesFor('vacation')).length === 1, 'indexing', 2000);
    expect(Date.now() - started).toBeLessThan(1500);

    const body = await search('vacaton requests');
    expect(body.total).toBe(1);
    expect(body.totalExact).toBe(true);
    expect(body.didYouMean).toBe('vacation requests');
    expect(typeof body.searchId).toBe('string');
    const [hit] = body.results;
    expect(hit).toMatchObject({
      pageId: page.id,
      shortId: page.shortId,
      url: `/s/${page.shortId}`,
      title: 'Requesting time off',
      space: { id: space.id, slug: space.slug, name: 'People' },
      path: ['People'],
    });
    expect(hit.snippetHtml).toContain('<mark>vacation</mark>');
    expect(hit.snippetHtml).toContain('&lt;b&gt;');
    expect(hit.snippet).toContain('<b>');
    const marked = (text: string, ranges: { start: number; end: number }[]) =>
      ranges.map((range) => text.slice(range.start, range.end).toLowerCase());
    expect(marked(hit.snippet, hit.snippetHighlights)).toContain('vacation');
    const requesting = (await search('request')).results[0];
    expect(requesting.titleHtml).toBe('<mark>Requesting</mark> time off');
    expect(requesting.titleHighlights).toEqual([{ start: 0, end: 10 }]);

    expect(await titlesFor('vacation', `&space=${space.slug}`)).toEqual(['Requesting time off']);
    expect(await titlesFor('vacation', '&space=nope')).toEqual([]);
    expect(await titlesFor('vacation', '&updatedAfter=2999-01-01')).toEqual([]);
    expect(await titlesFor('vacation', '&updatedAfter=2000-01-01T00:00:00Z')).toHaveLength(1);
    const me = (await json(await t.request('/api/me'), 200)).user;
    expect(hit.updatedBy).toEqual({ id: me.id, displayName: 'Ada', color: me.color });
    expect(await titlesFor('vacation', `&author=${me.id}`)).toHaveLength(1);
    expect(await titlesFor('vacation', '&author=someone-else')).toEqual([]);
    expect(
      (await json(await t.request('/api/search?q=x&updatedAfter=yesterday'), 400)).error.code,
    ).toBe('invalid_request');
  });

  it('holds indexing back while an import writes, then indexes what it wrote', async () => {
    const { indexer } = t.server.services.search;
    let pendingWhilePaused = 0;
    await indexer.pauseWhile(async () => {
      await createPage('Paused zebra crossing', 'Stripes everywhere.');
      // Longer than the quiet period and several polls: unpaused, the page would be indexed.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      pendingWhilePaused = indexer.status().pending;
      expect(await titlesFor('zebra')).toEqual([]);
    });
    expect(pendingWhilePaused).toBe(1);
    await eventually(async () => (await titlesFor('zebra')).length === 1, 'catching up', 3000);
  });

  it('follows renames, trash and restore, including the pages below', async () => {
    const parent = await createPage('Engineering onboarding', 'Welcome aboard.');
    const child = (
      await json(
        await t.request('/api/pages', {
          method: 'POST',
          json: {
            spaceId: space.id,
            parentId: parent.id,
            title: 'Laptop setup',
            markdown: 'Install the toolchain.',
          },
        }),
        201,
      )
    ).page;
    await eventually(async () => (await titlesFor('toolchain')).length === 1, 'child indexed');
    expect((await search('toolchain')).results[0].path).toEqual([
      'People',
      'Engineering onboarding',
    ]);

    await json(
      await t.request(`/api/pages/${parent.id}`, {
        method: 'PATCH',
        json: { title: 'Platform onboarding' },
      }),
      200,
    );
    await eventually(
      async () => (await search('toolchain')).results[0]?.path[1] === 'Platform onboarding',
      'path follows the rename',
    );
    // The child matches through its path, below the page whose title matches.
    expect(await titlesFor('platform')).toEqual(['Platform onboarding', 'Laptop setup']);

    await json(await t.request(`/api/pages/${parent.id}`, { method: 'DELETE' }), 200);
    await eventually(async () => (await titlesFor('toolchain')).length === 0, 'child hidden');
    expect(await titlesFor('platform')).toEqual([]);

    await json(await t.request(`/api/pages/${parent.id}/restore`, { method: 'POST' }), 200);
    await eventually(async () => (await titlesFor('toolchain')).length === 1, 'child back');
    expect(child.id).toBeDefined();
  });

  it('indexes live edits from the collaboration socket once typing pauses', async () => {
    const page = await createPage('Meeting notes', 'Agenda.');
    const { token } = await json(
      await t.request('/api/tokens', { method: 'POST', json: { name: 'ws' } }),
      201,
    );
    const client = collabClient(t.url, page.id, { token });
    try {
      await client.synced();
      typeInto(client.doc, ' Retrospective about the zeppelin launch.');
      const paused = Date.now();
      await eventually(
        async () => (await titlesFor('zeppelin')).length === 1,
        'edit indexed',
        3000,
      );
      // The collaboration layer debounces changes by 1 s; the outbox adds only the indexing.
      expect(Date.now() - paused).toBeLessThan(2000);
    } finally {
      client.destroy();
    }
  });

  it('filters by tags set through the tags API, and forgets removed ones', async () => {
    const handbook = await createPage('Laptop setup', 'Install the VPN client.');
    await createPage('VPN outage notes', 'The VPN was down.');
    await eventually(async () => (await titlesFor('vpn')).length === 2, 'indexing');

    const tagged = await json(
      await t.request(`/api/pages/${handbook.id}/tags`, {
        method: 'PUT',
        json: { tags: ['Onboarding', '#IT', 'onboarding'] },
      }),
      200,
    );
    expect(tagged.tags).toEqual(['Onboarding', 'IT']);
    expect((await json(await t.request(`/api/pages/${handbook.id}/tags`), 200)).tags).toEqual([
      'Onboarding',
      'IT',
    ]);
    await eventually(
      async () => (await titlesFor('vpn', '&tag=onboarding')).length === 1,
      'tag indexed',
      2000,
    );
    expect(await titlesFor('vpn', '&tag=onboarding')).toEqual(['Laptop setup']);
    expect((await json(await t.request('/api/tags?prefix=on'), 200)).tags).toEqual([
      { tag: 'Onboarding', pages: 1 },
    ]);

    const bad = await t.request(`/api/pages/${handbook.id}/tags`, {
      method: 'PUT',
      json: { tags: ['a,b'] },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_request');
    expect((await json(await t.request(`/api/pages/${handbook.id}/tags`), 200)).tags).toHaveLength(
      2,
    );

    await json(
      await t.request(`/api/pages/${handbook.id}/tags`, { method: 'PUT', json: { tags: [] } }),
      200,
    );
    await eventually(
      async () => (await titlesFor('vpn', '&tag=onboarding')).length === 0,
      'tag removed from the index',
      2000,
    );
  });

  it('counts opening a page in the editor as one view per person and hour', async () => {
    const page = await createPage('Parking', 'Where to park.');
    const { token } = await json(
      await t.request('/api/tokens', { method: 'POST', json: { name: 'ws' } }),
      201,
    );
    const views = () =>
      (
        t.server.services.db
          .prepare('SELECT views FROM search_page_views WHERE page_id = ?')
          .get(page.id) as { views: number } | undefined
      )?.views ?? 0;
    expect(views()).toBe(0);
    for (let open = 0; open < 2; open++) {
      const client = collabClient(t.url, page.id, { token });
      try {
        await client.synced();
      } finally {
        client.destroy();
      }
    }
    expect(views()).toBe(1);
  });

  it('answers every input with results or an empty list, never an error', async () => {
    await createPage('Release notes (v2)', 'Notes about the release.');
    await eventually(async () => (await titlesFor('release')).length === 1, 'indexing');
    const nasty = [
      '"',
      '-',
      '*',
      ':',
      'NEAR(',
      'a AND OR NOT b',
      '(release',
      '🙂 release',
      '\u0000release',
      "'; DROP TABLE pages; --",
      '%',
      '&q=2',
      'x'.repeat(10_240),
    ];
    let seed = 3;
    for (let i = 0; i < 60; i += 1) {
      let text = '';
      for (let j = 0; j < 8; j += 1) {
        seed = (seed * 48_271) % 2_147_483_647;
        text += String.fromCharCode(seed % 0x3000);
      }
      nasty.push(text);
    }
    for (const q of nasty) {
      const response = await t.request(`/api/search?q=${encodeURIComponent(q)}&record=false`);
      expect(response.status, q.slice(0, 20)).toBe(200);
      const body = await response.json();
      expect(Array.isArray(body.results)).toBe(true);
    }
    expect(await titlesFor('(v2)')).toEqual(['Release notes (v2)']);
  });

  it('needs a signed-in user', async () => {
    const response = await t.request('/api/search?q=x', { anonymous: true });
    expect(response.status).toBe(401);
  });
});

describe('glossary', () => {
  it('is maintained by members, read by everyone, and feeds search synonyms', async () => {
    await createPage('Leave policy', 'Everyone gets 25 days of paid time off a year.');
    await eventually(async () => (await titlesFor('leave')).length === 1, 'indexing');
    expect(await titlesFor('pto ')).toEqual([]);

    const created = await json(
      await t.request('/api/glossary', {
        method: 'POST',
        json: { term: 'PTO', meaning: 'Paid time off', expansions: ['paid time off'] },
      }),
      201,
    );
    expect(created.term).toMatchObject({ term: 'PTO', expansions: ['paid time off'] });
    await eventually(async () => (await titlesFor('pto ')).length === 1, 'synonyms applied', 3000);

    const taken = await json(
      await t.request('/api/glossary', { method: 'POST', json: { term: 'pto', meaning: 'x' } }),
      409,
    );
    expect(taken.error.code).toBe('glossary_term_taken');
    await json(
      await t.request('/api/glossary', { method: 'POST', json: { term: '  ', meaning: 'x' } }),
      400,
    );
    const id = created.term.id;
    const patched = await json(
      await t.request(`/api/glossary/${id}`, { method: 'PATCH', json: { meaning: 'Paid leave' } }),
      200,
    );
    expect(patched.term).toMatchObject({ meaning: 'Paid leave', expansions: ['paid time off'] });
    expect(
      (await json(await t.request('/api/glossary'), 200)).terms.map(
        (x: { term: string }) => x.term,
      ),
    ).toEqual(['PTO']);

    await json(
      await t.request('/api/users', {
        method: 'POST',
        json: {
          email: 'gus@example.com',
          displayName: 'Gus',
          password: 'guest-password',
          role: 'guest',
        },
      }),
      201,
    );
    const guest = await t.request('/api/auth/login', {
      method: 'POST',
      json: { email: 'gus@example.com', password: 'guest-password' },
      anonymous: true,
    });
    const guestCookie = (guest.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const asGuest = (path: string, init: RequestInit & { json?: unknown } = {}) =>
      t.request(path, {
        ...init,
        anonymous: true,
        headers: { cookie: guestCookie, origin: t.url },
      });
    expect((await asGuest('/api/glossary')).status).toBe(200);
    expect((await asGuest(`/api/glossary/${id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await asGuest('/api/admin/search-analytics')).status).toBe(403);

    await json(await t.request(`/api/glossary/${id}`, { method: 'DELETE' }), 204);
    await json(await t.request(`/api/glossary/${id}`), 404);
    await eventually(async () => (await titlesFor('pto ')).length === 0, 'synonyms removed', 3000);
  });
});

describe('search analytics', () => {
  it('reports top queries, knowledge gaps and click-through, and exports CSV', async () => {
    const page = await createPage('Expense policy', 'How to expense a conference ticket.');
    await eventually(
      async () => (await titlesFor('expense', '&record=false')).length === 1,
      'indexing',
    );
    // Typing "exp", "expen", "expense" is one search.
    await search('exp');
    await search('expen');
    const typed = await search('expense');
    await search('submarine budget');
    await search('=cmd|calc');
    await json(
      await t.request('/api/search/clicks', {
        method: 'POST',
        json: { searchId: typed.searchId, pageId: page.id, position: 0 },
      }),
      204,
    );
    await json(
      await t.request('/api/search/clicks', {
        method: 'POST',
        json: { searchId: 'unknown', pageId: page.id, position: 0 },
      }),
      404,
    );
    const report = await json(await t.request('/api/admin/search-analytics?days=7'), 200);
    expect(report.searches).toBe(3);
    expect(report.clicks).toBe(1);
    expect(report.clickThroughRate).toBeCloseTo(1 / 3);
    expect(report.topQueries.map((q: { query: string }) => q.query)).toContain('expense');
    expect(report.zeroResultQueries.map((q: { query: string }) => q.query)).toEqual([
      '=cmd|calc',
      'submarine budget',
    ]);

    const csv = await t.request('/api/admin/search-analytics/export');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('searched_at,query,results,clicks');
    expect(lines).toHaveLength(4);
    expect(lines.some((line) => line.endsWith(",'=cmd|calc,0,0"))).toBe(true);
  });
});

describe('indexing durability', () => {
  it('keeps unindexed changes in the outbox across a restart and indexes them then', async () => {
    await t.server.services.search.indexer.stop();
    await createPage('Incident runbook', 'Page the on-call engineer.');
    // The page's events have reached the search consumer (the indexer itself is stopped).
    await t.server.runtime.events.drain();
    expect(t.server.services.search.indexer.status().pending).toBeGreaterThan(0);
    expect(await titlesFor('runbook')).toEqual([]);
    await t.server.close(1000);

    const restarted = await startServerOnDataDir(t.dataDir);
    try {
      const login = await fetch(`${restarted.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: restarted.url },
        body: JSON.stringify({ email: 'ada@example.com', password: 'analytical-engine' }),
      });
      const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      await eventually(async () => {
        const response = await fetch(`${restarted.url}/api/search?q=runbook`, {
          headers: { cookie },
        });
        return (await response.json()).results.length === 1;
      }, 'indexed after restart');
      expect(restarted.server.services.search.indexer.status().pending).toBe(0);
    } finally {
      await restarted.close();
    }
  });

  it('keeps retrying while Meilisearch is unreachable, and search says it is unavailable', async () => {
    const down = await startTestServer({
      LORE_SEARCH: 'meilisearch',
      MEILISEARCH_URL: 'http://127.0.0.1:9',
    });
    try {
      await down.request('/api/setup', {
        method: 'POST',
        json: { email: 'ada@example.com', displayName: 'Ada', password: 'analytical-engine' },
      });
      const created = await down.request('/api/spaces', { method: 'POST', json: { name: 'Ops' } });
      expect(created.status).toBe(201);
      const search = await down.request('/api/search?q=anything');
      expect(search.status).toBe(503);
      expect((await search.json()).error.code).toBe('search_unavailable');
      const page = await down.request('/api/pages', {
        method: 'POST',
        json: { spaceId: (await created.json()).space.id, title: 'Kept', markdown: 'Safe.' },
      });
      expect(page.status).toBe(201);
      await down.server.runtime.events.drain();
      await eventually(
        () => down.server.services.search.indexer.status().lastError !== null,
        'a failed attempt',
      );
      expect(down.server.services.search.indexer.status().pending).toBeGreaterThan(0);
      const status = await (await down.request('/api/search/status')).json();
      expect(status).toMatchObject({ engine: 'meilisearch' });
      expect(status.pending).toBeGreaterThan(0);
    } finally {
      await down.close();
    }
  });
});
