import { describe, expect, it } from 'vitest';
import { adminServerPerTest } from '../test/adminServerPerTest';
import { expectJson } from '../test/expectJson';
import { privateSpaceWithPage, type TokenPerson, tokenPerson } from '../test/tokenPerson';

const t = adminServerPerTest();

/** A private space where Sam edits, Cleo comments and Eve reads; Olga is outside. */
async function world() {
  const [sam, cleo, eve, olga] = await Promise.all(
    ['sam', 'cleo', 'eve', 'olga'].map((name) => tokenPerson(t, name)),
  );
  if (!sam || !cleo || !eve || !olga) throw new Error('people missing');
  const { page } = await privateSpaceWithPage(t, [
    [sam, 'editor'],
    [cleo, 'commenter'],
    [eve, 'viewer'],
  ]);
  return { sam, cleo, eve, olga, page };
}

/** Reads a page's comment stream as `who`, an event at a time. */
async function openStream(who: TokenPerson, pageId: string) {
  const response = await fetch(`${t.url}/api/pages/${pageId}/comments/stream`, {
    headers: { authorization: `Bearer ${who.token}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    /** The next event as `name data`, or `end` when the server closed the stream. */
    async next(): Promise<string> {
      for (;;) {
        const match = /event: (\w+)\ndata: ([^\n]*)\n\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice((match.index ?? 0) + match[0].length);
          return `${match[1]} ${match[2]}`;
        }
        const { value, done } = await reader.read();
        if (done) return 'end';
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

const post = async (who: TokenPerson, path: string, json?: unknown, status = 201) =>
  expectJson(await who.as(path, { method: 'POST', ...(json ? { json } : {}) }), status);

describe('the live comment stream of a page', () => {
  it('tells a reader of every change to the page’s threads, made by someone else', async () => {
    const { sam, cleo, eve, page } = await world();
    const stream = await openStream(eve, page.id);
    try {
      const { thread } = await post(cleo, `/api/pages/${page.id}/comments`, { body: 'Why?' });
      const threads = `threads ${JSON.stringify({ threadId: thread.id })}`;
      expect(await stream.next()).toBe(threads);
      const { comment } = await post(sam, `/api/comments/${thread.id}/replies`, {
        body: 'Because.',
      });
      expect(await stream.next()).toBe(threads);
      await post(
        cleo,
        `/api/comments/${thread.id}/comments/${comment.id}/reactions`,
        {
          emoji: '👍',
        },
        200,
      );
      expect(await stream.next()).toBe(threads);
      await post(cleo, `/api/comments/${thread.id}/resolve`, undefined, 200);
      expect(await stream.next()).toBe(threads);
      await post(sam, `/api/pages/${page.id}/reactions`, { emoji: '🎉' }, 200);
      expect(await stream.next()).toBe('reactions {}');
    } finally {
      await stream.close();
    }
  });

  it('sends nothing about other pages', async () => {
    const { sam, eve, page } = await world();
    const { page: other } = await expectJson(
      await sam.as('/api/pages', {
        method: 'POST',
        json: { spaceId: 'docs', title: 'Other', markdown: 'Other text.' },
      }),
      201,
    );
    const stream = await openStream(eve, page.id);
    try {
      await post(sam, `/api/pages/${other.id}/comments`, { body: 'Elsewhere' });
      const { thread } = await post(sam, `/api/pages/${page.id}/comments`, { body: 'Here' });
      expect(await stream.next()).toBe(`threads ${JSON.stringify({ threadId: thread.id })}`);
    } finally {
      await stream.close();
    }
  });

  it('ends for a reader who may no longer read the page, and is refused to outsiders', async () => {
    const { sam, eve, olga, page } = await world();
    expect((await olga.as(`/api/pages/${page.id}/comments/stream`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/pages/${page.id}/comments/stream`)).status).toBe(401);
    const stream = await openStream(eve, page.id);
    try {
      const removed = await t.request(`/api/spaces/docs/members/users/${eve.user.id}`, {
        method: 'DELETE',
      });
      expect(removed.status).toBeLessThan(300);
      await post(sam, `/api/pages/${page.id}/comments`, { body: 'Not for Eve' });
      expect(await stream.next()).toBe('end');
    } finally {
      await stream.close();
    }
  });
});
