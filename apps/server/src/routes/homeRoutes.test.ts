import type { PageState } from '@lore/core';
import { YjsVersionedContent } from '@lore/page-document';
import { describe, expect, it } from 'vitest';
import { adminServerPerTest } from '../test/adminServerPerTest';
import { expectJson } from '../test/expectJson';
import { privateSpaceWithPage, type TokenPerson, tokenPerson } from '../test/tokenPerson';
import { postZip, zipOf } from '../transfer/transferTestKit';

const t = adminServerPerTest();
const person = (name: string) => tokenPerson(t, name);
const hour = 3_600_000;
/** The visit gap Lore uses: opens further apart than this are separate visits. */
const visitGap = 1_800_000;

/** Delivers every event written so far (edits included) to the consumers. */
const settle = () => t.server.runtime.events.drain({ flushContent: true });
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Writes the page's body as an ordinary collaborative edit by `userId`. */
async function edit(pageId: string, userId: string, text: string, title = 'Runbook') {
  const state: PageState = {
    title,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  };
  await new YjsVersionedContent(t.server.runtime.services.collab).write(pageId, state, userId);
  await settle();
}

/** A private space `docs` where Sam and Eve edit and Max comments, with Sam's page `Runbook`. */
async function world() {
  const sam = await person('sam');
  const eve = await person('eve');
  const max = await person('max');
  const { page } = await privateSpaceWithPage(t, [
    [sam, 'editor'],
    [eve, 'editor'],
    [max, 'commenter'],
  ]);
  await settle();
  return { sam, eve, max, page };
}

const home = async (who: TokenPerson) => expectJson(await who.as('/api/home'), 200);
const ids = (items: { page: { id: string } }[]) => items.map((item) => item.page.id);

describe('GET /api/home', () => {
  it('has every section, empty ones as empty lists', async () => {
    const newcomer = await person('new');
    expect(await home(newcomer)).toEqual({
      updatedSinceLastVisit: [],
      waitingForReply: [],
      mentions: [],
      recent: [],
      drafts: [],
      popular: [],
    });
    expect((await t.request('/api/home', { anonymous: true })).status).toBe(401);
  });

  it('is useful to someone who has just imported a handbook', async () => {
    await expectJson(
      await t.request('/api/spaces', { method: 'POST', json: { name: 'Docs', slug: 'docs' } }),
      201,
    );
    const imported = await postZip(
      t,
      'space=docs',
      zipOf({ 'welcome.md': '# Welcome\n\nHello.', 'guides/setup.md': '# Setup\n\nSteps.' }),
    );
    expect(imported.status).toBeLessThan(300);
    await settle();
    const mine = await expectJson(await t.request('/api/home'), 200);
    const titles = (items: { page: { title: string } }[]) => items.map((item) => item.page.title);
    expect(titles(mine.recent)).toEqual(expect.arrayContaining(['Welcome', 'Setup']));
    expect(mine.recent.every((item: { how: string }) => item.how === 'created')).toBe(true);
    expect(titles(mine.drafts)).toEqual(expect.arrayContaining(['Welcome', 'Setup']));
  });

  it('lists what changed since the last visit, recent and created pages and popular ones, only while they may be read', async () => {
    const { sam, eve, max, page } = await world();
    const watches = t.server.runtime.services.storage.watches;
    // Eve watches the space and read the page two hours ago; Max watches the page.
    await expectJson(await eve.as('/api/spaces/docs/watch', { method: 'POST' }), 200);
    await expectJson(await max.as(`/api/pages/${page.id}/watch`, { method: 'POST' }), 200);
    watches.recordView(eve.user.id, page.id, Date.now() - 2 * hour, visitGap);
    await pause();
    await edit(page.id, sam.user.id, 'Restart the thing twice.');

    const forEve = await home(eve);
    expect(forEve.updatedSinceLastVisit).toHaveLength(1);
    expect(forEve.updatedSinceLastVisit[0]).toMatchObject({
      page: { id: page.id, title: 'Runbook', url: expect.stringMatching(/^\/docs\//) },
      space: { slug: 'docs' },
      updatedBy: { id: sam.user.id, name: 'sam' },
    });
    expect(Date.parse(forEve.updatedSinceLastVisit[0].lastVisitAt)).toBeLessThan(Date.now() - hour);
    // Max never opened it: it changed after he began watching it.
    expect(ids((await home(max)).updatedSinceLastVisit)).toEqual([page.id]);
    // Sam made the change himself: not news to him.
    expect((await home(sam)).updatedSinceLastVisit).toEqual([]);

    // Eve reads the page: no longer news; it is among her recent pages, and popular.
    await expectJson(await eve.as(`/api/pages/${page.id}`), 200);
    await expectJson(await max.as(`/api/pages/${page.id}`), 200);
    const afterReading = await home(eve);
    expect(afterReading.updatedSinceLastVisit).toEqual([]);
    expect(afterReading.recent).toMatchObject([{ page: { id: page.id }, how: 'viewed' }]);
    expect(afterReading.popular).toMatchObject([{ page: { id: page.id }, viewers: 2 }]);

    // Sam created it, and an untitled page too: both are his, the untitled one a draft.
    const { page: untitled } = await expectJson(
      await sam.as('/api/pages', { method: 'POST', json: { spaceId: 'docs', title: '' } }),
      201,
    );
    await settle();
    const forSam = await home(sam);
    expect(
      forSam.drafts.map((d: { page: { id: string }; draft: boolean }) => [d.page.id, d.draft]),
    ).toEqual([
      [untitled.id, true],
      [page.id, false],
    ]);
    expect(ids(forSam.recent)).toEqual([untitled.id, page.id]);

    // Sam restricts the page to himself: nobody else learns of it from Home any more.
    await pause();
    await edit(page.id, sam.user.id, 'Restart the thing three times.');
    expect(ids((await home(max)).updatedSinceLastVisit)).toEqual([page.id]);
    await expectJson(
      await sam.as(`/api/pages/${page.id}/restrictions`, {
        method: 'PUT',
        json: { view: { users: [sam.user.id], groups: [] }, edit: null },
      }),
      200,
    );
    for (const who of [eve, max]) {
      const now = await home(who);
      expect(JSON.stringify(now)).not.toContain('Runbook');
      expect(ids(now.updatedSinceLastVisit)).not.toContain(page.id);
      expect(now.recent).toEqual([]);
      expect(now.popular).toEqual([]);
    }
    expect(ids((await home(sam)).popular)).toEqual([page.id]);
  });

  it('lists mentions and the open threads waiting for a reply', async () => {
    const { sam, eve, max, page } = await world();
    const { thread } = await expectJson(
      await eve.as(`/api/pages/${page.id}/comments`, {
        method: 'POST',
        json: { body: `Is this current, @[Max](user:${max.user.id})?` },
      }),
      201,
    );
    await settle();
    const forMax = await home(max);
    expect(forMax.mentions).toMatchObject([
      { kind: 'mentioned', threadId: thread.id, page: { id: page.id } },
    ]);
    expect(forMax.waitingForReply).toMatchObject([
      { threadId: thread.id, page: { id: page.id }, notification: { kind: 'mentioned' } },
    ]);
    expect((await home(eve)).waitingForReply).toEqual([]);

    // Max answers: no longer waiting on him, and Eve's thread now waits on her.
    const reply = (who: TokenPerson, body: string) =>
      who.as(`/api/comments/${thread.id}/replies`, { method: 'POST', json: { body } });
    await expectJson(await reply(max, 'It is.'), 201);
    await settle();
    expect((await home(max)).waitingForReply).toEqual([]);
    expect((await home(eve)).waitingForReply).toMatchObject([{ threadId: thread.id }]);
    // Sam's reply comes after Max's last comment: the thread waits on Max again.
    await pause();
    await expectJson(await reply(sam, 'Checked it too.'), 201);
    await settle();
    expect((await home(max)).waitingForReply).toMatchObject([{ threadId: thread.id }]);

    // A resolved thread waits for no one.
    expect((await eve.as(`/api/comments/${thread.id}/resolve`, { method: 'POST' })).status).toBe(
      200,
    );
    expect((await home(eve)).waitingForReply).toEqual([]);
    expect((await home(max)).mentions).toHaveLength(1);
  });
});

describe('GET /api/spaces/:space/activity', () => {
  it('lists what happened newest first, edits collapsed per page, person and hour, one page at a time', async () => {
    const { sam, eve, page } = await world();
    await edit(page.id, sam.user.id, 'First.');
    await edit(page.id, sam.user.id, 'Second.');
    await edit(page.id, eve.user.id, 'Third.');
    await expectJson(
      await eve.as(`/api/pages/${page.id}/comments`, { method: 'POST', json: { body: 'Hm.' } }),
      201,
    );
    await expectJson(
      await sam.as(`/api/pages/${page.id}`, { method: 'PATCH', json: { title: 'Playbook' } }),
      200,
    );
    expect((await sam.as(`/api/pages/${page.id}`, { method: 'DELETE' })).status).toBeLessThan(300);
    await settle();

    const all = await expectJson(await eve.as('/api/spaces/docs/activity'), 200);
    const rows = all.activity.map((row: { kind: string; actor: { name: string } | null }) => [
      row.kind,
      row.actor?.name ?? null,
    ]);
    expect(rows.slice(0, 2)).toEqual([
      ['deleted', 'sam'],
      ['renamed', 'sam'],
    ]);
    expect(rows.filter(([kind]: string[]) => kind === 'edited')).toEqual([
      ['edited', 'eve'],
      ['edited', 'sam'],
    ]);
    expect(rows).toContainEqual(['commented', 'eve']);
    expect(rows.at(-1)).toEqual(['created', 'sam']);
    expect(all.activity[0].page).toMatchObject({ id: page.id, title: 'Playbook' });
    expect(all.nextBefore).toBeNull();

    // Two at a time, the same rows.
    const paged: unknown[] = [];
    let before: string | null = null;
    do {
      const query: string = before ? `?limit=2&before=${before}` : '?limit=2';
      const next = await expectJson(await eve.as(`/api/spaces/docs/activity${query}`), 200);
      expect(next.activity.length).toBeLessThanOrEqual(2);
      paged.push(...next.activity);
      before = next.nextBefore;
    } while (before !== null);
    expect(paged).toEqual(all.activity);

    const bad = await eve.as('/api/spaces/docs/activity?before=yesterday');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_request');
    expect((await eve.as('/api/spaces/docs/activity?limit=0')).status).toBe(400);
  });

  it('leaves out rows about pages the reader may not read now, and hides the space from outsiders', async () => {
    const { sam, max, page } = await world();
    const { page: open } = await expectJson(
      await sam.as('/api/pages', { method: 'POST', json: { spaceId: 'docs', title: 'Open' } }),
      201,
    );
    await settle();
    await expectJson(
      await sam.as(`/api/pages/${page.id}/restrictions`, {
        method: 'PUT',
        json: { view: { users: [sam.user.id], groups: [] }, edit: null },
      }),
      200,
    );
    // Max pages through one row at a time: only the open page's rows, to the end.
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const query: string = before ? `&before=${before}` : '';
      const next = await expectJson(await max.as(`/api/spaces/docs/activity?limit=1${query}`), 200);
      seen.push(...next.activity.map((row: { page: { id: string } }) => row.page.id));
      before = next.nextBefore;
    } while (before !== null);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([open.id]));
    const forSam = await expectJson(await sam.as('/api/spaces/docs/activity'), 200);
    expect(forSam.activity.map((row: { page: { id: string } }) => row.page.id)).toContain(page.id);

    const out = await person('out');
    const refused = await out.as('/api/spaces/docs/activity');
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.code).toBe('space_not_found');
  });
});

describe('GET /api/pages/:id/since-last-visit', () => {
  it('tells the reader when they last read the page and what to compare it with', async () => {
    const { sam, eve, page } = await world();
    const watches = t.server.runtime.services.storage.watches;
    const since = async () =>
      expectJson(await eve.as(`/api/pages/${page.id}/since-last-visit`), 200);
    expect(await since()).toEqual({
      lastVisitAt: null,
      changed: false,
      baseRevisionId: null,
      updatedBy: null,
    });
    // The version Eve read…
    const { revision } = await expectJson(
      await sam.as(`/api/pages/${page.id}/revisions`, { method: 'POST', json: {} }),
      201,
    );
    const readAt = Date.parse(revision.createdAt) + 1;
    watches.recordView(eve.user.id, page.id, readAt, visitGap);
    await pause();
    // …then Sam changed it, and Eve comes back later (a new visit).
    await edit(page.id, sam.user.id, 'Restart the thing twice.');
    watches.recordView(eve.user.id, page.id, Date.now() + visitGap + 1_000, visitGap);
    expect(await since()).toEqual({
      lastVisitAt: new Date(readAt).toISOString(),
      changed: true,
      baseRevisionId: revision.id,
      updatedBy: { id: sam.user.id, name: 'sam' },
    });
    // Sam's own last visit saw his own change: nothing new for him.
    expect(
      (await expectJson(await sam.as(`/api/pages/${page.id}/since-last-visit`), 200)).changed,
    ).toBe(false);
    const out = await person('out');
    expect((await out.as(`/api/pages/${page.id}/since-last-visit`)).status).toBe(404);
  });
});

describe('watching', () => {
  it('does not watch a page again on edit or comment once its reader chose to unwatch it', async () => {
    const { sam, eve, page } = await world();
    await edit(page.id, eve.user.id, 'Eve was here.');
    expect((await expectJson(await eve.as(`/api/pages/${page.id}/watch`), 200)).watching).toBe(
      true,
    );
    await expectJson(await eve.as(`/api/pages/${page.id}/watch`, { method: 'DELETE' }), 200);
    await edit(page.id, eve.user.id, 'Eve was here again.');
    await expectJson(
      await eve.as(`/api/pages/${page.id}/comments`, { method: 'POST', json: { body: 'Hm.' } }),
      201,
    );
    await settle();
    expect((await expectJson(await eve.as(`/api/pages/${page.id}/watch`), 200)).watching).toBe(
      false,
    );
    // Sam never unwatched: his edits keep him watching.
    expect((await expectJson(await sam.as(`/api/pages/${page.id}/watch`), 200)).watching).toBe(
      true,
    );
  });
});
