import { describe, expect, it } from 'vitest';
import { matchPrincipals } from './matchPrincipals';
import type { Principal } from './Principal';

const people: Principal[] = [
  { kind: 'group', id: 'g1', name: 'Finance' },
  { kind: 'user', id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com' },
  { kind: 'user', id: 'u2', name: 'Grace Hopper', email: 'grace@navy.example' },
  { kind: 'user', id: 'u3', name: 'Zoë Fénix' },
];

describe('matchPrincipals', () => {
  it('puts names or words starting with the query before names merely containing it', () => {
    expect(matchPrincipals(people, 'ho', 10).map((p) => p.id)).toEqual(['u2']);
    expect(matchPrincipals(people, 'a', 10).map((p) => p.id)).toEqual(['u1', 'g1', 'u2']);
  });

  it('ignores case and accents, and finds people by email', () => {
    expect(matchPrincipals(people, 'zoe fen', 10).map((p) => p.id)).toEqual(['u3']);
    expect(matchPrincipals(people, 'NAVY', 10).map((p) => p.id)).toEqual(['u2']);
  });

  it('lists the first ones for an empty query and keeps to the limit', () => {
    expect(matchPrincipals(people, '  ', 2).map((p) => p.id)).toEqual(['g1', 'u1']);
    expect(matchPrincipals(people, 'nobody', 5)).toEqual([]);
  });
});
