import { describe, expect, it } from 'vitest';
import { NodeLiveness } from './NodeLiveness';

describe('NodeLiveness', () => {
  it('reports a process once it was silent for longer than the timeout, and only once', () => {
    let now = 0;
    const liveness = new NodeLiveness(6_000, () => now);
    liveness.seen('a');
    liveness.seen('b');
    now = 4_000;
    liveness.seen('b');
    expect(liveness.expired()).toEqual([]);
    now = 6_001;
    expect(liveness.expired()).toEqual(['a']);
    expect(liveness.expired()).toEqual([]);
    now = 10_001;
    expect(liveness.expired()).toEqual(['b']);
  });

  it('forgets a process that left', () => {
    let now = 0;
    const liveness = new NodeLiveness(100, () => now);
    liveness.seen('a');
    liveness.forget('a');
    now = 1_000;
    expect(liveness.expired()).toEqual([]);
  });
});
