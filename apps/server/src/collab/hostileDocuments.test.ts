import { forgedUpdateAhead, syncUpdateMessage } from '@lore/collab/testing';
import { documentLimits, type JSONContent } from '@lore/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collabClient, eventually, typeInto } from '../test/collabClient';
import { signInNewUser } from '../test/signInNewUser';
import { startTestServer, type TestServer } from '../test/startTestServer';
import { appendToBody, containerKinds, nested, paragraph } from '../test/yContentOf';
import { postZip, zipOf } from '../transfer/transferTestKit';

let t: TestServer;
let token: string;
let spaceId: string;
let pageId: string;

async function createPage(title: string, markdown = 'Hello') {
  return t.request('/api/pages', { method: 'POST', json: { spaceId, title, markdown } });
}

beforeEach(async () => {
  t = await startTestServer();
  await t.request('/api/setup', {
    method: 'POST',
    json: { email: 'ada@example.com', displayName: 'Ada', password: 'analytical-engine' },
  });
  token = (await (await t.request('/api/tokens', { method: 'POST', json: { name: 'ws' } })).json())
    .token;
  spaceId = (
    await (await t.request('/api/spaces', { method: 'POST', json: { name: 'Docs' } })).json()
  ).space.id;
  pageId = (await (await createPage('Target')).json()).page.id;
});
afterEach(async () => {
  await t.close();
});

async function markdownOf(id: string): Promise<string> {
  const response = await t.request(`/api/pages/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()).markdown;
}

/**
 * Sends `nodes` over the websocket as one update; resolves with the close code, or null once
 * the page shows `marker` (the edit was accepted).
 */
async function sendOverWebsocket(nodes: JSONContent[], marker = 'deep'): Promise<number | null> {
  const client = collabClient(t.url, pageId, { token });
  // Generous: the largest updates here take seconds on a loaded 2-core machine.
  const timeoutMs = 20_000;
  try {
    await client.synced();
    appendToBody(client.doc, nodes);
    return await Promise.race([
      client.closed(timeoutMs),
      eventually(async () => (await markdownOf(pageId)).includes(marker), marker, timeoutMs).then(
        () => null,
      ),
    ]);
  } finally {
    client.destroy();
  }
}

const treeSize = async () =>
  (await (await t.request(`/api/spaces/${spaceId}/tree`)).json()).tree.length as number;

/** Times a container kind can wrap a paragraph with its text still within the depth limit. */
const timesWithin = (kind: string) =>
  Math.floor((documentLimits.maxDepth - 2) / (containerKinds[kind]?.levels ?? 1));

describe('structure limits over the websocket', () => {
  for (const kind of Object.keys(containerKinds)) {
    it(`accepts ${kind} nesting at the depth limit and refuses it one level past (4422, nothing stored)`, async () => {
      const within = timesWithin(kind);
      expect(await sendOverWebsocket([nested(kind, within)])).toBeNull();
      const stored = await markdownOf(pageId);
      expect(stored).toContain('deep');

      const over = await sendOverWebsocket([nested(kind, within + 1, 'too far')], 'too far');
      expect(over).toBe(4422);
      expect(await markdownOf(pageId)).toBe(stored);
    });
  }

  it('refuses the 1,200-level blockquote that used to break the page, and the page stays readable', async () => {
    expect(await sendOverWebsocket([nested('blockquote', 1_200)])).toBe(4422);
    expect((await markdownOf(pageId)).trim()).toBe('Hello');
    expect((await t.request(`/api/pages/${pageId}/export?format=html`)).status).toBe(200);
  });

  it.each([
    ['a text block past maxTextLength', [paragraph('x'.repeat(documentLimits.maxTextLength + 1))]],
    [
      'an attribute past maxAttributeLength',
      [
        {
          type: 'paragraph',
          content: [
            {
              type: 'image',
              attrs: { src: 'https://example.com/a.png', alt: 'a'.repeat(10_000) },
            },
          ],
        },
      ],
    ],
    [
      'a table past maxTableRows',
      [
        {
          type: 'table',
          content: Array.from({ length: documentLimits.maxTableRows + 1 }, () => ({
            type: 'tableRow',
            content: [{ type: 'tableCell', content: [paragraph('c')] }],
          })),
        },
      ],
    ],
    [
      'a row past maxTableColumns',
      [
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: Array.from({ length: documentLimits.maxTableColumns + 1 }, () => ({
                type: 'tableCell',
                content: [paragraph('c')],
              })),
            },
          ],
        },
      ],
    ],
    [
      'a body past maxNodes',
      Array.from({ length: documentLimits.maxNodes + 1 }, () => ({ type: 'horizontalRule' })),
    ],
  ] as [string, JSONContent[]][])('refuses %s with 4422', async (_, nodes) => {
    expect(await sendOverWebsocket(nodes)).toBe(4422);
    expect((await markdownOf(pageId)).trim()).toBe('Hello');
  });
});

describe('unsafe values arriving over the websocket', () => {
  it.each([
    [
      'a javascript: link',
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'click',
            marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
          },
        ],
      },
    ],
    [
      'an image with an event handler attribute',
      {
        type: 'paragraph',
        content: [
          { type: 'image', attrs: { src: 'https://example.com/a.png', onerror: 'alert(1)' } },
        ],
      },
    ],
    [
      'a javascript: image source',
      { type: 'paragraph', content: [{ type: 'image', attrs: { src: 'javascript:alert(1)' } }] },
    ],
    [
      'an unknown mark',
      { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'script' }] }] },
    ],
  ] as [string, JSONContent][])(
    'refuses %s, and another stock client never receives it',
    async (_, node) => {
      expect(await sendOverWebsocket([node])).toBe(4422);
      const reader = collabClient(t.url, pageId, { token });
      try {
        await reader.synced();
        const stored = JSON.stringify(reader.doc.getXmlFragment('default').toJSON());
        expect(stored).not.toMatch(/javascript:|onerror|script/);
        expect(reader.doc.getXmlFragment('default').toString()).not.toMatch(/javascript:|onerror/);
      } finally {
        reader.destroy();
      }
    },
  );

  it('keeps safe links and images', async () => {
    const node: JSONContent = {
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: 'deep',
          marks: [{ type: 'link', attrs: { href: 'https://example.com/', title: null } }],
        },
        { type: 'image', attrs: { src: 'https://example.com/a.png', alt: 'chart' } },
      ],
    };
    expect(await sendOverWebsocket([node])).toBeNull();
    expect(await markdownOf(pageId)).toContain('[deep](https://example.com/)');
  });
});

describe('structure limits on the other doors', () => {
  it('refuses Markdown nested past the limit with 413 naming the limit, and creates nothing', async () => {
    const before = await treeSize();
    const quotes = `${'> '.repeat(documentLimits.maxDepth + 5)}deep`;
    const bullets = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join(
      '\n',
    );
    for (const markdown of [quotes, bullets, '<div>'.repeat(60_000)]) {
      const response = await t.request('/api/pages', {
        method: 'POST',
        json: { spaceId, title: 'Hostile', markdown },
      });
      expect(response.status).toBe(413);
      const body = await response.json();
      expect(body.error.code).toBe('document_too_large');
      expect(body.error.message).toMatch(/maxDepth/);
    }
    expect(await treeSize()).toBe(before);
  });

  it('refuses an import holding a file nested past the limit, naming file and limit, and imports nothing', async () => {
    const before = await treeSize();
    const zip = zipOf({
      'fine.md': '# Fine\n\nA normal page.',
      'hostile.md': `${'> '.repeat(documentLimits.maxDepth + 5)}deep`,
    });
    const response = await postZip(t, `space=${spaceId}`, zip);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.message).toMatch(/hostile\.md/);
    expect(body.error.message).toMatch(/maxDepth/);
    expect(await treeSize()).toBe(before);
  });

  it('accepts Markdown nested up to the limit', async () => {
    const quotes = `${'> '.repeat(documentLimits.maxDepth - 2)}deep`;
    const response = await createPage('Deep but fine', quotes);
    expect(response.status).toBe(201);
    expect(await markdownOf((await response.json()).page.id)).toContain('deep');
  });
});

describe('updates that wait for structs the server has not seen', () => {
  it('cannot get a colleague refused: the victim keeps typing and every keystroke is stored', async () => {
    const attackerCookie = await signInNewUser(t, {
      email: 'm@example.com',
      displayName: 'Mallory',
      password: 'member password',
    });
    const victim = collabClient(t.url, pageId, { token });
    const attacker = collabClient(t.url, pageId, { cookie: attackerCookie, origin: t.url });
    try {
      await Promise.all([victim.synced(), attacker.synced()]);
      const typeSlowly = async (text: string) => {
        for (const char of text) {
          const expected = `${(await markdownOf(pageId)).trim()}${char}`;
          typeInto(victim.doc, char);
          await eventually(async () => (await markdownOf(pageId)).trim() === expected, expected);
        }
      };
      await typeSlowly('!');
      // A refused node planted under the victim's client id, six clocks ahead of it.
      const planted = forgedUpdateAhead(victim.doc, 6, (doc) => {
        const body = doc.getXmlFragment('default');
        body.insert(body.length, [new Y.XmlElement('script')]);
      });
      expect(planted.byteLength).toBeLessThan(64);
      // Sent as is (a stock client would hold it back as pending too).
      attacker.provider.ws?.send(syncUpdateMessage(planted));

      await typeSlowly('-every-keystroke');
      expect(victim.closeCodes).toEqual([]);
      expect((await markdownOf(pageId)).trim()).toBe('Hello!-every-keystroke');
      expect(await attacker.closed()).toBe(4422);
    } finally {
      victim.destroy();
      attacker.destroy();
    }
  });
});
