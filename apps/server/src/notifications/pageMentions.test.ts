import { EditOrigin, pageBodyField } from '@lore/page-document';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { adminServerPerTest } from '../test/adminServerPerTest';
import { expectJson } from '../test/expectJson';
import { privateSpaceWithPage, type TokenPerson, tokenPerson } from '../test/tokenPerson';

const t = adminServerPerTest();

const settle = () => t.server.runtime.events.drain({ flushContent: true });

async function mentions(who: TokenPerson): Promise<{ pageId: string; actor: string | null }[]> {
  const { notifications } = await expectJson(await who.as('/api/notifications'), 200);
  return notifications
    .filter((item: { kind: string }) => item.kind === 'mentioned')
    .map((item: { page: { id: string }; actor: { id: string } | null }) => ({
      pageId: item.page.id,
      actor: item.actor?.id ?? null,
    }));
}

/** Sam types a paragraph into the page, mentioning these people, as the editor would write it. */
async function samWrites(
  pageId: string,
  samId: string,
  text: string,
  people: readonly TokenPerson[],
): Promise<void> {
  await t.server.runtime.services.collab.editDocument(
    pageId,
    (doc) => {
      const body = doc.getXmlFragment(pageBodyField);
      const paragraph = new Y.XmlElement('paragraph');
      body.insert(body.length, [paragraph]);
      const words = new Y.XmlText();
      words.insert(0, text);
      const nodes: (Y.XmlText | Y.XmlElement)[] = [words];
      for (const person of people) {
        const mention = new Y.XmlElement('mention');
        mention.setAttribute('userId', person.user.id);
        mention.setAttribute('label', person.user.displayName);
        nodes.push(mention);
      }
      paragraph.insert(0, nodes);
    },
    new EditOrigin(samId),
  );
  await settle();
}

describe('mentions in a page', () => {
  it('tell the people newly mentioned who can read it, once, never the writer', async () => {
    const [sam, max, ann, eve] = await Promise.all(
      ['sam', 'max', 'ann', 'eve'].map((name) => tokenPerson(t, name)),
    );
    if (!sam || !max || !ann || !eve) throw new Error('people missing');
    const { page } = await privateSpaceWithPage(
      t,
      [
        [sam, 'editor'],
        [max, 'viewer'],
        [eve, 'viewer'],
      ],
      'Runbook.',
    );
    await settle();

    // Sam mentions Max, Ann (who cannot read the page) and himself.
    await samWrites(page.id, sam.user.id, 'Ask ', [max, ann, sam]);
    expect(await mentions(max)).toEqual([{ pageId: page.id, actor: sam.user.id }]);
    expect(await mentions(ann)).toEqual([]);
    expect(await mentions(sam)).toEqual([]);

    // Saving the page again with the same mentions tells no one again.
    await samWrites(page.id, sam.user.id, 'More words, no new mention.', []);
    await settle();
    expect(await mentions(max)).toHaveLength(1);

    // Once the page has a revision holding the mention, it is no longer new either.
    await expectJson(
      await sam.as(`/api/pages/${page.id}/revisions`, { method: 'POST', json: { name: 'v1' } }),
      201,
    );
    await samWrites(page.id, sam.user.id, 'Also ', [max, eve]);
    expect(await mentions(max)).toHaveLength(1);
    expect(await mentions(eve)).toEqual([{ pageId: page.id, actor: sam.user.id }]);
    expect(await mentions(ann)).toEqual([]);
  });
});
