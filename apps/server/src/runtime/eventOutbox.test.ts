import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collabClient, eventually } from '../test/collabClient';
import { freePort } from '../test/freePort';
import { signInNewUser } from '../test/signInNewUser';
import { type LoreProcess, spawnLoreServer } from '../test/spawnLoreServer';
import { startTestServer, type TestServer } from '../test/startTestServer';

const admin = { email: 'ada@example.com', password: 'analytical-engine' };
const processes: LoreProcess[] = [];
const dirs: string[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});
afterAll(() => {
  for (const server of processes) server.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function api(url: string, token: string, path: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

describe('the event outbox across a kill -9', () => {
  it('delivers changes committed just before the kill after the restart, once in effect', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-outbox-kill-'));
    dirs.push(dataDir);
    const port = await freePort();
    const env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      LORE_DATA_DIR: dataDir,
      LORE_ADMIN_EMAIL: admin.email,
      LORE_ADMIN_PASSWORD: admin.password,
      LORE_LOG_LEVEL: 'warn',
    };
    let server = await spawnLoreServer(env);
    processes.push(server);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify(admin),
    });
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const token = (
      await (
        await fetch(`${server.url}/api/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.url, cookie },
          body: JSON.stringify({ name: 'outbox' }),
        })
      ).json()
    ).token as string;
    const space = (await api(server.url, token, '/api/spaces', { name: 'Ops' })).body.space;
    const target = (
      await api(server.url, token, '/api/pages', { spaceId: space.id, title: 'Target' })
    ).body.page;
    const page = (await api(server.url, token, '/api/pages', { spaceId: space.id, title: 'Draft' }))
      .body.page;

    // A title and a link typed, then the process killed well inside the one-second quiet
    // window: the edits are durable, the events they lead to not yet delivered.
    const client = collabClient(server.url, page.id, { token });
    await client.synced();
    client.doc.transact(() => {
      const title = client.doc.getText('title');
      title.delete(0, title.length);
      title.insert(0, 'Launch plan');
      const paragraph = new Y.XmlElement('paragraph');
      client.doc.getXmlFragment('default').insert(0, [paragraph]);
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      text.insert(0, 'zeppelin checklist', { link: { href: `/s/${target.shortId}`, title: null } });
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    server.kill('SIGKILL');
    await server.exited;
    client.destroy();

    const db = new Database(join(dataDir, 'lore.db'), { readonly: true });
    try {
      // Committed and not consumed: the edit's mark is there, the title not mirrored.
      const marks = db.prepare('SELECT page_id FROM content_change_marks').pluck().all();
      expect(marks).toContain(page.id);
      const title = db.prepare('SELECT title FROM pages WHERE id = ?').pluck().get(page.id);
      expect(title).toBe('Draft');
    } finally {
      db.close();
    }

    for (let restart = 1; restart <= 2; restart++) {
      server = await spawnLoreServer(env);
      processes.push(server);
      await eventually(
        async () =>
          (await api(server.url, token, `/api/pages/${target.id}/backlinks`)).body.backlinks
            ?.length === 1,
        `restart ${restart}: the link indexed`,
      );
      await eventually(
        async () =>
          (await api(server.url, token, '/api/search?q=zeppelin')).body.results?.length === 1,
        `restart ${restart}: the page indexed`,
      );
      const read = await api(server.url, token, `/api/pages/${page.id}`);
      expect(read.body.page.title).toBe('Launch plan');
      // Once in effect: one backlink with one text, one search result, after every restart.
      const backlinks = (await api(server.url, token, `/api/pages/${target.id}/backlinks`)).body
        .backlinks;
      expect(backlinks.map((link: { texts: string[] }) => link.texts)).toEqual([
        ['zeppelin checklist'],
      ]);
      server.kill('SIGTERM');
      await server.exited;
    }
  });
});

/** A test server with its admin signed in and one space. */
async function wikiWithSpace() {
  const t = await startTestServer();
  servers.push(t);
  await t.request('/api/setup', {
    method: 'POST',
    json: { email: admin.email, displayName: 'Ada', password: admin.password },
  });
  const created = await t.request('/api/spaces', { method: 'POST', json: { name: 'X' } });
  return { t, space: (await created.json()).space };
}

describe('the event outbox in a running wiki', () => {
  it('turns 10,000 edits in a burst into one content event per page per quiet window', async () => {
    const { t, space } = await wikiWithSpace();
    const pageIds: string[] = [];
    for (const title of ['One', 'Two', 'Three', 'Four']) {
      const created = await t.request('/api/pages', {
        method: 'POST',
        json: { spaceId: space.id, title },
      });
      pageIds.push((await created.json()).page.id);
    }
    const { runtime } = t.server;
    await runtime.events.drain({ flushContent: true });
    const contentEvents = () =>
      runtime.db
        .prepare(
          "SELECT page_id, count(*) AS n FROM domain_events WHERE type = 'page.content_changed' GROUP BY page_id",
        )
        .all() as { page_id: string; n: number }[];
    const before = contentEvents().reduce((sum, row) => sum + row.n, 0);

    // Keystrokes as the rooms store them: one append per update, through the document store.
    const typists = pageIds.map(() => new Y.Doc());
    const started = Date.now();
    for (let edit = 0; edit < 10_000; edit++) {
      const page = edit % 4;
      const typist = typists[page] as Y.Doc;
      const before = Y.encodeStateVector(typist);
      typist.getText('scratch').insert(0, 'x');
      await runtime.services.documents.append(pageIds[page] as string, [
        Y.encodeStateAsUpdate(typist, before),
      ]);
    }
    const burstMs = Date.now() - started;
    // The burst is over; once the pages are quiet each gets its one event.
    await eventually(
      () => contentEvents().reduce((sum, row) => sum + row.n, 0) - before >= 4,
      'the content events',
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const after = contentEvents().reduce((sum, row) => sum + row.n, 0) - before;
    // One per page per window: a burst longer than the longest wait (10 s) may add one more.
    const windows = 1 + Math.floor(burstMs / 10_000);
    expect(after).toBeGreaterThanOrEqual(4);
    expect(after).toBeLessThanOrEqual(4 * windows);
    console.info(`outbox burst: 10,000 edits in ${burstMs} ms → ${after} content events`);
  });

  it('shows admins the consumers and dead letters, and replays a dead letter through its consumer', async () => {
    const { t, space } = await wikiWithSpace();
    const target = (
      await (
        await t.request('/api/pages', { method: 'POST', json: { spaceId: space.id, title: 'T' } })
      ).json()
    ).page;
    const source = (
      await (
        await t.request('/api/pages', {
          method: 'POST',
          json: { spaceId: space.id, title: 'S', markdown: `[to](/s/${target.shortId})` },
        })
      ).json()
    ).page;
    const { runtime } = t.server;
    await runtime.events.drain({ flushContent: true });
    const status = await (await t.request('/api/admin/events')).json();
    expect(status.consumers.map((consumer: { name: string }) => consumer.name).sort()).toEqual([
      'discussion-comment-marks',
      'home-space-activity',
      'notifications-auto-watch',
      'notifications-comments',
      'notifications-page-changed',
      'notifications-page-mentions',
      'notifications-page-shared',
      'page-links',
      'page-titles',
      'search',
      'socket-access',
      'trashed-rooms',
    ]);
    expect(status.consumers.every((consumer: { behind: number }) => consumer.behind === 0)).toBe(
      true,
    );
    expect(status.deadLetters).toEqual([]);

    // As if the links consumer had given up on the page's creation: its links are gone too.
    const created = runtime.db
      .prepare("SELECT seq FROM domain_events WHERE type = 'page.created' AND page_id = ?")
      .pluck()
      .get(source.id) as number;
    runtime.db.prepare('DELETE FROM page_links').run();
    runtime.db
      .prepare(
        `INSERT INTO event_dead_letters (consumer, seq, type, page_id, attempts, error, at)
         VALUES ('page-links', ?, 'page.created', ?, 5, 'disk full', 0)`,
      )
      .run(created, source.id);
    const listed = await (await t.request('/api/admin/events')).json();
    expect(listed.deadLetters).toMatchObject([
      { consumer: 'page-links', seq: created, attempts: 5, error: 'disk full' },
    ]);
    const id = listed.deadLetters[0].id;
    const backlinks = async () =>
      (await (await t.request(`/api/pages/${target.id}/backlinks`)).json()).backlinks.length;
    expect(await backlinks()).toBe(0);

    const replayed = await (
      await t.request(`/api/admin/events/dead-letters/${id}/replay`, { method: 'POST' })
    ).json();
    expect(replayed).toMatchObject({ replayed: true, error: null });
    expect(await backlinks()).toBe(1);
    // Gone once replayed; replaying it again finds nothing, and the links are as they were.
    const again = await t.request(`/api/admin/events/dead-letters/${id}/replay`, {
      method: 'POST',
    });
    expect(again.status).toBe(404);
    expect((await again.json()).error.code).toBe('dead_letter_not_found');
    expect(await backlinks()).toBe(1);

    // Not for members.
    const memberCookie = await signInNewUser(t, {
      email: 'm@example.com',
      displayName: 'M',
      password: 'member password',
    });
    const refused = await t.request('/api/admin/events', {
      anonymous: true,
      headers: { cookie: memberCookie },
    });
    expect(refused.status).toBe(403);
  });
});
