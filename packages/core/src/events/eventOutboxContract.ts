import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { ConsumerState } from './ConsumerState';
import type { NewDomainEvent } from './DomainEvent';
import type { EventLog } from './EventLog';

/** A fresh, empty outbox for one test, and how to release it afterwards. */
export interface EventOutboxFixture {
  readonly log: EventLog;
  readonly state: ConsumerState;
  /** What the document store does when it stores an edit of `pageId` at `at`. */
  markContentChanged(pageId: string, at: number): void | Promise<void>;
  close?(): void | Promise<void>;
}

const renamed = (pageId: string, at: number, title: string): NewDomainEvent<'page.renamed'> => ({
  type: 'page.renamed',
  pageId,
  spaceId: 'space-1',
  actorId: 'user-1',
  at,
  data: { title, previousTitle: 'Old' },
});

/**
 * The behaviour every implementation of the event outbox ports (`EventLog`, `ConsumerState`)
 * must share; each implementation's test file calls it once with its own factory.
 */
export function eventOutboxContract(
  api: ContractTestApi,
  name: string,
  open: () => EventOutboxFixture | Promise<EventOutboxFixture>,
): void {
  const withOutbox = (body: (fixture: EventOutboxFixture) => Promise<void>) => async () => {
    const fixture = await open();
    try {
      await body(fixture);
    } finally {
      await fixture.close?.();
    }
  };

  api.describe(`Event outbox contract: ${name}`, () => {
    api.it(
      'numbers events in order and reads them back typed, after a cursor',
      withOutbox(async ({ log }) => {
        assert.equal(log.lastSeq(), 0);
        const first = log.append(renamed('p1', 10, 'One'));
        const second = log.append(renamed('p2', 11, 'Two'));
        assert.ok(second > first);
        assert.equal(log.lastSeq(), second);
        const events = log.readAfter(first, 10);
        assert.deepEqual(events, [{ ...renamed('p2', 11, 'Two'), seq: second }]);
        assert.deepEqual(
          log.readAfter(0, 1).map((event) => event.seq),
          [first],
        );
        assert.deepEqual(log.get(first), { ...renamed('p1', 10, 'One'), seq: first });
        assert.equal(log.get(second + 100), null);
        assert.equal(log.count(), 2);
      }),
    );

    api.it(
      'turns a page quiet for the window into one content event, and keeps a page still changing',
      withOutbox(async (fixture) => {
        const { log } = fixture;
        await fixture.markContentChanged('busy', 1_000);
        await fixture.markContentChanged('quiet', 1_000);
        await fixture.markContentChanged('busy', 1_900);
        // At 2,000 ms with a 500 ms quiet window only "quiet" is due.
        const due = log.dueContentChanges(2_000, 500, 10_000, 10);
        assert.deepEqual(
          due.map((mark) => mark.pageId),
          ['quiet'],
        );
        const seq = log.emitContentChanged(due[0] as (typeof due)[number], 2_000);
        assert.ok(seq !== null);
        const [event] = log.readAfter(0, 10);
        assert.equal(event?.type, 'page.content_changed');
        assert.equal(event?.pageId, 'quiet');
        assert.deepEqual(event?.data, { firstChangeAt: 1_000, lastChangeAt: 1_000 });
        assert.deepEqual(log.dueContentChanges(2_000, 500, 10_000, 10), []);
        // A page that keeps changing is due once it has waited the longest wait.
        assert.deepEqual(
          log.dueContentChanges(2_000, 500, 1_000, 10).map((mark) => mark.pageId),
          ['busy'],
        );
      }),
    );

    api.it(
      'leaves a mark that moved on since it was read for a later window',
      withOutbox(async (fixture) => {
        const { log } = fixture;
        await fixture.markContentChanged('p', 1_000);
        const [mark] = log.dueContentChanges(5_000, 500, 10_000, 10);
        assert.ok(mark);
        await fixture.markContentChanged('p', 4_800);
        assert.equal(log.emitContentChanged(mark, 5_000), null);
        assert.equal(log.count(), 0);
        assert.deepEqual(
          log.dueContentChanges(6_000, 500, 10_000, 10).map((due) => due.pageId),
          ['p'],
        );
      }),
    );

    api.it(
      'prunes only old events at or below the given sequence',
      withOutbox(async ({ log }) => {
        const old = log.append(renamed('p1', 100, 'a'));
        const oldButUnread = log.append(renamed('p1', 100, 'b'));
        log.append(renamed('p1', 5_000, 'c'));
        assert.equal(log.prune(1_000, old), 1);
        assert.deepEqual(
          log.readAfter(0, 10).map((event) => event.seq),
          [oldButUnread, oldButUnread + 1],
        );
      }),
    );

    api.it(
      'keeps cursors and dead letters per consumer',
      withOutbox(async ({ state }) => {
        assert.equal(state.cursor('search'), 0);
        state.setCursor('search', 7);
        state.setCursor('links', 3);
        assert.equal(state.cursor('search'), 7);
        assert.deepEqual([...state.cursors()].sort(), [
          ['links', 3],
          ['search', 7],
        ]);
        const letter = state.addDeadLetter({
          consumer: 'search',
          seq: 5,
          type: 'page.renamed',
          pageId: 'p1',
          attempts: 5,
          error: 'index down',
          at: 1,
        });
        // Dead-lettering the same event again keeps one letter.
        const again = state.addDeadLetter({ ...letter, attempts: 6, error: 'still down' });
        assert.equal(again.id, letter.id);
        assert.deepEqual(
          state.listDeadLetters().map((known) => [known.id, known.attempts]),
          [[letter.id, 6]],
        );
        assert.deepEqual(state.listDeadLetters('links'), []);
        state.updateDeadLetter(letter.id, 7, 'down again', 2);
        assert.equal(state.findDeadLetter(letter.id)?.attempts, 7);
        assert.equal(state.oldestDeadSeq(), 5);
        state.removeDeadLetter(letter.id);
        assert.equal(state.findDeadLetter(letter.id), null);
        assert.equal(state.oldestDeadSeq(), null);
      }),
    );

    api.it(
      'grants a free claim and stores the cursor under it until it is released',
      withOutbox(async ({ state }) => {
        assert.equal(state.claim('search'), true);
        assert.equal(state.setCursor('search', 4), true);
        assert.equal(state.cursor('search'), 4);
        state.release('search');
        // Releasing what is not held does nothing.
        state.release('search');
        assert.equal(state.claim('search'), true);
        assert.equal(state.setCursor('search', 9), true);
        state.release('search');
        assert.equal(state.cursor('search'), 9);
      }),
    );
  });
}
