import assert from 'node:assert/strict';
import type { ContractTestApi } from '../../documents/documentStoreContract';
import type { SearchPageFacts } from '../SearchPageFacts';
import type { SearchOutbox } from './SearchOutbox';

/** Writes pages the way the page store would, for suites whose store reads the page tree. */
export interface PageSeeder {
  /** A page in space `s1` titled "Title <id>", below `parentId`. */
  insertPage(id: string, parentId?: string | null): void | Promise<void>;
  renamePage(id: string, title: string): void | Promise<void>;
  trashPage(id: string): void | Promise<void>;
}

/** A fresh outbox (with space `s1` and no pages) for one test, and how to release it. */
export interface SearchOutboxFixture {
  readonly outbox: SearchOutbox;
  readonly facts: SearchPageFacts;
  readonly pages: PageSeeder;
  /** Makes every entry waiting for a retry due now. */
  makeRetriesDue(): void | Promise<void>;
  lastError(pageId: string): string | null | Promise<string | null>;
  version(pageId: string): number | null | Promise<number | null>;
  close?(): void | Promise<void>;
}

const body = { urgent: false, cascade: false } as const;
const metadata = { urgent: true, cascade: false } as const;
const moved = { urgent: true, cascade: true } as const;
const ids = (entries: readonly { pageId: string }[]) => entries.map((e) => e.pageId).sort();

/** The behaviour every `SearchOutbox` implementation must share. */
export function searchOutboxContract(
  api: ContractTestApi,
  name: string,
  open: () => SearchOutboxFixture | Promise<SearchOutboxFixture>,
): void {
  const withOutbox = (body: (fixture: SearchOutboxFixture) => Promise<void>) => async () => {
    const fixture = await open();
    try {
      await body(fixture);
    } finally {
      await fixture.close?.();
    }
  };
  const dueOf = (outbox: SearchOutbox, quietMs = 0) =>
    outbox.due({ quietMs, maxWaitMs: 60_000, limit: 100 });

  api.describe(`Search outbox contract: ${name}`, () => {
    api.it(
      'holds body changes until the page is quiet, but urgent changes are due at once',
      withOutbox(async ({ outbox }) => {
        outbox.mark(['p1'], body);
        assert.deepEqual(dueOf(outbox, 60_000), []);
        outbox.mark(['p2'], metadata);
        const urgent = dueOf(outbox, 60_000);
        assert.deepEqual(ids(urgent), ['p2']);
        outbox.done(urgent);
        // A page waiting takes the stronger flags.
        outbox.mark(['p1'], metadata);
        assert.deepEqual(ids(dueOf(outbox, 60_000)), ['p1']);
      }),
    );

    api.it(
      'marks an entry done only when the page did not change again meanwhile',
      withOutbox(async ({ outbox }) => {
        outbox.mark(['p1'], metadata);
        const [entry] = dueOf(outbox);
        assert.ok(entry);
        outbox.mark(['p1'], metadata);
        outbox.done([entry]);
        assert.deepEqual(ids(dueOf(outbox)), ['p1']);
        outbox.done(dueOf(outbox));
        assert.equal(outbox.size(), 0);
      }),
    );

    api.it(
      'bumps the version of an entry the indexer already read, so done keeps the newer change',
      withOutbox(async ({ outbox, version }) => {
        outbox.mark(['p1'], body);
        const [entry] = dueOf(outbox);
        assert.equal(entry?.version, 1);
        outbox.mark(['p1'], body);
        assert.equal(await version('p1'), 2);
        outbox.done(entry ? [entry] : []);
        assert.deepEqual(ids(outbox.snapshot()), ['p1']);
        // A rebuild's snapshot covers every entry the same way.
        const covered = outbox.snapshot();
        outbox.mark(['p1'], body);
        outbox.done(covered);
        assert.deepEqual(ids(dueOf(outbox)), ['p1']);
      }),
    );

    api.it(
      'brings the pages below a renamed or trashed page along, and every page of a space',
      withOutbox(async ({ outbox, pages }) => {
        await pages.insertPage('root');
        await pages.insertPage('child', 'root');
        await pages.insertPage('grandchild', 'child');
        await pages.insertPage('other');
        outbox.mark(['root'], moved);
        assert.deepEqual(ids(dueOf(outbox)), ['child', 'grandchild', 'root']);
        outbox.done(dueOf(outbox));
        outbox.markSpace('s1');
        assert.deepEqual(ids(dueOf(outbox)), ['child', 'grandchild', 'other', 'root']);
      }),
    );

    api.it(
      'keeps failed entries for a later retry, with the attempt count growing',
      withOutbox(async ({ outbox, makeRetriesDue, lastError }) => {
        outbox.mark(['p1'], metadata);
        const entries = dueOf(outbox);
        outbox.failed(entries, 'engine down', () => Date.now() + 60_000);
        assert.deepEqual(dueOf(outbox), []);
        assert.equal(outbox.size(), 1);
        await makeRetriesDue();
        const [retry] = dueOf(outbox);
        assert.equal(retry?.attempts, 1);
        assert.equal(await lastError('p1'), 'engine down');
      }),
    );

    api.it(
      'queues a page again when it is viewed (its popularity changed)',
      withOutbox(async ({ outbox, facts }) => {
        facts.addView('p9');
        assert.deepEqual(ids(dueOf(outbox, 60_000)), []);
        assert.deepEqual(ids(dueOf(outbox, 0)), ['p9']);
      }),
    );
  });
}
