import { anchorOfRange, pageBodyField, readPageDocument } from '@lore/page-document';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { adminServerPerTest } from '../test/adminServerPerTest';
import { expectJson } from '../test/expectJson';
import { privateSpaceWithPage, tokenPerson } from '../test/tokenPerson';

const t = adminServerPerTest();
const person = (name: string, role?: string) => tokenPerson(t, name, role);

/**
 * A private space `docs` where Sam edits, Cleo and Carl comment, Eve reads; Olga is outside.
 * One page, "Runbook".
 */
async function world() {
  const [sam, cleo, carl, eve, olga] = await Promise.all(
    ['sam', 'cleo', 'carl', 'eve', 'olga'].map((name) => person(name)),
  );
  if (!sam || !cleo || !carl || !eve || !olga) throw new Error('people missing');
  const { page } = await privateSpaceWithPage(
    t,
    [
      [sam, 'editor'],
      [cleo, 'commenter'],
      [carl, 'commenter'],
      [eve, 'viewer'],
    ],
    'Restart the thing now.\n\nThen wait.',
  );
  return { sam, cleo, carl, eve, olga, page };
}

/** A replica of the page's document, as a synced client holds it. */
async function clientDoc(pageId: string): Promise<Y.Doc> {
  const services = t.server.runtime.services;
  const state = await readPageDocument(services.collab, services.documents, pageId, (doc) =>
    Y.encodeStateAsUpdate(doc),
  );
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

const firstText = (doc: Y.Doc) =>
  (doc.getXmlFragment(pageBodyField).get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** Sends what `doc` holds beyond the server's copy, as the collaboration socket would. */
async function push(pageId: string, doc: Y.Doc): Promise<void> {
  await t.server.runtime.services.collab.applyServerUpdate(pageId, Y.encodeStateAsUpdate(doc));
}

/** The data of the events of one type written so far, with their actor and page. */
const events = (type: string): Record<string, unknown>[] =>
  t.server.runtime.storage.events
    .readAfter(0, 10_000)
    .filter((event) => event.type === type)
    .map((event) => ({
      ...(event.data as unknown as Record<string, unknown>),
      actorId: event.actorId,
      pageId: event.pageId,
    }));

describe('comment threads over HTTP', () => {
  it('opens, lists, replies, edits, resolves and deletes, with rendered HTML and events', async () => {
    const { sam, cleo, carl, eve, page } = await world();
    const { thread } = await expectJson(
      await cleo.as(`/api/pages/${page.id}/comments`, {
        method: 'POST',
        json: { body: `Is **now** right? cc @[Sam S](user:${sam.user.id})` },
      }),
      201,
    );
    expect(thread).toMatchObject({
      pageId: page.id,
      state: 'open',
      anchor: null,
      createdBy: { id: cleo.user.id, displayName: 'cleo' },
      canResolve: true,
    });
    expect(thread.comments[0].html).toBe(
      `<p>Is <strong>now</strong> right? cc <span class="mention" data-user-id="${sam.user.id}">@sam</span></p>`,
    );
    expect(thread.comments[0].mentions).toEqual([sam.user.id]);

    const { comment: reply } = await expectJson(
      await carl.as(`/api/comments/${thread.id}/replies`, {
        method: 'POST',
        json: { body: 'See [the docs](https://example.com) and `restart.sh`' },
      }),
      201,
    );
    expect(reply.html).toContain('<code>restart.sh</code>');
    await expectJson(
      await eve.as(`/api/comments/${thread.id}/replies`, {
        method: 'POST',
        json: { body: 'Me too' },
      }),
      403,
    );
    const edited = await expectJson(
      await carl.as(`/api/comments/${thread.id}/comments/${reply.id}`, {
        method: 'PATCH',
        json: { body: `Ask @[Eve](user:${eve.user.id})` },
      }),
      200,
    );
    expect(edited.comment.editedAt).not.toBeNull();
    expect(edited.comment.can).toEqual({ edit: true, delete: true });
    // What each may do, as the thread says to each of them.
    const seenBy = async (who: typeof eve) => {
      const { threads } = await expectJson(await who.as(`/api/pages/${page.id}/comments`), 200);
      const [first] = threads;
      return { thread: first.can, comments: first.comments.map((c: { can: unknown }) => c.can) };
    };
    expect(await seenBy(eve)).toEqual({
      thread: { reply: false, react: false, resolve: false },
      comments: [
        { edit: false, delete: false },
        { edit: false, delete: false },
      ],
    });
    expect(await seenBy(carl)).toEqual({
      thread: { reply: true, react: true, resolve: false },
      comments: [
        { edit: false, delete: false },
        { edit: true, delete: true },
      ],
    });
    await expectJson(
      await cleo.as(`/api/comments/${thread.id}/comments/${reply.id}`, {
        method: 'PATCH',
        json: { body: 'Not mine' },
      }),
      403,
    );

    // Carl, a commenter, may not resolve Cleo's thread; Cleo and Sam (an editor) may.
    await expectJson(await carl.as(`/api/comments/${thread.id}/resolve`, { method: 'POST' }), 403);
    const resolved = await expectJson(
      await cleo.as(`/api/comments/${thread.id}/resolve`, { method: 'POST' }),
      200,
    );
    expect(resolved.thread).toMatchObject({
      state: 'resolved',
      resolvedBy: { id: cleo.user.id, displayName: 'cleo' },
    });
    expect(
      (await expectJson(await eve.as(`/api/pages/${page.id}/comments?state=open`), 200)).threads,
    ).toEqual([]);
    await expectJson(await sam.as(`/api/comments/${thread.id}/reopen`, { method: 'POST' }), 200);
    const listed = await expectJson(await eve.as(`/api/pages/${page.id}/comments`), 200);
    expect(listed.threads.map((listedThread: { state: string }) => listedThread.state)).toEqual([
      'open',
    ]);
    expect(listed.threads[0].canResolve).toBe(false);
    expect(listed.threads[0].comments.map((c: { body: string }) => c.body)).toEqual([
      thread.comments[0].body,
      `Ask @[Eve](user:${eve.user.id})`,
    ]);

    // The first comment goes as a placeholder; the last real one takes the thread with it.
    expect(
      await expectJson(
        await cleo.as(`/api/comments/${thread.id}/comments/${thread.comments[0].id}`, {
          method: 'DELETE',
        }),
        200,
      ),
    ).toEqual({ threadDeleted: false });
    const afterDelete = await expectJson(await eve.as(`/api/pages/${page.id}/comments`), 200);
    expect(afterDelete.threads[0].comments[0]).toMatchObject({ deleted: true, body: '', html: '' });
    expect(
      await expectJson(
        await carl.as(`/api/comments/${thread.id}/comments/${reply.id}`, { method: 'DELETE' }),
        200,
      ),
    ).toEqual({ threadDeleted: true });
    await expectJson(
      await carl.as(`/api/comments/${thread.id}/replies`, { method: 'POST', json: { body: 'x' } }),
      404,
    );

    expect(events('comment.thread_created')).toEqual([
      expect.objectContaining({
        threadId: thread.id,
        commentId: thread.comments[0].id,
        mentionedUserIds: [sam.user.id],
        actorId: cleo.user.id,
        pageId: page.id,
      }),
    ]);
    expect(events('comment.edited')).toEqual([
      expect.objectContaining({ commentId: reply.id, mentionedUserIds: [eve.user.id] }),
    ]);
    expect(events('comment.thread_resolved').length).toBe(1);
    expect(events('comment.thread_reopened').length).toBe(1);
    expect(events('comment.deleted').map((e) => e.threadDeleted)).toEqual([false, true]);
  });

  it('hides threads of pages one cannot read, and keeps threads of trashed pages', async () => {
    const { sam, cleo, olga, page } = await world();
    const { thread } = await expectJson(
      await cleo.as(`/api/pages/${page.id}/comments`, { method: 'POST', json: { body: 'Hi' } }),
      201,
    );
    // Olga cannot read the page: its thread is as unknown as one that never existed.
    for (const [path, method, json] of [
      [`/api/comments/${thread.id}/replies`, 'POST', { body: 'x' }],
      [`/api/comments/${thread.id}/resolve`, 'POST', undefined],
      [`/api/comments/${thread.id}/comments/${thread.comments[0].id}`, 'DELETE', undefined],
      [
        `/api/comments/${thread.id}/comments/${thread.comments[0].id}/reactions`,
        'POST',
        { emoji: '👍' },
      ],
    ] as const) {
      const hidden = await expectJson(await olga.as(path, { method, json }), 404);
      const unknown = await expectJson(
        await olga.as(path.replace(thread.id, 'no-such-thread'), { method, json }),
        404,
      );
      expect(hidden).toEqual(unknown);
    }
    await expectJson(await olga.as(`/api/pages/${page.id}/comments`), 404);

    await expectJson(await sam.as(`/api/pages/${page.id}`, { method: 'DELETE' }), 200);
    const kept = await expectJson(await sam.as(`/api/pages/${page.id}/comments`), 200);
    expect(kept.threads.map((listed: { id: string }) => listed.id)).toEqual([thread.id]);
    // In the trash, nobody adds to it.
    await expectJson(
      await sam.as(`/api/pages/${page.id}/comments`, { method: 'POST', json: { body: 'x' } }),
      404,
    );
  });

  it('toggles reactions on comments and pages', async () => {
    const { cleo, carl, eve, page } = await world();
    const { thread } = await expectJson(
      await cleo.as(`/api/pages/${page.id}/comments`, { method: 'POST', json: { body: 'Hi' } }),
      201,
    );
    const commentReactions = `/api/comments/${thread.id}/comments/${thread.comments[0].id}/reactions`;
    expect(
      await expectJson(
        await carl.as(commentReactions, { method: 'POST', json: { emoji: '🎉' } }),
        200,
      ),
    ).toEqual({
      added: true,
      reactions: [
        { emoji: '🎉', count: 1, people: [{ id: carl.user.id, displayName: 'carl' }], mine: true },
      ],
    });
    await expectJson(
      await eve.as(commentReactions, { method: 'POST', json: { emoji: '🎉' } }),
      403,
    );
    await expectJson(
      await carl.as(commentReactions, { method: 'POST', json: { emoji: 'lol' } }),
      400,
    );
    const listed = await expectJson(await eve.as(`/api/pages/${page.id}/comments`), 200);
    expect(listed.threads[0].comments[0].reactions).toEqual([
      { emoji: '🎉', count: 1, people: [{ id: carl.user.id, displayName: 'carl' }], mine: false },
    ]);
    expect(
      (
        await expectJson(
          await carl.as(commentReactions, { method: 'POST', json: { emoji: '🎉' } }),
          200,
        )
      ).added,
    ).toBe(false);

    const pageReactions = `/api/pages/${page.id}/reactions`;
    await expectJson(await cleo.as(pageReactions, { method: 'POST', json: { emoji: '👍' } }), 200);
    await expectJson(await carl.as(pageReactions, { method: 'POST', json: { emoji: '👍' } }), 200);
    expect((await expectJson(await eve.as(pageReactions), 200)).reactions).toEqual([
      {
        emoji: '👍',
        count: 2,
        people: [
          { id: cleo.user.id, displayName: 'cleo' },
          { id: carl.user.id, displayName: 'carl' },
        ],
        mine: false,
      },
    ]);
    expect(events('reaction.added').length).toBe(3);
    expect(events('reaction.removed').length).toBe(1);
  });

  it('anchors threads to text that commenters select, following edits, deletion and undo', async () => {
    const { cleo, eve, page } = await world();
    const client = await clientDoc(page.id);
    const text = firstText(client);
    const start = text.toString().indexOf('the thing');
    const anchor = {
      ...anchorOfRange(text, start, start + 'the thing'.length),
      quote: 'the thing',
    };
    const { thread } = await expectJson(
      await cleo.as(`/api/pages/${page.id}/comments`, {
        method: 'POST',
        json: { body: 'Which thing?', anchor },
      }),
      201,
    );
    expect(thread.anchor).toMatchObject({
      quote: 'the thing',
      state: 'attached',
      currentQuote: 'the thing',
    });

    const anchorOf = async () =>
      (await expectJson(await eve.as(`/api/pages/${page.id}/comments`), 200)).threads[0].anchor;
    const undo = new Y.UndoManager(client.getXmlFragment(pageBodyField), { captureTimeout: 0 });
    text.insert(start + 'the '.length, 'big ');
    await push(page.id, client);
    expect(await anchorOf()).toMatchObject({ state: 'attached', currentQuote: 'the big thing' });
    text.delete(start, 'the big thing'.length);
    await push(page.id, client);
    expect(await anchorOf()).toMatchObject({
      state: 'detached',
      currentQuote: null,
      quote: 'the thing',
    });
    undo.undo();
    await push(page.id, client);
    expect(await anchorOf()).toMatchObject({ state: 'attached', currentQuote: 'the big thing' });
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const { cleo, page } = await world();
    const post = (json: unknown) =>
      cleo.as(`/api/pages/${page.id}/comments`, { method: 'POST', json });
    expect((await expectJson(await post({ body: 'x'.repeat(10_001) }), 400)).error.code).toBe(
      'invalid_request',
    );
    expect((await expectJson(await post({ body: '   ' }), 400)).error.code).toBe('invalid_request');
    expect((await expectJson(await post({ body: 'x', extra: 1 }), 400)).error.code).toBe(
      'invalid_request',
    );
    expect(
      (
        await expectJson(
          await post({ body: 'x', anchor: { from: '/w==', to: 'AAAA', quote: 'q' } }),
          422,
        )
      ).error.code,
    ).toBe('invalid_anchor');
    expect(
      (
        await expectJson(
          await post({ body: 'x', anchor: { from: '%%%', to: 'AAAA', quote: 'q' } }),
          422,
        )
      ).error.code,
    ).toBe('invalid_anchor');
    // Positions into text the server does not hold yet (a client still syncing).
    const ahead = await clientDoc(page.id);
    ahead.clientID = 424_242;
    firstText(ahead).insert(0, 'Unsynced ');
    const early = { ...anchorOfRange(firstText(ahead), 0, 8), quote: 'Unsynced' };
    expect((await expectJson(await post({ body: 'x', anchor: early }), 422)).error.code).toBe(
      'anchor_not_found',
    );
    expect(
      (
        await expectJson(
          await post({ body: 'x', anchor: { ...early, quote: 'q'.repeat(1_001) } }),
          400,
        )
      ).error.code,
    ).toBe('invalid_request');
    expect(
      (
        await expectJson(
          await cleo.as('/api/comments/no-such-thread/resolve', { method: 'POST' }),
          404,
        )
      ).error.code,
    ).toBe('thread_not_found');
    expect(
      (await expectJson(await cleo.as(`/api/pages/${page.id}/comments`), 200)).threads,
    ).toEqual([]);
    expect(events('comment.thread_created')).toEqual([]);
  });
});
