import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import { encodePageState, pageStateHash } from './pageStateText';
import type { PageState } from './Revision';
import type { NewRevision, RevisionStore } from './RevisionStore';

/** A fresh, empty store for one test; `createPage` makes a page the store may refer to. */
export interface RevisionStoreFixture {
  readonly store: RevisionStore;
  createPage(pageId: string): void;
  close?(): void | Promise<void>;
}

const paragraph = (text: string) => ({
  type: 'paragraph',
  content: text === '' ? [] : [{ type: 'text', text }],
});

/** A page of `count` paragraphs, the `changed`th one edited. */
const pageState = (title: string, count: number, changed = -1, edit = ''): PageState => ({
  title,
  body: {
    type: 'doc',
    content: Array.from({ length: count }, (_, index) =>
      paragraph(
        `Paragraph ${index} of a long page about ${title}.${index === changed ? edit : ''}`,
      ),
    ),
  },
});

let sequence = 0;
const newRevision = (
  pageId: string,
  state: PageState,
  fields: Partial<NewRevision> = {},
): NewRevision => {
  const text = encodePageState(state);
  sequence += 1;
  return {
    id: `revision-${sequence}-${Math.random().toString(36).slice(2)}`,
    pageId,
    kind: 'auto',
    name: null,
    note: null,
    title: state.title,
    createdAt: 1_000 + sequence,
    createdBy: null,
    restoredFrom: null,
    contributors: [],
    contentHash: pageStateHash(text),
    contentText: text,
    ...fields,
  };
};

/**
 * The behaviour every `RevisionStore` implementation must share; each implementation's test
 * file calls it with its own factory.
 */
export function revisionStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => RevisionStoreFixture | Promise<RevisionStoreFixture>,
): void {
  const withStore = (body: (fixture: RevisionStoreFixture) => Promise<void> | void) => async () => {
    const fixture = await open();
    try {
      await body(fixture);
    } finally {
      await fixture.close?.();
    }
  };

  api.describe(`RevisionStore contract: ${name}`, () => {
    api.it(
      'numbers revisions per page and lists them newest first, page by page',
      withStore(({ store, createPage }) => {
        createPage('p1');
        createPage('p2');
        assert.equal(store.latestRevision('p1'), null);
        const ids: string[] = [];
        for (let index = 0; index < 5; index++) {
          const revision = store.insertRevision(
            newRevision('p1', pageState('One', 3, 0, ` v${index}`), {
              contributors: ['u2', 'u1'],
              kind: index === 4 ? 'manual' : 'auto',
              createdBy: index === 4 ? 'u1' : null,
            }),
          );
          assert.equal(revision.number, index + 1);
          ids.push(revision.id);
        }
        const other = store.insertRevision(newRevision('p2', pageState('Two', 1)));
        assert.equal(other.number, 1);

        const latest = store.latestRevision('p1');
        assert.equal(latest?.id, ids[4]);
        assert.equal(latest?.kind, 'manual');
        assert.equal(latest?.createdBy, 'u1');
        assert.deepEqual([...(latest?.contributors ?? [])].sort(), ['u1', 'u2']);
        assert.deepEqual(
          store.listRevisions('p1', { limit: 2 }).map((revision) => revision.number),
          [5, 4],
        );
        assert.deepEqual(
          store.listRevisions('p1', { limit: 10, beforeNumber: 4 }).map((r) => r.number),
          [3, 2, 1],
        );
        assert.deepEqual(
          store.findRevision(ids[1] as string),
          store.listRevisions('p1', { limit: 10 })[3],
        );
        assert.equal(store.findRevision('nope'), null);
      }),
    );

    api.it(
      'reads back every state exactly, and stores an identical state once',
      withStore(({ store, createPage }) => {
        createPage('p1');
        const states: PageState[] = [];
        for (let index = 0; index < 40; index++) {
          states.push(pageState('Long', 60, index % 60, ` edit ${index}`.repeat(index % 3)));
        }
        states.push(pageState('Long', 60, 3, ' edit 3'));
        states.push(pageState('Renamed', 0));
        const revisions = states.map((state) => store.insertRevision(newRevision('p1', state)));
        revisions.forEach((revision, index) => {
          assert.equal(
            store.readState('p1', revision.contentHash),
            encodePageState(states[index] as PageState),
          );
        });
        const distinct = new Set(revisions.map((revision) => revision.contentHash)).size;
        assert.ok(distinct < revisions.length);
        const stats = store.storageStats('p1');
        assert.equal(stats.revisions, revisions.length);
        assert.equal(stats.states, distinct);
        assert.ok(stats.storedBytes > 0);
        assert.ok(stats.storedBytes <= stats.textBytes);
        assert.throws(() => store.readState('p1', 'f'.repeat(64)));
        assert.throws(() => store.readState('p2', revisions[0]?.contentHash as string));
      }),
    );

    api.it(
      'names and annotates revisions',
      withStore(({ store, createPage }) => {
        createPage('p1');
        const revision = store.insertRevision(newRevision('p1', pageState('One', 1)));
        const named = store.updateRevision(revision.id, { name: 'Launch' });
        assert.equal(named?.name, 'Launch');
        assert.equal(named?.note, null);
        const noted = store.updateRevision(revision.id, { note: 'Approved by legal' });
        assert.equal(noted?.name, 'Launch');
        assert.equal(noted?.note, 'Approved by legal');
        assert.equal(store.updateRevision(revision.id, { name: null })?.name, null);
        assert.equal(store.findRevision(revision.id)?.note, 'Approved by legal');
        assert.equal(store.updateRevision('nope', { name: 'x' }), null);
      }),
    );

    api.it(
      'keeps pending edits per page until they are cleared',
      withStore(({ store }) => {
        assert.equal(store.pendingEdits('p1'), null);
        store.recordEdit('p1', 'u1', 100);
        store.recordEdit('p1', null, 150);
        store.recordEdit('p1', 'u2', 200);
        store.recordEdit('p1', 'u1', 300);
        store.recordEdit('p2', null, 400);
        assert.deepEqual(store.pendingEdits('p1'), {
          pageId: 'p1',
          firstAt: 100,
          lastAt: 300,
          contributors: ['u1', 'u2'],
        });
        assert.deepEqual(
          store
            .listPendingEdits()
            .map((pending) => pending.pageId)
            .sort(),
          ['p1', 'p2'],
        );
        store.clearPendingEdits('p1');
        assert.equal(store.pendingEdits('p1'), null);
        assert.deepEqual(store.pendingEdits('p2')?.contributors, []);
      }),
    );

    api.it(
      'maps Yjs client ids to the user who first sent them, per page',
      withStore(({ store }) => {
        store.recordClientAuthors('p1', [11, 12], 'u1');
        store.recordClientAuthors('p1', [12, 13], 'u2');
        store.recordClientAuthors('p2', [11], 'u3');
        assert.deepEqual(
          [...store.clientAuthors('p1')].sort(([a], [b]) => a - b),
          [
            [11, 'u1'],
            [12, 'u1'],
            [13, 'u2'],
          ],
        );
        assert.deepEqual([...store.clientAuthors('p2')], [[11, 'u3']]);
        assert.deepEqual([...store.clientAuthors('p3')], []);
      }),
    );
  });
}
