import { describe, expect, it } from 'vitest';
import { adminServerPerTest } from '../test/adminServerPerTest';
import { expectJson } from '../test/expectJson';

const t = adminServerPerTest();

async function createSpace(name = 'Engineering') {
  return (await expectJson(await t.request('/api/spaces', { method: 'POST', json: { name } }), 201))
    .space;
}

describe('spaces', () => {
  it('creates spaces with slugs, lists them and refuses a taken slug', async () => {
    const space = await createSpace('Café Operations');
    expect(space.slug).toBe('cafe-operations');
    const listed = await expectJson(await t.request('/api/spaces'), 200);
    expect(listed.spaces.map((s: { slug: string }) => s.slug)).toEqual(['cafe-operations']);
    const taken = await expectJson(
      await t.request('/api/spaces', {
        method: 'POST',
        json: { name: 'Other', slug: 'cafe-operations' },
      }),
      409,
    );
    expect(taken.error.code).toBe('slug_taken');
    const bad = await expectJson(
      await t.request('/api/spaces', { method: 'POST', json: { name: 'X', slug: 'Bad Slug' } }),
      400,
    );
    expect(bad.error.code).toBe('invalid_request');
    expect((await expectJson(await t.request('/api/spaces/cafe-operations'), 200)).space.id).toBe(
      space.id,
    );
    expect((await expectJson(await t.request('/api/spaces/nope'), 404)).error.code).toBe(
      'space_not_found',
    );
  });
});

describe('pages', () => {
  it('creates a page from Markdown and reads it back as Markdown and sanitized HTML', async () => {
    const space = await createSpace();
    const markdown = [
      '# Deploying',
      '',
      'Run **the script** and check [the dashboard](https://example.com/d).',
      '',
      '- [x] build',
      '- [ ] ship',
      '',
      '<script>alert(1)</script>',
      '',
      '[click](javascript:alert(1))',
    ].join('\n');
    const { page } = await expectJson(
      await t.request('/api/pages', {
        method: 'POST',
        json: { spaceId: space.slug, title: '  Deploy  guide ', markdown },
      }),
      201,
    );
    expect(page.title).toBe('Deploy guide');
    expect(page.shortId).toMatch(/^[0-9a-z]{10}$/);
    const read = await expectJson(await t.request(`/api/pages/${page.id}`), 200);
    expect(read.page.id).toBe(page.id);
    expect(read.space.slug).toBe(space.slug);
    expect(read.markdown).toContain('**the script**');
    expect(read.markdown).toContain('[the dashboard](https://example.com/d)');
    expect(read.html).toContain('<strong>the script</strong>');
    expect(read.html).toMatch(/<h1[^>]*id="deploying"/);
    expect(read.html).not.toMatch(/<script/i);
    expect(read.html).not.toMatch(/javascript:/i);
    const byShortId = await expectJson(await t.request(`/api/pages/${page.shortId}`), 200);
    expect(byShortId.page.id).toBe(page.id);

    // What the editor asks for: the page and its space, nothing rendered.
    const info = await expectJson(await t.request(`/api/pages/${page.shortId}?content=false`), 200);
    expect(info).toEqual({ page: read.page, space: read.space, access: read.access });
    expect(read.access).toBe('admin');
    const bad = await expectJson(await t.request(`/api/pages/${page.id}?content=maybe`), 400);
    expect(bad.error.code).toBe('invalid_request');
    expect(
      (await expectJson(await t.request('/api/pages/nope?content=false'), 404)).error.code,
    ).toBe('page_not_found');
  });

  it('renders a page that is not in memory from the store, without loading it', async () => {
    const space = await createSpace();
    const { page } = await expectJson(
      await t.request('/api/pages', {
        method: 'POST',
        json: { spaceId: space.slug, title: 'Runbook', markdown: '# Steps\n\nRestart **it**.' },
      }),
      201,
    );
    const { collab } = t.server.services;
    await collab.closeDocument(page.id);
    expect(collab.isLoaded(page.id)).toBe(false);
    const read = await expectJson(await t.request(`/api/pages/${page.id}`), 200);
    expect(read.markdown).toBe('# Steps\n\nRestart **it**.\n');
    expect(read.page.title).toBe('Runbook');
    expect(collab.isLoaded(page.id)).toBe(false);
  });

  it('builds the tree in creation order, renames, trashes with subpages and restores', async () => {
    const space = await createSpace();
    const create = async (title: string, parentId?: string) =>
      (
        await expectJson(
          await t.request('/api/pages', {
            method: 'POST',
            json: { spaceId: space.id, title, parentId },
          }),
          201,
        )
      ).page;
    const guide = await create('Guide');
    const install = await create('Install', guide.id);
    const upgrade = await create('Upgrade', guide.id);
    const faq = await create('FAQ');
    const titles = (nodes: { title: string; children: unknown[] }[]): unknown =>
      nodes.map((n) => [n.title, titles(n.children as never)]);
    const tree = async () =>
      titles((await expectJson(await t.request(`/api/spaces/${space.slug}/tree`), 200)).tree);
    expect(await tree()).toEqual([
      [
        'Guide',
        [
          ['Install', []],
          ['Upgrade', []],
        ],
      ],
      ['FAQ', []],
    ]);

    const renamed = await expectJson(
      await t.request(`/api/pages/${upgrade.id}`, {
        method: 'PATCH',
        json: { title: 'Upgrading' },
      }),
      200,
    );
    expect(renamed.page.title).toBe('Upgrading');
    expect((await expectJson(await t.request(`/api/pages/${upgrade.id}`), 200)).page.title).toBe(
      'Upgrading',
    );

    await expectJson(await t.request(`/api/pages/${guide.id}`, { method: 'DELETE' }), 200);
    expect(await tree()).toEqual([['FAQ', []]]);
    const trash = await expectJson(await t.request(`/api/spaces/${space.slug}/trash`), 200);
    expect(trash.pages.map((p: { id: string }) => p.id)).toEqual([guide.id]);
    expect(
      (await expectJson(await t.request(`/api/pages/${guide.id}`, { method: 'DELETE' }), 404)).error
        .code,
    ).toBe('page_not_found');

    await expectJson(await t.request(`/api/pages/${guide.id}/restore`, { method: 'POST' }), 200);
    expect(await tree()).toEqual([
      [
        'Guide',
        [
          ['Install', []],
          ['Upgrading', []],
        ],
      ],
      ['FAQ', []],
    ]);
    expect(
      (await expectJson(await t.request(`/api/pages/${faq.id}/restore`, { method: 'POST' }), 409))
        .error.code,
    ).toBe('not_in_trash');
    expect(install.parentId).toBe(guide.id);
  });

  it('refuses a parent from another space and unknown pages', async () => {
    const a = await createSpace('A');
    const b = await createSpace('B');
    const inA = (
      await expectJson(
        await t.request('/api/pages', { method: 'POST', json: { spaceId: a.id, title: 'x' } }),
        201,
      )
    ).page;
    const wrong = await expectJson(
      await t.request('/api/pages', {
        method: 'POST',
        json: { spaceId: b.id, title: 'y', parentId: inA.id },
      }),
      404,
    );
    expect(wrong.error.code).toBe('parent_not_found');
    expect((await expectJson(await t.request('/api/pages/unknown'), 404)).error.code).toBe(
      'page_not_found',
    );
  });

  it('lets guests read a space they were invited to but not write', async () => {
    const space = await createSpace();
    const { page } = await expectJson(
      await t.request('/api/pages', {
        method: 'POST',
        json: { spaceId: space.id, title: 'Read me' },
      }),
      201,
    );
    const { user: guest } = await expectJson(
      await t.request('/api/users', {
        method: 'POST',
        json: {
          email: 'guest@example.com',
          displayName: 'Guest',
          password: 'guest password',
          role: 'guest',
        },
      }),
      201,
    );
    // The admin invites the guest to read the space.
    await expectJson(
      await t.request(`/api/spaces/${space.id}/members/users/${guest.id}`, {
        method: 'PUT',
        json: { role: 'viewer' },
      }),
      200,
    );
    await t.request('/api/auth/login', {
      method: 'POST',
      json: { email: 'guest@example.com', password: 'guest password' },
    });
    expect((await expectJson(await t.request(`/api/pages/${page.id}`), 200)).page.title).toBe(
      'Read me',
    );
    expect(
      (
        await expectJson(
          await t.request(`/api/pages/${page.id}`, { method: 'PATCH', json: { title: 'x' } }),
          403,
        )
      ).error.code,
    ).toBe('forbidden');
    await expectJson(
      await t.request('/api/pages', { method: 'POST', json: { spaceId: space.id, title: 'no' } }),
      403,
    );
    await expectJson(await t.request('/api/spaces', { method: 'POST', json: { name: 'no' } }), 403);
  });
});
