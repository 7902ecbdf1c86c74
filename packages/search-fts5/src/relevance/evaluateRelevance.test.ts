import { describe, expect, it } from 'vitest';
import { ndcgAt10 } from './evaluateRelevance';

describe('ndcgAt10', () => {
  it('is 1 when the expected pages come first, less the lower they land, 0 when missing', () => {
    expect(ndcgAt10(['a', 'x'], ['a'])).toBe(1);
    expect(ndcgAt10(['a', 'b', 'x'], ['b', 'a'])).toBe(1);
    expect(ndcgAt10(['x', 'a'], ['a'])).toBeCloseTo(1 / Math.log2(3), 10);
    expect(ndcgAt10(['a', 'x', 'b'], ['a', 'b'])).toBeCloseTo(
      (1 + 1 / Math.log2(4)) / (1 + 1 / Math.log2(3)),
      10,
    );
    expect(ndcgAt10(['x', 'y'], ['a'])).toBe(0);
    // A page listed twice in the results counts once.
    expect(ndcgAt10(['a', 'a'], ['a', 'b'])).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 10);
  });
});
