import { afterEach, describe, expect, it } from 'vitest';
import { EventLoopTurns } from '../background/EventLoopTurns';
import { TimeSlicer } from '../background/TimeSlicer';
import type { DomainEvent, NewDomainEvent } from './DomainEvent';
import type { EventConsumer } from './EventConsumer';
import { EventDispatcher, type EventDispatcherOptions } from './EventDispatcher';
import { eventOutboxContract } from './eventOutboxContract';
import { MemoryConsumerState } from './MemoryConsumerState';
import { MemoryEventLog } from './MemoryEventLog';

eventOutboxContract({ describe, it }, 'in memory', () => {
  const log = new MemoryEventLog();
  return {
    log,
    state: new MemoryConsumerState(),
    markContentChanged: (pageId, at) => log.markContentChanged(pageId, at),
  };
});

const dispatchers: EventDispatcher[] = [];
afterEach(async () => {
  for (const dispatcher of dispatchers.splice(0)) await dispatcher.close();
});

const renamed = (pageId: string, title: string): NewDomainEvent => ({
  type: 'page.renamed',
  pageId,
  spaceId: 's',
  actorId: 'u',
  at: 0,
  data: { title, previousTitle: '' },
});

function setup(consumers: EventConsumer[], options: Partial<EventDispatcherOptions> = {}) {
  const log = new MemoryEventLog();
  const state = new MemoryConsumerState();
  let now = 0;
  const dispatcher = new EventDispatcher({
    log,
    state,
    consumers,
    clock: { now: () => now },
    pollMs: 10,
    retryBaseMs: 5,
    retryMaxMs: 20,
    ...options,
  });
  dispatchers.push(dispatcher);
  return { log, state, dispatcher, setNow: (value: number) => (now = value) };
}

function recorder(name: string, types: EventConsumer['types'] = ['page.renamed']) {
  const seen: DomainEvent[] = [];
  const consumer: EventConsumer = { name, types, handle: (event) => void seen.push(event) };
  return { consumer, seen };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('EventDispatcher', () => {
  it('delivers each consumer the events it asked for, in order, and keeps its cursor', async () => {
    const titles = recorder('titles');
    const everything = recorder('tags', ['page.tags_changed']);
    const { log, state, dispatcher } = setup([titles.consumer, everything.consumer]);
    for (const title of ['a', 'b', 'c']) log.append(renamed('p1', title));
    dispatcher.start();
    await until(() => titles.seen.length === 3, 'three events');
    expect(titles.seen.map((event) => event.type === 'page.renamed' && event.data.title)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(everything.seen).toEqual([]);
    await until(() => state.cursor('tags') === 3, 'the other cursor to pass them');
    expect(state.cursor('titles')).toBe(3);
  });

  it('keeps one failing consumer from delaying another, retries it, then dead-letters the event', async () => {
    const healthy = recorder('healthy');
    let calls = 0;
    const failing: EventConsumer = {
      name: 'failing',
      types: ['page.renamed'],
      handle: () => {
        calls += 1;
        throw new Error('index unreachable');
      },
    };
    const errors: string[] = [];
    const { log, state, dispatcher } = setup([failing, healthy.consumer], {
      maxAttempts: 4,
      retryBaseMs: 40,
      onError: (_error, context) => errors.push(`${context.consumer}#${context.attempt}`),
    });
    dispatcher.start();
    log.append(renamed('p1', 'first'));
    dispatcher.wake();
    // The healthy consumer has it at once, while the failing one is still in its backoff.
    await until(() => healthy.seen.length === 1, 'the healthy consumer');
    expect(state.listDeadLetters()).toEqual([]);
    log.append(renamed('p2', 'second'));
    dispatcher.wake();
    await until(() => healthy.seen.length === 2, 'the second event');
    expect(state.listDeadLetters()).toEqual([]);

    await until(() => state.listDeadLetters().length === 2, 'both events dead-lettered');
    expect(calls).toBe(8);
    expect(errors.slice(0, 4)).toEqual(['failing#1', 'failing#2', 'failing#3', 'failing#4']);
    const [letter] = state.listDeadLetters();
    expect(letter).toMatchObject({
      consumer: 'failing',
      seq: 1,
      attempts: 4,
      error: 'index unreachable',
    });
    expect(state.cursor('failing')).toBe(2);
    expect(dispatcher.status().find((status) => status.name === 'failing')?.deadLetters).toBe(2);
  });

  it('replays a dead letter: once it succeeds the letter goes, and replaying it again does nothing', async () => {
    let healthy = false;
    const handled: number[] = [];
    const consumer: EventConsumer = {
      name: 'flaky',
      types: ['page.renamed'],
      handle: (event) => {
        if (!healthy) throw new Error('down');
        // Idempotent: the set of handled events, whatever the number of deliveries.
        if (!handled.includes(event.seq)) handled.push(event.seq);
      },
    };
    const { log, state, dispatcher } = setup([consumer], { maxAttempts: 2 });
    log.append(renamed('p1', 'x'));
    dispatcher.start();
    await until(() => state.listDeadLetters().length === 1, 'the dead letter');
    const [letter] = state.listDeadLetters();
    if (!letter) throw new Error('no letter');

    const failed = await dispatcher.replay(letter.id);
    expect(failed).toMatchObject({ ok: false, error: 'down' });
    expect(state.findDeadLetter(letter.id)?.attempts).toBe(3);

    healthy = true;
    expect(await dispatcher.replay(letter.id)).toMatchObject({ ok: true });
    expect(await dispatcher.replay(letter.id)).toBeNull();
    expect(handled).toEqual([1]);
    expect(state.listDeadLetters()).toEqual([]);
  });

  it('holds an event back from a consumer until the ones it runs after have handled it', async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first: EventConsumer = {
      name: 'titles',
      types: ['page.renamed'],
      handle: async () => {
        await gate;
        order.push('titles');
      },
    };
    const second: EventConsumer = {
      name: 'search',
      types: ['page.renamed'],
      after: ['titles'],
      handle: () => void order.push('search'),
    };
    const { log, dispatcher } = setup([second, first]);
    log.append(renamed('p1', 'x'));
    dispatcher.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]);
    release();
    await until(() => order.length === 2, 'both');
    expect(order).toEqual(['titles', 'search']);
  });

  it('turns a burst of 10,000 edits into one content event per page per window', async () => {
    const content = recorder('content', ['page.content_changed']);
    const { log, dispatcher, setNow } = setup([content.consumer], {
      contentQuietMs: 1_000,
      contentMaxWaitMs: 10_000,
    });
    // 10,000 edits over three pages within 500 ms.
    for (let edit = 0; edit < 10_000; edit++) log.markContentChanged(`p${edit % 3}`, edit / 20);
    setNow(600);
    await dispatcher.drain();
    expect(content.seen).toEqual([]);
    setNow(1_600);
    await dispatcher.drain();
    expect(content.seen.map((event) => event.pageId).sort()).toEqual(['p0', 'p1', 'p2']);
    // A page edited without a pause gets one event per longest wait, not one per edit.
    for (let at = 2_000; at <= 14_000; at += 100) {
      log.markContentChanged('busy', at);
      setNow(at);
      await dispatcher.drain();
    }
    expect(content.seen.filter((event) => event.pageId === 'busy')).toHaveLength(1);
  });

  it('lets the event loop run between slices of a burst, so sockets are not held for all of it', async () => {
    const turns = new EventLoopTurns();
    const slow: EventConsumer = {
      name: 'slow',
      types: ['page.renamed'],
      handle: () => {
        // A consumer whose every event costs a millisecond of synchronous work (on PostgreSQL:
        // a few store round trips).
        const until = performance.now() + 1;
        while (performance.now() < until) {}
        turns.tally();
      },
    };
    const { log, dispatcher } = setup([slow], { slicer: new TimeSlicer(2) });
    for (let n = 0; n < 60; n++) log.append(renamed('p1', `t${n}`));
    await dispatcher.drain();
    turns.stop();
    expect(turns.workPerTurn.reduce((sum, count) => sum + count, 0)).toBe(60);
    // A 2 ms slice holds two 1 ms events at most (the check comes before each event).
    expect(Math.max(...turns.workPerTurn)).toBeLessThanOrEqual(2);
    expect(turns.workPerTurn.length).toBeGreaterThanOrEqual(30);
  });

  it('keeps a claim between passes and gives it back when it stops', async () => {
    class CountingState extends MemoryConsumerState {
      claims = 0;
      releases = 0;
      override claim(consumer: string): boolean {
        this.claims += 1;
        return super.claim(consumer);
      }
      override release(consumer: string): void {
        this.releases += 1;
        super.release(consumer);
      }
    }
    const state = new CountingState();
    const titles = recorder('titles');
    const log = new MemoryEventLog();
    const dispatcher = new EventDispatcher({
      log,
      state,
      consumers: [titles.consumer],
      clock: { now: () => 0 },
      pollMs: 5,
    });
    dispatcher.start();
    for (let n = 1; n <= 5; n++) {
      log.append(renamed('p1', `t${n}`));
      dispatcher.wake();
      await until(() => titles.seen.length === n, `event ${n}`);
    }
    // Five wakes and many polls, one claim: nothing is asked of the store per pass.
    expect(state.claims).toBe(1);
    expect(state.releases).toBe(0);
    await dispatcher.close();
    expect(state.releases).toBe(1);
  });
});
