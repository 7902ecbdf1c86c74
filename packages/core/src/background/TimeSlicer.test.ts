import { describe, expect, it } from 'vitest';
import { EventLoopTurns } from './EventLoopTurns';
import { TimeSlicer } from './TimeSlicer';

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {}
}

describe('TimeSlicer', () => {
  it('goes on in the same turn while the slice lasts, and yields once it is used', async () => {
    const slicer = new TimeSlicer(50);
    // A fresh slicer starts a slice at the first work.
    expect(slicer.used).toBe(false);
    let otherTurnRan = false;
    setImmediate(() => {
      otherTurnRan = true;
    });
    await slicer.pace();
    expect(otherTurnRan).toBe(false);
    spin(55);
    expect(slicer.used).toBe(true);
    await slicer.pace();
    expect(otherTurnRan).toBe(true);
    expect(slicer.used).toBe(false);
  });

  it('shares one slice per turn between every loop that paces with it', async () => {
    const slicer = new TimeSlicer(2);
    const turns = new EventLoopTurns();
    const loop = async (items: number) => {
      for (let item = 0; item < items; item++) {
        await slicer.pace();
        spin(1);
        turns.tally();
      }
    };
    await Promise.all([loop(20), loop(20), loop(20)]);
    turns.stop();
    // Three loops together do at most two 1 ms items per 2 ms slice, not two each. In the
    // first turn all three asked before any worked, so each of the others may do one more.
    const [first, ...later] = turns.workPerTurn;
    expect(first).toBeLessThanOrEqual(4);
    expect(Math.max(...later)).toBeLessThanOrEqual(2);
    expect(later.length).toBeGreaterThanOrEqual(25);
    expect(turns.workPerTurn.reduce((sum, count) => sum + count, 0)).toBe(60);
  });

  it('refuses a slice that is not positive', () => {
    expect(() => new TimeSlicer(0)).toThrow(RangeError);
  });
});
