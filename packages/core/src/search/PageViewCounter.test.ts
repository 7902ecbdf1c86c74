import { describe, expect, it } from 'vitest';
import { ManualClock } from '../revisions/ManualClock';
import { PageViewCounter } from './PageViewCounter';

describe('PageViewCounter', () => {
  const setup = (options: { windowMs?: number; maxRemembered?: number } = {}) => {
    const clock = new ManualClock(1_000_000);
    const counted: string[] = [];
    const counter = new PageViewCounter({ clock, count: (id) => counted.push(id), ...options });
    return { clock, counted, counter };
  };

  it('counts one view per person and page per window', async () => {
    const { clock, counted, counter } = setup({ windowMs: 60_000 });
    expect(counter.record('ada', 'p1')).toBe(true);
    expect(counter.record('ada', 'p1')).toBe(false);
    expect(counter.record('bob', 'p1')).toBe(true);
    expect(counter.record('ada', 'p2')).toBe(true);
    await clock.advance(59_999);
    expect(counter.record('ada', 'p1')).toBe(false);
    await clock.advance(1);
    expect(counter.record('ada', 'p1')).toBe(true);
    expect(counted).toEqual(['p1', 'p1', 'p2', 'p1']);
  });

  it('forgets the oldest pairs beyond its memory, so memory stays bounded', () => {
    const { counted, counter } = setup({ maxRemembered: 2 });
    counter.record('ada', 'p1');
    counter.record('ada', 'p2');
    counter.record('ada', 'p3');
    // p1 was forgotten, so it counts again; p3 is still remembered.
    expect(counter.record('ada', 'p1')).toBe(true);
    expect(counter.record('ada', 'p3')).toBe(false);
    expect(counted).toEqual(['p1', 'p2', 'p3', 'p1']);
  });
});
