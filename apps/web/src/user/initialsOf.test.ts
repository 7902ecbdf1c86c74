import { describe, expect, it } from 'vitest';
import { initialsOf } from './initialsOf';

describe('initialsOf', () => {
  it('takes the first letters of the first and last word', () => {
    expect(initialsOf('Ada King Lovelace')).toBe('AL');
    expect(initialsOf('  grace   hopper ')).toBe('GH');
  });

  it('uses a single letter for a single word', () => {
    expect(initialsOf('Plato')).toBe('P');
  });

  it('keeps characters outside the basic plane whole', () => {
    expect(initialsOf('𝒜da Ωmega')).toBe('𝒜Ω');
  });

  it('falls back to a question mark for an empty name', () => {
    expect(initialsOf('   ')).toBe('?');
  });
});
