import { describe, expect, it } from 'vitest';
import { ManualClock } from './ManualClock';
import { RevisionScheduler } from './RevisionScheduler';

const minute = 60_000;

function scheduler(clock: ManualClock) {
  const captures: { pageId: string; at: number }[] = [];
  const errors: unknown[] = [];
  const scheduler = new RevisionScheduler({
    clock,
    timers: clock,
    idleMs: 5 * minute,
    maxMs: 30 * minute,
    capture: async (pageId) => {
      captures.push({ pageId, at: clock.now() });
      if (pageId === 'failing') throw new Error('store is down');
    },
    onError: (error) => errors.push(error),
  });
  return { scheduler, captures, errors };
}

describe('RevisionScheduler', () => {
  it('takes a revision when edits pause for five minutes, not before', async () => {
    const clock = new ManualClock();
    const start = clock.now();
    const { scheduler: s, captures } = scheduler(clock);
    s.touch('p1');
    await clock.advance(2 * minute);
    s.touch('p1');
    await clock.advance(5 * minute - 1);
    expect(captures).toEqual([]);
    await clock.advance(1);
    expect(captures).toEqual([{ pageId: 'p1', at: start + 7 * minute }]);
    // The period ended: nothing more without new edits, and no timer left behind.
    await clock.advance(60 * minute);
    expect(captures).toHaveLength(1);
    expect(clock.pending).toBe(0);
  });

  it('takes one at least every thirty minutes of continuous editing', async () => {
    const clock = new ManualClock();
    const start = clock.now();
    const { scheduler: s, captures } = scheduler(clock);
    // An edit every four minutes never leaves a five-minute pause.
    for (let elapsed = 0; elapsed <= 60 * minute; elapsed += 4 * minute) {
      s.touch('p1');
      await clock.advance(4 * minute);
    }
    // Edits at 0, 4 … 60 min: the period from 0 is capped at 30, the one from the edit at 32 at
    // 62, two minutes after the last edit and before its five-minute pause would end.
    await clock.advance(10 * minute);
    expect(captures.map((capture) => (capture.at - start) / minute)).toEqual([30, 62]);
  });

  it('keeps pages apart and re-arms only when a timer fires early', async () => {
    const clock = new ManualClock();
    const start = clock.now();
    const { scheduler: s, captures } = scheduler(clock);
    s.touch('p1');
    await clock.advance(minute);
    s.touch('p2');
    for (let i = 0; i < 100; i++) s.touch('p2');
    expect(clock.pending).toBe(2);
    expect(s.dueAt('p2')).toBe(start + 6 * minute);
    await clock.advance(10 * minute);
    expect(captures).toEqual([
      { pageId: 'p1', at: start + 5 * minute },
      { pageId: 'p2', at: start + 6 * minute },
    ]);
  });

  it('resumes a period that started earlier, forgets on demand and stops cleanly', async () => {
    const clock = new ManualClock();
    const start = clock.now();
    const { scheduler: s, captures, errors } = scheduler(clock);
    // Edits left pending by a previous run: first at -40 min, last at -2 min: overdue by the cap.
    s.touch('old', start - 2 * minute, start - 40 * minute);
    s.touch('forgotten');
    s.touch('failing');
    s.forget('forgotten');
    await clock.advance(0);
    expect(captures).toEqual([{ pageId: 'old', at: start }]);
    await clock.advance(5 * minute);
    expect(captures.map((capture) => capture.pageId)).toEqual(['old', 'failing']);
    expect(errors).toHaveLength(1);
    s.touch('late');
    await s.stop();
    expect(clock.pending).toBe(0);
    s.touch('after-stop');
    await clock.advance(60 * minute);
    expect(captures).toHaveLength(2);
  });
});
