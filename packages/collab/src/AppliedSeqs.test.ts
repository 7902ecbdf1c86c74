import { describe, expect, it } from 'vitest';
import { AppliedSeqs } from './AppliedSeqs';

describe('AppliedSeqs', () => {
  it('advances through consecutive ranges', () => {
    const seqs = new AppliedSeqs(3);
    seqs.add(4, 6);
    seqs.add(7, 7);
    expect(seqs.upTo).toBe(7);
    expect(seqs.hasGap).toBe(false);
  });

  it('keeps ranges that overtook a missing one, and joins them once it arrives', () => {
    const seqs = new AppliedSeqs(3);
    seqs.add(6, 8);
    seqs.add(10, 10);
    expect(seqs.upTo).toBe(3);
    expect(seqs.hasGap).toBe(true);
    expect(seqs.holds(6, 8)).toBe(true);
    expect(seqs.holds(4, 5)).toBe(false);
    expect(seqs.holds(9, 10)).toBe(false);
    seqs.add(4, 5);
    expect(seqs.upTo).toBe(8);
    expect(seqs.hasGap).toBe(true);
    seqs.add(9, 9);
    expect(seqs.upTo).toBe(10);
    expect(seqs.hasGap).toBe(false);
  });

  it('takes a read of the store as everything up to its last number', () => {
    const seqs = new AppliedSeqs(2);
    seqs.add(5, 5);
    seqs.add(9, 12);
    seqs.addUpTo(9);
    expect(seqs.upTo).toBe(12);
    expect(seqs.hasGap).toBe(false);
    expect(seqs.holds(1, 12)).toBe(true);
  });

  it('ignores ranges already applied and overlapping ones', () => {
    const seqs = new AppliedSeqs(5);
    seqs.add(2, 4);
    expect(seqs.upTo).toBe(5);
    seqs.add(4, 7);
    expect(seqs.upTo).toBe(7);
    expect(seqs.hasGap).toBe(false);
  });
});
