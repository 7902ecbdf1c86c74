import { describe, expect, it } from 'vitest';
import { samePrincipalList } from './samePrincipalList';

describe('samePrincipalList', () => {
  it('treats "not restricted" as equal only to itself', () => {
    expect(samePrincipalList(null, null)).toBe(true);
    expect(samePrincipalList(null, { users: [], groups: [] })).toBe(false);
  });

  it('compares people and groups regardless of order', () => {
    expect(
      samePrincipalList({ users: ['a', 'b'], groups: ['g'] }, { users: ['b', 'a'], groups: ['g'] }),
    ).toBe(true);
    expect(
      samePrincipalList({ users: ['a'], groups: ['g'] }, { users: ['a'], groups: ['h'] }),
    ).toBe(false);
    expect(samePrincipalList({ users: ['a'], groups: [] }, { users: ['a', 'b'], groups: [] })).toBe(
      false,
    );
  });
});
