import { describe, expect, it } from 'vitest';
import { adminServerPerTest } from '../test/adminServerPerTest';
import { expectJson } from '../test/expectJson';

const t = adminServerPerTest();

const createSpace = async (name: string) =>
  (await expectJson(await t.request('/api/spaces', { method: 'POST', json: { name } }), 201)).space;

const createPage = async (spaceId: string, title: string, parentId: string | null = null) =>
  (
    await expectJson(
      await t.request('/api/pages', { method: 'POST', json: { spaceId, title, parentId } }),
      201,
    )
  ).page;

const move = (id: string, body: Record<string, unknown>) =>
  t.request(`/api/pages/${id}/move`, { method: 'POST', json: body });

interface Node {
  id: string;
  title: string;
  url: string;
  children: Node[];
}

const outline = (nodes: Node[]): unknown[] =>
  nodes.map((node) => (node.children.length ? [node.title, outline(node.children)] : node.title));

async function tree(space: string) {
  return (await expectJson(await t.request(`/api/spaces/${space}/tree`), 200)).tree as Node[];
}

describe('moving pages', () => {
  it('reorders siblings between before/after, appends by default and keeps the tree in order', async () => {
    const space = await createSpace('Eng');
    const a = await createPage(space.id, 'A');
    const b = await createPage(space.id, 'B');
    const c = await createPage(space.id, 'C');
    expect(outline(await tree('eng'))).toEqual(['A', 'B', 'C']);
    await expectJson(await move(c.id, { parentId: null, afterId: a.id, beforeId: b.id }), 200);
    expect(outline(await tree('eng'))).toEqual(['A', 'C', 'B']);
    await expectJson(await move(b.id, { parentId: null, beforeId: a.id }), 200);
    expect(outline(await tree('eng'))).toEqual(['B', 'A', 'C']);
    await expectJson(await move(b.id, { parentId: null, afterId: c.id }), 200);
    expect(outline(await tree('eng'))).toEqual(['A', 'C', 'B']);
    const moved = await expectJson(await move(a.id, { parentId: c.id }), 200);
    expect(moved.page.parentId).toBe(c.id);
    expect(moved.page.url).toBe(`/eng/a-${a.shortId}`);
    await expectJson(await move(b.id, { parentId: c.id, beforeId: a.id }), 200);
    expect(outline(await tree('eng'))).toEqual([['C', ['B', 'A']]]);
    const nodes = await tree('eng');
    expect(nodes[0]?.url).toBe(`/eng/c-${c.shortId}`);
  });

  it('refuses cycles with 409, bad siblings with 400 and unknown pages with 404, changing nothing', async () => {
    const space = await createSpace('Eng');
    const other = await createSpace('Ops');
    const a = await createPage(space.id, 'A');
    const b = await createPage(space.id, 'B', a.id);
    const c = await createPage(space.id, 'C', b.id);
    const d = await createPage(space.id, 'D');
    const before = JSON.stringify(await tree('eng'));
    expect((await expectJson(await move(a.id, { parentId: a.id }), 409)).error.code).toBe(
      'move_cycle',
    );
    expect((await expectJson(await move(a.id, { parentId: c.id }), 409)).error.code).toBe(
      'move_cycle',
    );
    expect(
      (await expectJson(await move(a.id, { parentId: null, afterId: c.id }), 400)).error.code,
    ).toBe('invalid_position');
    expect(
      (await expectJson(await move(a.id, { parentId: null, afterId: d.id, beforeId: d.id }), 400))
        .error.code,
    ).toBe('invalid_position');
    expect((await expectJson(await move(a.id, { parentId: 'nope' }), 404)).error.code).toBe(
      'parent_not_found',
    );
    expect(
      (await expectJson(await move(a.id, { parentId: d.id, spaceId: other.id }), 404)).error.code,
    ).toBe('parent_not_found');
    expect((await expectJson(await move('nope', { parentId: null }), 404)).error.code).toBe(
      'page_not_found',
    );
    expect(
      (await expectJson(await move(a.id, { parentId: null, spaceId: 'nope' }), 404)).error.code,
    ).toBe('space_not_found');
    await expectJson(await t.request(`/api/pages/${d.id}`, { method: 'DELETE' }), 200);
    expect((await expectJson(await move(a.id, { parentId: d.id }), 404)).error.code).toBe(
      'parent_not_found',
    );
    const afterTrash = JSON.stringify(await tree('eng'));
    expect(afterTrash).toBe(before.replace(/,\{[^{}]*"title":"D"[^{}]*"children":\[\]\}/, ''));
  });

  it('moves a whole subtree into another space', async () => {
    const eng = await createSpace('Eng');
    const ops = await createSpace('Ops');
    const a = await createPage(eng.id, 'A');
    const b = await createPage(eng.id, 'B', a.id);
    await createPage(eng.id, 'C', b.id);
    const x = await createPage(ops.id, 'X');
    const moved = await expectJson(await move(a.id, { spaceId: 'ops', parentId: x.id }), 200);
    expect(moved.page.spaceId).toBe(ops.id);
    expect(moved.page.url).toBe(`/ops/a-${a.shortId}`);
    expect(outline(await tree('eng'))).toEqual([]);
    expect(outline(await tree('ops'))).toEqual([['X', [['A', [['B', ['C']]]]]]]);
    const child = await expectJson(await t.request(`/api/pages/${b.id}`), 200);
    expect(child.page.spaceId).toBe(ops.id);
    expect(child.space.slug).toBe('ops');
    // The parent alone is enough to name the target space.
    await expectJson(await move(b.id, { parentId: null, spaceId: 'eng' }), 200);
    await expectJson(await move(b.id, { parentId: x.id }), 200);
    expect(outline(await tree('ops'))).toEqual([['X', ['A', ['B', ['C']]]]]);
  });
});

describe('page metadata', () => {
  it('sets and clears a one-emoji icon, renames, and refuses other icons', async () => {
    const space = await createSpace('Eng');
    const page = await createPage(space.id, 'Runbook');
    const patch = (body: unknown) =>
      t.request(`/api/pages/${page.id}`, { method: 'PATCH', json: body });
    expect((await expectJson(await patch({ icon: '🚀' }), 200)).page.icon).toBe('🚀');
    expect((await expectJson(await patch({ icon: '👩‍💻' }), 200)).page.icon).toBe('👩‍💻');
    for (const icon of ['a', '🚀🚀', '', '<b>']) {
      expect((await expectJson(await patch({ icon }), 400)).error.code).toBe('invalid_request');
    }
    expect(
      (await expectJson(await patch({ icon: '🚀', title: 'x'.repeat(2000) }), 400)).error.code,
    ).toBe('invalid_request');
    const renamed = await expectJson(await patch({ title: 'On-call runbook' }), 200);
    expect(renamed.page).toMatchObject({
      title: 'On-call runbook',
      icon: '👩‍💻',
      url: `/eng/on-call-runbook-${page.shortId}`,
    });
    expect((await expectJson(await patch({ icon: null }), 200)).page.icon).toBeNull();
    expect((await tree('eng'))[0]).toMatchObject({ title: 'On-call runbook', icon: null });
  });
});

describe('guests', () => {
  it('read trees and links of a space they were invited to but cannot move or change pages', async () => {
    const space = await createSpace('Eng');
    const a = await createPage(space.id, 'A');
    const b = await createPage(space.id, 'B');
    const { user: guest } = await expectJson(
      await t.request('/api/users', {
        method: 'POST',
        json: {
          email: 'g@example.com',
          displayName: 'G',
          password: 'guest password',
          role: 'guest',
        },
      }),
      201,
    );
    await expectJson(
      await t.request(`/api/spaces/eng/members/users/${guest.id}`, {
        method: 'PUT',
        json: { role: 'viewer' },
      }),
      200,
    );
    await expectJson(
      await t.request('/api/auth/login', {
        method: 'POST',
        json: { email: 'g@example.com', password: 'guest password' },
      }),
      200,
    );
    expect(outline(await tree('eng'))).toEqual(['A', 'B']);
    expect((await expectJson(await move(a.id, { parentId: b.id }), 403)).error.code).toBe(
      'forbidden',
    );
    await expectJson(
      await t.request(`/api/pages/${a.id}`, { method: 'PATCH', json: { icon: '🚀' } }),
      403,
    );
    await expectJson(await t.request(`/api/pages/${a.id}/backlinks`), 200);
    await expectJson(await t.request('/api/spaces/eng/broken-links'), 200);
    await expectJson(await t.request('/api/pages/suggest?q=a'), 200);
    expect(outline(await tree('eng'))).toEqual(['A', 'B']);
  });
});
