import { describe, expect, it } from 'vitest';
import { adminServerPerTest } from '../test/adminServerPerTest';
import { expectJson } from '../test/expectJson';
import { privateSpaceWithPage, type TokenPerson, tokenPerson } from '../test/tokenPerson';

const t = adminServerPerTest();
const person = (name: string, role?: string) => tokenPerson(t, name, role);

type Person = TokenPerson;

const settle = () => t.server.runtime.events.drain({ flushContent: true });

/** The kinds in the person's inbox (newest first), after archiving nothing. */
async function inbox(who: Person): Promise<{ kind: string; threadId: string | null }[]> {
  const { notifications } = await expectJson(await who.as('/api/notifications'), 200);
  return notifications.map((item: { kind: string; threadId?: string | null }) => ({
    kind: item.kind,
    threadId: item.threadId ?? null,
  }));
}

async function clearInbox(who: Person) {
  const { notifications } = await expectJson(await who.as('/api/notifications'), 200);
  for (const { id } of notifications as { id: string }[]) {
    await who.as(`/api/notifications/${id}/archive`, { method: 'POST' });
  }
}

describe('notifications of discussion', () => {
  it('tells the mentioned, the thread, the page’s creator and watchers, once each and never the actor', async () => {
    const sam = await person('sam');
    const eve = await person('eve');
    const max = await person('max');
    const ann = await person('ann');
    const { page } = await privateSpaceWithPage(t, [
      [sam, 'editor'],
      [eve, 'commenter'],
      [max, 'viewer'],
    ]);
    expect((await max.as(`/api/pages/${page.id}/watch`, { method: 'POST' })).status).toBeLessThan(
      300,
    );
    await settle();
    for (const who of [sam, eve, max, ann]) await clearInbox(who);

    // Eve opens a thread mentioning Max, and Ann, who cannot read the page.
    const { thread } = await expectJson(
      await eve.as(`/api/pages/${page.id}/comments`, {
        method: 'POST',
        json: {
          body: `Is this current, @[Max](user:${max.user.id}) and @[Ann](user:${ann.user.id})?`,
        },
      }),
      201,
    );
    await settle();
    expect(await inbox(max)).toEqual([{ kind: 'mentioned', threadId: thread.id }]);
    // Sam created the page: a new thread on it is news for him.
    expect(await inbox(sam)).toEqual([{ kind: 'page_comment', threadId: thread.id }]);
    expect(await inbox(eve)).toEqual([]);
    expect(await inbox(ann)).toEqual([]);

    // Sam replies: Eve, who started the thread, hears of it; Max only heard of the mention.
    await expectJson(
      await sam.as(`/api/comments/${thread.id}/replies`, {
        method: 'POST',
        json: { body: 'Yes, checked it today.' },
      }),
      201,
    );
    await settle();
    expect(await inbox(eve)).toEqual([{ kind: 'thread_reply', threadId: thread.id }]);
    expect(await inbox(max)).toHaveLength(1);
    // Delivering everything again changes nothing.
    await settle();
    expect(await inbox(eve)).toHaveLength(1);

    // Sam resolves it: Eve is told; Sam is not told of his own action.
    expect(
      (await sam.as(`/api/comments/${thread.id}/resolve`, { method: 'POST' })).status,
    ).toBeLessThan(300);
    await settle();
    expect((await inbox(eve))[0]).toEqual({ kind: 'thread_resolved', threadId: thread.id });
    expect((await inbox(sam)).map((item) => item.kind)).toEqual(['page_comment']);
  });
});
