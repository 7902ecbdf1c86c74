import { describe, expect, it } from 'vitest';
import { adminServerPerTest } from '../test/adminServerPerTest';
import { apiTokenFor } from '../test/apiTokenFor';
import { expectJson } from '../test/expectJson';
import { privateSpaceWithPage, tokenPerson } from '../test/tokenPerson';

const t = adminServerPerTest();
const person = (name: string, role?: string) => tokenPerson(t, name, role);

/** A private space `docs` where Sam edits, Eve reads and Max administers, with one page. */
async function world() {
  const sam = await person('sam');
  const eve = await person('eve');
  const max = await person('max');
  const { page } = await privateSpaceWithPage(t, [
    [sam, 'editor'],
    [eve, 'viewer'],
    [max, 'admin'],
  ]);
  return { sam, eve, max, page };
}

const shareEvents = () =>
  t.server.runtime.db
    .prepare(
      `SELECT type, page_id AS pageId, space_id AS spaceId, actor_id AS actorId, data
       FROM domain_events WHERE type LIKE 'share.%' ORDER BY seq`,
    )
    .all()
    .map((row) => {
      const event = row as {
        type: string;
        pageId: string | null;
        spaceId: string | null;
        actorId: string | null;
        data: string;
      };
      return { ...event, data: JSON.parse(event.data) };
    });

describe('share link routes', () => {
  it('makes a link for an editor, answering 201 with its address once', async () => {
    const { sam, page } = await world();
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const share = await expectJson(
      await sam.as(`/api/pages/${page.id}/shares`, {
        method: 'POST',
        json: { includeSubpages: true, expiresAt },
      }),
      201,
    );
    expect(share).toMatchObject({
      pageId: page.id,
      pageTitle: 'Runbook',
      includeSubpages: true,
      allowIndexing: false,
      expiresAt,
      createdBy: { id: sam.user.id, displayName: 'sam' },
      lastUsedAt: null,
    });
    expect(share.url).toMatch(new RegExp(`^${t.url}/s/[A-Za-z0-9_-]{43}$`));
    const secret = share.url.split('/').pop();
    // Only the hash is stored.
    const stored = JSON.stringify(t.server.runtime.db.prepare('SELECT * FROM share_links').all());
    expect(stored).not.toContain(secret);
    const { shares } = await expectJson(await sam.as(`/api/pages/${page.id}/shares`), 200);
    expect(shares).toEqual([{ ...share, url: null }]);
    expect(shareEvents()).toEqual([
      {
        type: 'share.created',
        pageId: page.id,
        spaceId: page.spaceId,
        actorId: sam.user.id,
        data: { shareId: share.id, includeSubpages: true, expiresAt: Date.parse(expiresAt) },
      },
    ]);
  });

  it('refuses readers, outsiders, past expiries and unknown fields, changing nothing', async () => {
    const { eve, sam, page } = await world();
    const outsider = await person('olga');
    const post = (as: typeof sam.as, json: unknown) =>
      as(`/api/pages/${page.id}/shares`, { method: 'POST', json });
    expect((await expectJson(await post(eve.as, {}), 403)).error.code).toBe('forbidden');
    expect((await expectJson(await post(outsider.as, {}), 404)).error.code).toBe('page_not_found');
    const past = new Date(Date.now() - 1000).toISOString();
    expect((await expectJson(await post(sam.as, { expiresAt: past }), 400)).error.code).toBe(
      'invalid_request',
    );
    await expectJson(await post(sam.as, { expiresAt: 'tomorrow' }), 400);
    await expectJson(await post(sam.as, { public: true }), 400);
    expect((await expectJson(await eve.as(`/api/pages/${page.id}/shares`), 403)).error.code).toBe(
      'forbidden',
    );
    expect(shareEvents()).toEqual([]);
    expect((await expectJson(await sam.as(`/api/pages/${page.id}/shares`), 200)).shares).toEqual(
      [],
    );
  });

  it('lets the creator and space admins revoke; other editors get 403, unknown links 404', async () => {
    const { sam, max, page } = await world();
    const other = await person('otto');
    await expectJson(
      await t.request(`/api/spaces/docs/members/users/${other.user.id}`, {
        method: 'PUT',
        json: { role: 'editor' },
      }),
      200,
    );
    const make = async () =>
      expectJson(await sam.as(`/api/pages/${page.id}/shares`, { method: 'POST', json: {} }), 201);
    const first = await make();
    const second = await make();
    const remove = (as: typeof sam.as, id: string) =>
      as(`/api/pages/${page.id}/shares/${id}`, { method: 'DELETE' });
    expect((await expectJson(await remove(other.as, first.id), 403)).error.code).toBe('forbidden');
    expect((await remove(sam.as, first.id)).status).toBe(204);
    expect((await expectJson(await remove(sam.as, first.id), 404)).error.code).toBe(
      'share_not_found',
    );
    expect((await expectJson(await remove(sam.as, 'nope'), 404)).error.code).toBe(
      'share_not_found',
    );
    // The space admin lists every link of the space and revokes someone else's.
    const { shares } = await expectJson(await max.as('/api/spaces/docs/shares'), 200);
    expect(shares.map((s: { id: string }) => s.id)).toEqual([second.id]);
    expect((await remove(max.as, second.id)).status).toBe(204);
    expect((await expectJson(await max.as('/api/spaces/docs/shares'), 200)).shares).toEqual([]);
    expect((await expectJson(await sam.as('/api/spaces/docs/shares'), 403)).error.code).toBe(
      'forbidden',
    );
    expect(shareEvents().map((e) => [e.type, e.actorId])).toEqual([
      ['share.created', sam.user.id],
      ['share.created', sam.user.id],
      ['share.revoked', sam.user.id],
      ['share.revoked', max.user.id],
    ]);
  });

  it('refuses read-only tokens and anonymous callers', async () => {
    const { sam, page } = await world();
    const readOnly = apiTokenFor(t.server.runtime.services.accounts, sam.user, 'ro', 'read');
    const refused = await t.request(`/api/pages/${page.id}/shares`, {
      method: 'POST',
      json: {},
      anonymous: true,
      headers: { authorization: `Bearer ${readOnly.secret}` },
    });
    expect(refused.status).toBe(403);
    const anonymous = await t.request(`/api/pages/${page.id}/shares`, {
      method: 'POST',
      json: {},
      anonymous: true,
    });
    expect(anonymous.status).toBe(401);
    expect(shareEvents()).toEqual([]);
  });
});
