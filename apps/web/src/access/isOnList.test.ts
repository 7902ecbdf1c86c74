import { describe, expect, it } from 'vitest';
import { isOnList } from './isOnList';

describe('isOnList', () => {
  it('finds a person named directly, whatever their groups', () => {
    expect(isOnList({ users: ['u1'], groups: ['g1'] }, 'u1', null)).toBe(true);
  });

  it('finds a person through one of their groups, and not through others', () => {
    expect(isOnList({ users: [], groups: ['g1', 'g2'] }, 'u1', new Set(['g2']))).toBe(true);
    expect(isOnList({ users: ['u2'], groups: ['g1'] }, 'u1', new Set(['g3']))).toBe(false);
  });

  it('says "unknown" only when a group could name the person and their groups are unknown', () => {
    expect(isOnList({ users: ['u2'], groups: ['g1'] }, 'u1', null)).toBeNull();
    expect(isOnList({ users: ['u2'], groups: [] }, 'u1', null)).toBe(false);
  });
});
