import { describe, expect, it } from 'vitest';
import { testAccessPolicy } from '../access/testAccessPolicy';
import type { StoredUser } from '../accounts/User';
import { NotFoundError, PermissionDeniedError, ValidationError } from '../DomainError';
import type { Page } from '../pages/Page';
import { ManualClock } from './ManualClock';
import { MemoryRevisionStore } from './MemoryRevisionStore';
import { MemoryVersionedContent } from './MemoryVersionedContent';
import type { PageState } from './Revision';
import { RevisionService } from './RevisionService';

const minute = 60_000;

const user = (id: string, role: StoredUser['role']): StoredUser => ({
  id,
  email: `${id}@example.com`,
  displayName: id.toUpperCase(),
  color: '#123456',
  role,
  createdAt: 0,
  passwordHash: '',
  deletedAt: null,
  disabledAt: null,
});
const ada = user('ada', 'admin');
const bob = user('bob', 'member');
const gus = user('gus', 'guest');

const page = (id: string, fields: Partial<Page> = {}): Page => ({
  id,
  shortId: `short-${id}`,
  spaceId: 'space',
  parentId: null,
  position: 'V',
  title: id,
  icon: null,
  createdBy: 'ada',
  createdAt: 0,
  updatedBy: 'ada',
  updatedAt: 0,
  deletedAt: null,
  deletedBy: null,
  ...fields,
});

const state = (title: string, ...paragraphs: string[]): PageState => ({
  title,
  body: {
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  },
});

function setup(store = new MemoryRevisionStore(), clock = new ManualClock()) {
  const pages = new Map([
    ['p1', page('p1')],
    ['p2', page('p2')],
    ['gone', page('gone', { deletedAt: 1, deletedBy: 'ada' })],
  ]);
  const content = new MemoryVersionedContent();
  const errors: unknown[] = [];
  const people = new Map([ada, bob, gus].map((u) => [u.id, u]));
  const lookups = {
    findPageById: (id: string) => pages.get(id) ?? null,
    findPageByShortId: (shortId: string) =>
      [...pages.values()].find((candidate) => candidate.shortId === shortId) ?? null,
  };
  // Gus, a guest, was invited to read the space.
  const { policy, store: access } = testAccessPolicy({ pages: lookups });
  access.setSpaceGrant({ spaceId: 'space', kind: 'user', principalId: gus.id, role: 'viewer' });
  const service = new RevisionService({
    store,
    content,
    pages: lookups,
    policy,
    people: { findUserById: (id) => people.get(id) ?? null },
    clock,
    timers: clock,
    onError: (error) => errors.push(error),
  });
  /** Someone edits the page: the content changes and the edit is reported, as the server does. */
  const edit = (pageId: string, next: PageState, by: string | null) => {
    const clientId = content.set(pageId, next, by ?? 'server');
    service.noteEdit(pageId, by, by ? [clientId] : []);
  };
  return { service, store, content, clock, edit, errors };
}

describe('RevisionService capture', () => {
  it('takes automatic revisions after a five-minute pause with everyone who contributed', async () => {
    const { service, clock, edit } = setup();
    const start = clock.now();
    edit('p1', state('Plan', 'one'), 'ada');
    await clock.advance(minute);
    edit('p1', state('Plan', 'one', 'two'), 'bob');
    await clock.advance(5 * minute - 1);
    expect(service.list(ada, 'p1').revisions).toEqual([]);
    await clock.advance(1);
    const [first] = service.list(ada, 'p1').revisions;
    expect(first).toMatchObject({
      number: 1,
      kind: 'auto',
      title: 'Plan',
      createdAt: start + 6 * minute,
      createdBy: null,
      name: null,
    });
    expect([...(first?.contributors ?? [])].sort()).toEqual(['ada', 'bob']);
    expect(service.get(gus, 'p1', first?.id ?? '').state).toEqual(state('Plan', 'one', 'two'));

    // The next period only has Bob in it.
    edit('p1', state('Plan', 'one', 'two', 'three'), 'bob');
    await clock.advance(5 * minute);
    expect(service.list(ada, 'p1').revisions[0]?.contributors).toEqual(['bob']);
  });

  it('caps continuous editing at thirty minutes', async () => {
    const { service, clock, edit } = setup();
    const start = clock.now();
    for (let i = 0; i < 20; i++) {
      edit('p1', state('Log', ...Array.from({ length: i + 1 }, (_, n) => `entry ${n}`)), 'ada');
      await clock.advance(2 * minute);
    }
    const times = service
      .list(ada, 'p1')
      .revisions.map((revision) => (revision.createdAt - start) / minute)
      .reverse();
    // Edits every 2 min from 0 to 38: capped at 30, then the pause after the edit at 38 ends at 43.
    await clock.advance(10 * minute);
    expect(times).toEqual([30]);
    expect(service.list(ada, 'p1').revisions.map((r) => (r.createdAt - start) / minute)).toEqual([
      43, 30,
    ]);
  });

  it('does not store an identical state twice', async () => {
    const { service, store, clock, edit } = setup();
    edit('p1', state('Same', 'text'), 'ada');
    await clock.advance(5 * minute);
    // Typed and undone: the content is what the last revision holds.
    edit('p1', state('Same', 'text!'), 'bob');
    edit('p1', state('Same', 'text'), 'bob');
    await clock.advance(5 * minute);
    expect(service.list(ada, 'p1').revisions).toHaveLength(1);

    // "Save version" on an unchanged state names the latest revision instead…
    const saved = await service.save(bob, 'p1', { name: '  Launch ', note: 'go' });
    expect(saved.created).toBe(false);
    expect(saved.revision).toMatchObject({ number: 1, name: 'Launch', note: 'go' });
    // …and once it has a name, a new entry shares the stored state.
    const again = await service.save(bob, 'p1', { name: 'Launch, take two' });
    expect(again.created).toBe(true);
    expect(again.revision?.contentHash).toBe(saved.revision?.contentHash);
    expect(store.storageStats('p1')).toMatchObject({ revisions: 2, states: 1 });
    // Without a name or note, saving an unchanged state changes nothing.
    expect((await service.save(bob, 'p1')).created).toBe(false);
    expect(await service.captureBeforeOverwrite('p1', 'before-import')).toMatchObject({
      number: 2,
    });
    expect(service.list(ada, 'p1').revisions).toHaveLength(2);
  });

  it('keeps pending edits across a restart and attributes API changes to the page record', async () => {
    const store = new MemoryRevisionStore();
    const clock = new ManualClock();
    const first = setup(store, clock);
    const start = clock.now();
    first.edit('p1', state('Draft', 'a'), 'bob');
    await clock.advance(2 * minute);
    await first.service.stop();

    const second = setup(store, clock);
    second.content.set('p1', state('Draft', 'a'), 'bob');
    second.service.resume();
    expect(second.service.nextCaptureAt('p1')).toBe(start + 5 * minute);
    await clock.advance(3 * minute);
    expect(second.service.list(ada, 'p1').revisions[0]?.contributors).toEqual(['bob']);

    // A server-side change with no editor (e.g. made through the API) falls back to the page's
    // updatedBy, as it was recorded after the last revision.
    second.edit('p2', state('Imported', 'x'), null);
    await clock.advance(5 * minute);
    expect(second.service.list(ada, 'p2').revisions[0]?.contributors).toEqual(['ada']);
  });
});

describe('RevisionService restore, permissions and input', () => {
  it('keeps the current state, writes the old one and records the restore', async () => {
    const { service, content, edit } = setup();
    edit('p1', state('V1', 'first'), 'ada');
    const v1 = (await service.save(ada, 'p1', { name: 'Good' })).revision;
    edit('p1', state('V2', 'second'), 'bob');

    const result = await service.restore(ada, 'p1', v1?.id ?? '');
    expect(result.changed).toBe(true);
    expect(result.before).toMatchObject({ number: 2, kind: 'before-restore', title: 'V2' });
    expect(result.before?.contributors).toEqual(['bob']);
    expect(result.revision).toMatchObject({
      number: 3,
      kind: 'restore',
      restoredFrom: v1?.id,
      createdBy: 'ada',
      contentHash: v1?.contentHash,
    });
    expect(result.revision.contributors).toEqual(['ada']);
    expect(await content.read('p1', (s) => s)).toEqual(state('V1', 'first'));
    expect(service.takeLastEditor('p1')).toBe('bob');
    expect(service.takeLastEditor('p1')).toBeUndefined();

    // Restoring what the page already holds changes nothing.
    const noop = await service.restore(ada, 'short-p1', v1?.id ?? '');
    expect(noop.changed).toBe(false);
    expect(service.list(ada, 'p1').revisions).toHaveLength(3);

    // And restoring the kept state undoes the restore.
    const undo = await service.restore(bob, 'p1', result.before?.id ?? '');
    expect(undo.before).toBeNull();
    expect(await content.read('p1', (s) => s)).toEqual(state('V2', 'second'));
  });

  it('lets guests read history but not change it', async () => {
    const { service, edit } = setup();
    edit('p1', state('T', 'one'), 'ada');
    const revision = (await service.save(ada, 'p1')).revision;
    edit('p1', state('T', 'two'), 'ada');

    expect(service.list(gus, 'p1').revisions).toHaveLength(1);
    expect(service.get(gus, 'p1', revision?.id ?? '').state).toEqual(state('T', 'one'));
    const compared = await service.compare(gus, 'p1', revision?.id ?? '', 'current');
    expect(compared.from.state).toEqual(state('T', 'one'));
    expect(compared.to).toEqual({ revision: null, state: state('T', 'two') });
    expect(service.people(['bob', 'nobody', 'ada', 'bob'])).toEqual([
      { id: 'bob', displayName: 'BOB', color: '#123456' },
      { id: 'ada', displayName: 'ADA', color: '#123456' },
    ]);

    await expect(service.save(gus, 'p1', { name: 'x' })).rejects.toThrow(PermissionDeniedError);
    expect(() => service.annotate(gus, 'p1', revision?.id ?? '', { name: 'x' })).toThrow(
      PermissionDeniedError,
    );
    await expect(service.restore(gus, 'p1', revision?.id ?? '')).rejects.toThrow(
      PermissionDeniedError,
    );
    expect(service.list(gus, 'p1').revisions).toHaveLength(1);
  });

  it('refuses unknown revisions, revisions of other pages and overlong names', async () => {
    const { service, edit } = setup();
    edit('p1', state('T', 'one'), 'ada');
    edit('p2', state('U', 'two'), 'ada');
    const ofP2 = (await service.save(ada, 'p2')).revision;
    const ofP1 = (await service.save(ada, 'p1')).revision;

    const notFound = (work: () => unknown, code: string) => {
      try {
        work();
      } catch (error) {
        expect(error).toBeInstanceOf(NotFoundError);
        expect((error as NotFoundError).code).toBe(code);
        return;
      }
      throw new Error('expected a NotFoundError');
    };
    notFound(() => service.get(ada, 'p1', 'no-such-revision'), 'revision_not_found');
    notFound(() => service.get(ada, 'p1', ofP2?.id ?? ''), 'revision_not_found');
    notFound(() => service.list(ada, 'no-such-page'), 'page_not_found');
    await expect(service.restore(ada, 'p1', ofP2?.id ?? '')).rejects.toThrow(NotFoundError);
    await expect(service.compare(ada, 'p1', 'current', ofP2?.id ?? '')).rejects.toThrow(
      NotFoundError,
    );
    await expect(service.save(ada, 'gone')).rejects.toThrow(NotFoundError);
    expect(() => service.annotate(ada, 'p1', ofP1?.id ?? '', { name: 'x'.repeat(101) })).toThrow(
      ValidationError,
    );
    expect(service.annotate(ada, 'p1', ofP1?.id ?? '', { name: 'Ok', note: '  ' })).toMatchObject({
      name: 'Ok',
      note: null,
    });
  });

  it('attributes the live text to the users behind the Yjs clients', async () => {
    const { service, edit } = setup();
    edit('p1', state('Mine', 'by bob'), 'bob');
    const authorship = await service.authorship(gus, 'p1');
    expect(authorship.title).toEqual([{ text: 'Mine', author: 'bob' }]);
    expect(authorship.blocks).toEqual([
      { type: 'paragraph', path: [], runs: [{ text: 'by bob', author: 'bob' }] },
    ]);
  });
});
