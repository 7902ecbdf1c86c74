import { describe, expect, it } from 'vitest';
import { advisoryLocks } from './advisoryLocks';

describe('advisory lock keys', () => {
  it('gives every purpose its own key', () => {
    const keys = Object.values(advisoryLocks);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
