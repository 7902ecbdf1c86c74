import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HistoryWorkspace, startHistoryWorkspace } from '../revisions/test/historyWorkspace';
import { bodyText, eventually, typeInto } from '../test/collabClient';

let w: HistoryWorkspace;
beforeEach(async () => {
  w = await startHistoryWorkspace();
});
afterEach(async () => {
  await w.close();
});

describe('the versions API', () => {
  it('saves, lists, reads, names, compares and restores revisions', async () => {
    const { ada, bob, gus } = w;
    const page = await w.createPage('Runbook', 'Restart the **service**.\n\nCheck the logs.');

    const first = await bob.call(`/api/pages/${page.id}/revisions`, 201, {
      method: 'POST',
      json: { name: 'Reviewed', note: 'Checked by the on-call team' },
    });
    expect(first).toMatchObject({
      created: true,
      revision: {
        number: 1,
        kind: 'manual',
        name: 'Reviewed',
        note: 'Checked by the on-call team',
        title: 'Runbook',
        createdBy: bob.id,
        contributors: [ada.id],
        restoredFrom: null,
      },
    });

    // Bob edits live; the page's "last edited by" follows the real contributor.
    const editor = bob.client(page.id);
    await editor.synced();
    typeInto(editor.doc, ' Then page the owner.');
    await eventually(
      async () =>
        (await bob.call(`/api/pages/${page.id}`, 200)).markdown.includes('page the owner'),
      'the edit to reach the server',
    );
    await eventually(
      async () => (await gus.call(`/api/pages/${page.id}`, 200)).page.updatedBy === bob.id,
      'updatedBy to name the editor',
    );

    const diff = await gus.call(
      `/api/pages/${page.id}/diff?from=${first.revision.id}&to=current`,
      200,
    );
    expect(diff.from.id).toBe(first.revision.id);
    expect(diff.to).toBeNull();
    expect(diff.html).toBe(
      '<p>Restart the <strong>service</strong>.<ins class="lore-diff-ins"> Then page the owner.</ins></p><p>Check the logs.</p>',
    );
    expect(diff.stats).toEqual({ insertedWords: 4, deletedWords: 0, changed: true });
    expect(diff.markdown).toEqual([
      { op: 'delete', text: 'Restart the **service**.', fromLine: 1 },
      { op: 'insert', text: 'Restart the **service**. Then page the owner.', toLine: 1 },
      { op: 'equal', text: '', fromLine: 2, toLine: 2 },
      { op: 'equal', text: 'Check the logs.', fromLine: 3, toLine: 3 },
    ]);

    const restored = await ada.call(
      `/api/pages/${page.shortId}/revisions/${first.revision.id}/restore`,
      200,
      { method: 'POST' },
    );
    expect(restored.changed).toBe(true);
    expect(restored.before).toMatchObject({
      number: 2,
      kind: 'before-restore',
      createdBy: ada.id,
      contributors: [bob.id],
    });
    expect(restored.revision).toMatchObject({
      number: 3,
      kind: 'restore',
      restoredFrom: first.revision.id,
      createdBy: ada.id,
    });
    expect(restored.people.map((person: { id: string }) => person.id).sort()).toEqual(
      [ada.id, bob.id].sort(),
    );
    // The connected editor sees the restore at once, as an ordinary change.
    await eventually(
      () => bodyText(editor.doc) === 'Restart the service.\nCheck the logs.',
      'the editor to see the restore',
    );

    const listed = await gus.call(`/api/pages/${page.id}/revisions?limit=2`, 200);
    expect(listed.revisions.map((r: { number: number }) => r.number)).toEqual([3, 2]);
    expect(listed.nextBefore).toBe(2);
    const older = await gus.call(`/api/pages/${page.id}/revisions?before=2`, 200);
    expect(older.revisions.map((r: { number: number }) => r.number)).toEqual([1]);
    expect(older.nextBefore).toBeNull();
    expect(listed.people.find((person: { id: string }) => person.id === bob.id)).toMatchObject({
      displayName: 'Bob',
    });
    // The restore is an edit by Ada, so she is now the last editor.
    await eventually(
      async () => (await gus.call(`/api/pages/${page.id}/revisions`, 200)).lastEdit.by === ada.id,
      'the restore to count as an edit by Ada',
    );

    const read = await gus.call(`/api/pages/${page.id}/revisions/${restored.before.id}`, 200);
    expect(read.title).toBe('Runbook');
    expect(read.html).toBe(
      '<p>Restart the <strong>service</strong>. Then page the owner.</p><p>Check the logs.</p>',
    );
    expect(read.markdown).toBe(
      'Restart the **service**. Then page the owner.\n\nCheck the logs.\n',
    );

    const named = await bob.call(`/api/pages/${page.id}/revisions/${restored.before.id}`, 200, {
      method: 'PATCH',
      json: { name: 'With paging step' },
    });
    expect(named.revision).toMatchObject({ name: 'With paging step', note: null });
    const cleared = await bob.call(`/api/pages/${page.id}/revisions/${first.revision.id}`, 200, {
      method: 'PATCH',
      json: { note: null },
    });
    expect(cleared.revision).toMatchObject({ name: 'Reviewed', note: null });

    // Without parameters: what changed since the latest revision (nothing, right after a restore).
    const since = await gus.call(`/api/pages/${page.id}/diff`, 200);
    expect(since.from.id).toBe(restored.revision.id);
    expect(since.to).toBeNull();
    expect(since.stats).toEqual({ insertedWords: 0, deletedWords: 0, changed: false });

    const between = await gus.call(
      `/api/pages/${page.id}/diff?from=${restored.before.id}&to=${restored.revision.id}`,
      200,
    );
    expect(between.html).toContain('<del class="lore-diff-del"> Then page the owner.</del>');
  });

  it('answers "Save version" on unchanged content by naming the latest revision', async () => {
    const page = await w.createPage('Same', 'Nothing changes here.');
    const first = await w.ada.call(`/api/pages/${page.id}/revisions`, 201, {
      method: 'POST',
      json: {},
    });
    const again = await w.bob.call(`/api/pages/${page.id}/revisions`, 200, {
      method: 'POST',
      json: { name: 'Final' },
    });
    expect(again).toMatchObject({
      created: false,
      revision: { id: first.revision.id, name: 'Final' },
    });
    expect((await w.gus.call(`/api/pages/${page.id}/revisions`, 200)).revisions).toHaveLength(1);
    expect(w.t.server.services.revisions.storageStats(page.id)).toMatchObject({
      revisions: 1,
      states: 1,
    });
  });

  it('lets guests read history and diffs but not save, name or restore', async () => {
    const page = await w.createPage('Policy', 'Version one.');
    const saved = await w.ada.call(`/api/pages/${page.id}/revisions`, 201, {
      method: 'POST',
      json: { name: 'v1' },
    });
    const path = `/api/pages/${page.id}/revisions/${saved.revision.id}`;
    expect((await w.gus.call(`/api/pages/${page.id}/revisions`, 200)).revisions).toHaveLength(1);
    expect((await w.gus.call(path, 200)).html).toBe('<p>Version one.</p>');
    await w.gus.call(`/api/pages/${page.id}/diff?from=${saved.revision.id}`, 200);
    await w.gus.call(`/api/pages/${page.id}/authorship`, 200);

    const refusals = await Promise.all([
      w.gus.call(`/api/pages/${page.id}/revisions`, 403, { method: 'POST', json: {} }),
      w.gus.call(path, 403, { method: 'PATCH', json: { name: 'mine' } }),
      w.gus.call(`${path}/restore`, 403, { method: 'POST' }),
    ]);
    for (const refusal of refusals) expect(refusal.error.code).toBe('forbidden');
    const after = await w.gus.call(`/api/pages/${page.id}/revisions`, 200);
    expect(after.revisions).toHaveLength(1);
    expect(after.revisions[0].name).toBe('v1');
    // Anonymous callers get nothing at all.
    const anonymous = await w.t.request(`/api/pages/${page.id}/revisions`, { anonymous: true });
    expect(anonymous.status).toBe(401);
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const page = await w.createPage('One', 'First page.');
    const other = await w.createPage('Two', 'Second page.');
    const ofOther = await w.ada.call(`/api/pages/${other.id}/revisions`, 201, {
      method: 'POST',
      json: {},
    });
    const mine = await w.ada.call(`/api/pages/${page.id}/revisions`, 201, {
      method: 'POST',
      json: {},
    });
    const base = `/api/pages/${page.id}`;
    const fresh = await w.createPage('Three', 'No versions yet.');
    expect((await w.ada.call(`/api/pages/${fresh.id}/diff`, 404)).error.code).toBe(
      'revision_not_found',
    );
    const cases: [string, number, string, Parameters<typeof w.ada.call>[2]?][] = [
      [`${base}/revisions/no-such-revision`, 404, 'revision_not_found'],
      [`${base}/revisions/${ofOther.revision.id}`, 404, 'revision_not_found'],
      [
        `${base}/revisions/${ofOther.revision.id}/restore`,
        404,
        'revision_not_found',
        { method: 'POST' },
      ],
      [
        `${base}/revisions/no-such-revision`,
        404,
        'revision_not_found',
        { method: 'PATCH', json: { name: 'x' } },
      ],
      ['/api/pages/no-such-page/revisions', 404, 'page_not_found'],
      ['/api/pages/no-such-page/authorship', 404, 'page_not_found'],
      [`${base}/diff?from=${ofOther.revision.id}`, 404, 'revision_not_found'],
      [`${base}/diff?from=${mine.revision.id}&to=nope`, 404, 'revision_not_found'],
      [`${base}/diff?from=`, 400, 'invalid_request'],
      [
        `${base}/revisions/${mine.revision.id}`,
        400,
        'invalid_request',
        { method: 'PATCH', json: {} },
      ],
      [`${base}/revisions?limit=abc`, 400, 'invalid_request'],
      [`${base}/revisions?limit=0`, 400, 'invalid_request'],
      [`${base}/revisions?before=-1`, 400, 'invalid_request'],
      [`${base}/revisions`, 400, 'invalid_request', { method: 'POST', json: { name: 42 } }],
      [`${base}/revisions`, 400, 'invalid_request', { method: 'POST', json: { title: 'x' } }],
      [
        `${base}/revisions`,
        400,
        'invalid_request',
        { method: 'POST', json: { name: 'x'.repeat(150) } },
      ],
      [
        `${base}/revisions/${mine.revision.id}`,
        400,
        'invalid_request',
        { method: 'PATCH', json: { note: ['a'] } },
      ],
      [
        `${base}/revisions/${mine.revision.id}/restore`,
        400,
        'invalid_request',
        { method: 'POST', json: { force: true } },
      ],
      [
        `${base}/revisions`,
        400,
        'invalid_json',
        { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } },
      ],
    ];
    for (const [path, status, code, init] of cases) {
      const body = await w.ada.call(path, status, init);
      expect(body.error.code, path).toBe(code);
    }
    const listed = await w.ada.call(`${base}/revisions`, 200);
    expect(listed.revisions).toHaveLength(1);
    expect(listed.revisions[0].name).toBeNull();
    expect((await w.ada.call(base, 200)).markdown).toBe('First page.\n');
  });

  it('shows who wrote what, per user, with names and colours', async () => {
    const page = await w.createPage('Shared', '');
    const ada = w.ada.client(page.id);
    const bob = w.bob.client(page.id);
    await Promise.all([ada.synced(), bob.synced()]);
    typeInto(ada.doc, 'Ada wrote this.');
    await eventually(() => bodyText(bob.doc) === 'Ada wrote this.', 'bob to see ada');
    typeInto(bob.doc, ' Bob added that.');
    await eventually(
      async () =>
        (await w.gus.call(`/api/pages/${page.id}`, 200)).markdown.includes('Bob added that'),
      'the edit to be stored',
    );
    const authorship = await w.gus.call(`/api/pages/${page.id}/authorship`, 200);
    expect(authorship.blocks).toEqual([
      {
        type: 'paragraph',
        path: [],
        runs: [
          { text: 'Ada wrote this.', author: w.ada.id },
          { text: ' Bob added that.', author: w.bob.id },
        ],
      },
    ]);
    // The title came with the page, written through the API: nobody is recorded for it.
    expect(authorship.title).toEqual([{ text: 'Shared', author: null }]);
    expect(
      authorship.people.map((person: { displayName: string }) => person.displayName).sort(),
    ).toEqual(['Ada', 'Bob']);
    expect(authorship.people[0].color).toMatch(/^#[0-9a-f]{6}$/);
  });
});
