import { describe, expect, it } from 'vitest';
import { adminServerPerTest } from '../test/adminServerPerTest';
import { expectJson } from '../test/expectJson';
import { privateSpaceWithPage, tokenPerson } from '../test/tokenPerson';

const t = adminServerPerTest();

async function world() {
  const [sam, cleo, eve, annie, anton] = await Promise.all(
    ['sam', 'cleo', 'eve', 'annie', 'anton'].map((name) => tokenPerson(t, name)),
  );
  if (!sam || !cleo || !eve || !annie || !anton) throw new Error('people missing');
  // Sam runs the space; Cleo comments; Eve and Anton read; Annie is outside.
  const { page } = await privateSpaceWithPage(t, [
    [sam, 'admin'],
    [cleo, 'commenter'],
    [eve, 'viewer'],
    [anton, 'viewer'],
  ]);
  return { sam, cleo, eve, annie, anton, page };
}

describe('mention helpers', () => {
  it('offer people matching what was typed, those who can read the page first', async () => {
    const { cleo, annie, anton, page } = await world();
    const { people } = await expectJson(
      await cleo.as(`/api/pages/${page.id}/mentionable?q=AN&limit=10`),
      200,
    );
    expect(people).toEqual([
      { id: anton.user.id, name: 'anton', email: 'anton@example.com', canRead: true },
      { id: annie.user.id, name: 'annie', email: 'annie@example.com', canRead: false },
    ]);
    const { people: one } = await expectJson(
      await cleo.as(`/api/pages/${page.id}/mentionable?q=a&limit=1`),
      200,
    );
    expect(one).toHaveLength(1);
    expect(one[0].canRead).toBe(true);
    // Contains, not only starts with: "example.com" is in every address.
    const { people: all } = await expectJson(
      await cleo.as(`/api/pages/${page.id}/mentionable?q=example`),
      200,
    );
    expect(all.length).toBeGreaterThanOrEqual(5);
  });

  it('tell who cannot read the page and whether the caller could share it', async () => {
    const { sam, cleo, eve, annie, page } = await world();
    const body = { userIds: [eve.user.id, annie.user.id, 'nobody-at-all'] };
    const asCleo = await expectJson(
      await cleo.as(`/api/pages/${page.id}/mention-check`, { method: 'POST', json: body }),
      200,
    );
    expect(asCleo).toEqual({ cannotRead: [{ id: annie.user.id, name: 'annie' }], canShare: false });
    const asSam = await expectJson(
      await sam.as(`/api/pages/${page.id}/mention-check`, { method: 'POST', json: body }),
      200,
    );
    expect(asSam.canShare).toBe(true);
  });

  it('refuse bad input and people who cannot comment', async () => {
    const { cleo, eve, annie, page } = await world();
    const bad = async (response: Promise<Response> | ReturnType<typeof cleo.as>, status: number) =>
      (await expectJson(await response, status)).error.code;
    expect(await bad(cleo.as(`/api/pages/${page.id}/mentionable?limit=0`), 400)).toBe(
      'invalid_request',
    );
    expect(await bad(cleo.as(`/api/pages/${page.id}/mentionable?limit=x`), 400)).toBe(
      'invalid_request',
    );
    expect(await bad(cleo.as(`/api/pages/${page.id}/mentionable?other=1`), 400)).toBe(
      'invalid_request',
    );
    const check = (json: unknown) =>
      cleo.as(`/api/pages/${page.id}/mention-check`, { method: 'POST', json });
    expect(await bad(check({ userIds: [] }), 400)).toBe('invalid_request');
    expect(await bad(check({ userIds: [1] }), 400)).toBe('invalid_request');
    expect(await bad(check({ userIds: ['a'], extra: true }), 400)).toBe('invalid_request');
    expect((await eve.as(`/api/pages/${page.id}/mentionable?q=a`)).status).toBe(403);
    expect(await bad(annie.as(`/api/pages/${page.id}/mentionable?q=a`), 404)).toBe(
      'page_not_found',
    );
  });
});
