import { describe, expect, it } from 'vitest';
import { adminServerPerTest } from '../test/adminServerPerTest';
import { apiTokenFor } from '../test/apiTokenFor';
import { eventually } from '../test/collabClient';
import { expectJson } from '../test/expectJson';
import type { TestRequestInit } from '../test/startTestServer';

const t = adminServerPerTest();

/** A member signed in with an API token, and requests as them. */
async function member(name: string, role = 'member') {
  const { user } = await expectJson(
    await t.request('/api/users', {
      method: 'POST',
      json: { email: `${name}@example.com`, displayName: name, password: `${name} password`, role },
    }),
    201,
  );
  const token = apiTokenFor(t.server.runtime.services.accounts, user, 'tests').secret;
  const as = (path: string, init: TestRequestInit = {}) =>
    t.request(path, {
      ...init,
      anonymous: true,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
    });
  return { user, as };
}

const events = () =>
  t.server.runtime.db
    .prepare('SELECT type, space_id AS spaceId, data FROM domain_events ORDER BY seq')
    .all()
    .map((row) => {
      const { type, spaceId, data } = row as { type: string; spaceId: string | null; data: string };
      return { type, spaceId, data: JSON.parse(data) };
    });

describe('spaces, members, groups and restrictions over HTTP', () => {
  it('keeps private spaces to their members, with the caller’s role in the space JSON', async () => {
    const sam = await member('sam');
    const eve = await member('eve');
    const { space } = await expectJson(
      await sam.as('/api/spaces', {
        method: 'POST',
        json: { name: 'HR', visibility: 'private', defaultRole: 'viewer' },
      }),
      201,
    );
    expect(space).toMatchObject({ visibility: 'private', defaultRole: 'viewer', role: 'admin' });
    const listed = async (as: typeof sam.as) =>
      (await expectJson(await as('/api/spaces'), 200)).spaces.map((s: { slug: string }) => s.slug);
    expect(await listed(eve.as)).toEqual([]);
    expect((await expectJson(await eve.as('/api/spaces/hr'), 404)).error.code).toBe(
      'space_not_found',
    );
    // A member cannot make herself a member; the space admin can.
    await expectJson(
      await eve.as(`/api/spaces/hr/members/users/${eve.user.id}`, {
        method: 'PUT',
        json: { role: 'editor' },
      }),
      404,
    );
    const { member: added } = await expectJson(
      await sam.as(`/api/spaces/hr/members/users/${eve.user.id}`, {
        method: 'PUT',
        json: { role: 'commenter' },
      }),
      200,
    );
    expect(added).toEqual({ kind: 'user', id: eve.user.id, name: 'eve', role: 'commenter' });
    expect((await expectJson(await eve.as('/api/spaces/hr'), 200)).space.role).toBe('commenter');
    expect(
      (await expectJson(await eve.as('/api/spaces/hr/members'), 200)).members.map(
        (m: { name: string; role: string }) => `${m.name}:${m.role}`,
      ),
    ).toEqual(['eve:commenter', 'sam:admin']);
    // A commenter cannot change the space.
    await expectJson(
      await eve.as('/api/spaces/hr', { method: 'PATCH', json: { visibility: 'open' } }),
      403,
    );
    expect(
      (await sam.as(`/api/spaces/hr/members/users/${eve.user.id}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect(await listed(eve.as)).toEqual([]);
    // Opening the space lets every member read it with the default role.
    const { space: opened } = await expectJson(
      await sam.as('/api/spaces/hr', { method: 'PATCH', json: { visibility: 'open' } }),
      200,
    );
    expect(opened.visibility).toBe('open');
    expect((await expectJson(await eve.as('/api/spaces/hr'), 200)).space.role).toBe('viewer');
    const spaceEvents = events().filter(
      (e) => e.spaceId === space.id && e.type !== 'space.created',
    );
    expect(spaceEvents.map((e) => e.type)).toEqual([
      'space.member_set',
      'space.member_removed',
      'space.visibility_changed',
    ]);
    expect(spaceEvents[0]?.data).toEqual({
      kind: 'user',
      principalId: eve.user.id,
      role: 'commenter',
      previousRole: null,
    });
  });

  it('manages groups as admins, and grants a space to a group', async () => {
    const sam = await member('sam');
    const { group } = await expectJson(
      await t.request('/api/groups', { method: 'POST', json: { name: 'Finance' } }),
      201,
    );
    await expectJson(await sam.as('/api/groups', { method: 'POST', json: { name: 'X' } }), 403);
    await expectJson(
      await t.request('/api/groups', { method: 'POST', json: { name: 'finance' } }),
      409,
    );
    const withSam = await expectJson(
      await t.request(`/api/groups/${group.id}/members/${sam.user.id}`, { method: 'PUT' }),
      200,
    );
    expect(withSam.members).toEqual([{ id: sam.user.id, displayName: 'sam' }]);
    await expectJson(
      await t.request('/api/spaces', {
        method: 'POST',
        json: { name: 'Ledger', visibility: 'private' },
      }),
      201,
    );
    await expectJson(await sam.as('/api/spaces/ledger'), 404);
    await expectJson(
      await t.request(`/api/spaces/ledger/members/groups/${group.id}`, {
        method: 'PUT',
        json: { role: 'editor' },
      }),
      200,
    );
    expect((await expectJson(await sam.as('/api/spaces/ledger'), 200)).space.role).toBe('editor');
    const renamed = await expectJson(
      await t.request(`/api/groups/${group.id}`, { method: 'PATCH', json: { name: 'Money' } }),
      200,
    );
    expect(renamed.group.name).toBe('Money');
    expect((await t.request(`/api/groups/${group.id}`, { method: 'DELETE' })).status).toBe(204);
    await expectJson(await sam.as('/api/spaces/ledger'), 404);
    await expectJson(await t.request(`/api/groups/${group.id}`), 404);
    expect(
      events()
        .filter((e) => e.type.startsWith('group.'))
        .map((e) => e.type),
    ).toEqual(['group.created', 'group.member_added', 'group.renamed', 'group.deleted']);
    expect(events().find((e) => e.type === 'group.deleted')?.data).toMatchObject({
      memberIds: [sam.user.id],
    });
  });

  it('restricts a page and its subpages, and search shows nothing of them to others', async () => {
    const sam = await member('sam');
    const eve = await member('eve');
    const { space } = await expectJson(
      await t.request('/api/spaces', { method: 'POST', json: { name: 'Plans' } }),
      201,
    );
    const create = async (title: string, markdown: string, parentId: string | null = null) =>
      (
        await expectJson(
          await sam.as('/api/pages', {
            method: 'POST',
            json: { spaceId: space.id, title, parentId, markdown },
          }),
          201,
        )
      ).page;
    const secret = await create('Quokkamancer strategy', 'The quokkamancer plan.');
    const child = await create('Quokkamancer budget', 'Money for it.', secret.id);
    await create('Roadmap', 'Public plans.');
    // Sam restricts the page to himself; its subpage follows.
    const lists = { view: { users: [sam.user.id], groups: [] }, edit: null };
    expect(
      (
        await expectJson(
          await sam.as(`/api/pages/${secret.id}/restrictions`, { method: 'PUT', json: lists }),
          200,
        )
      ).view,
    ).toEqual({ users: [sam.user.id], groups: [] });
    expect(
      (await expectJson(await sam.as(`/api/pages/${child.id}/restrictions`), 200)).inheritedFrom,
    ).toEqual([secret.id]);
    for (const id of [secret.id, child.id]) {
      expect((await expectJson(await eve.as(`/api/pages/${id}`), 404)).error.code).toBe(
        'page_not_found',
      );
    }
    const tree = (await expectJson(await eve.as('/api/spaces/plans/tree'), 200)).tree;
    expect(tree.map((node: { title: string }) => node.title)).toEqual(['Roadmap']);
    await eventually(
      async () => (await expectJson(await sam.as('/api/search?q=quokkamancer'), 200)).total === 2,
      'indexing',
    );
    const hidden = await expectJson(await eve.as('/api/search?q=quokkamancer'), 200);
    expect(hidden).toMatchObject({ total: 0, results: [], didYouMean: null });
    const typo = await expectJson(await eve.as('/api/search?q=quokkamanser'), 200);
    expect(JSON.stringify(typo).toLowerCase()).not.toContain('quokka');
    expect(events().find((e) => e.type === 'page.restrictions_changed')?.data).toEqual({
      view: { users: [sam.user.id], groups: [] },
      edit: null,
      previousView: null,
      previousEdit: null,
    });
    // Moving the child out of the restricted page opens it.
    await expectJson(
      await sam.as(`/api/pages/${child.id}/move`, { method: 'POST', json: { parentId: null } }),
      200,
    );
    await expectJson(await eve.as(`/api/pages/${child.id}`), 200);
  });

  it('tells each person what they may do with a page, restrictions included', async () => {
    const sam = await member('sam');
    const eve = await member('eve');
    const { space } = await expectJson(
      await sam.as('/api/spaces', {
        method: 'POST',
        json: { name: 'Ops', defaultRole: 'commenter' },
      }),
      201,
    );
    const { page } = await expectJson(
      await sam.as('/api/pages', { method: 'POST', json: { spaceId: space.id, title: 'Runbook' } }),
      201,
    );
    const accessOf = async (as: typeof sam.as, content: boolean) =>
      (await expectJson(await as(`/api/pages/${page.id}?content=${content}`), 200)).access;
    expect(await accessOf(sam.as, true)).toBe('admin');
    expect(await accessOf(eve.as, false)).toBe('comment');
    await expectJson(
      await sam.as(`/api/spaces/ops/members/users/${eve.user.id}`, {
        method: 'PUT',
        json: { role: 'editor' },
      }),
      200,
    );
    expect(await accessOf(eve.as, false)).toBe('edit');
    // Taken off the edit list of the page: she reads it (and may comment, as her role allows).
    await expectJson(
      await sam.as(`/api/pages/${page.id}/restrictions`, {
        method: 'PUT',
        json: { view: null, edit: { users: [sam.user.id], groups: [] } },
      }),
      200,
    );
    expect(await accessOf(eve.as, false)).toBe('comment');
    expect(await accessOf(eve.as, true)).toBe('comment');
  });
});
