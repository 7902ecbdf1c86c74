import { describe, expect, it } from 'vitest';
import {
  hasFilters,
  readSearchFilters,
  searchApiQuery,
  updatedAfterOf,
  writeSearchFilters,
} from './searchFilters';

const now = new Date('2026-03-10T12:00:00Z');

describe('search filters in the address', () => {
  it('reads repeated and single parameters, dropping blanks, duplicates and bad dates', () => {
    const filters = readSearchFilters(
      new URLSearchParams('q=time+off&space=hr&space=hr&space=&tag=policy&author=u1&updated=soon'),
    );
    expect(filters).toEqual({
      q: 'time off',
      spaces: ['hr'],
      authors: ['u1'],
      tags: ['policy'],
      updated: '',
    });
    expect(readSearchFilters(new URLSearchParams('updated=week')).updated).toBe('week');
    expect(readSearchFilters(new URLSearchParams('updated=2025-01-31')).updated).toBe('2025-01-31');
    expect(readSearchFilters(new URLSearchParams('updated=toString')).updated).toBe('');
  });

  it('round-trips and leaves empty filters out of the address', () => {
    const filters = {
      q: ' vacation ',
      spaces: ['hr', 'eng'],
      authors: [],
      tags: ['a b'],
      updated: 'month',
    };
    const params = writeSearchFilters(filters);
    expect(params.toString()).toBe('q=vacation&space=hr&space=eng&tag=a+b&updated=month');
    expect(readSearchFilters(params)).toEqual({ ...filters, q: 'vacation' });
    expect(
      writeSearchFilters({ q: '', spaces: [], authors: [], tags: [], updated: '' }).toString(),
    ).toBe('');
  });

  it('says whether anything besides the query narrows the results', () => {
    const none = { q: 'x', spaces: [], authors: [], tags: [], updated: '' };
    expect(hasFilters(none)).toBe(false);
    expect(hasFilters({ ...none, tags: ['t'] })).toBe(true);
    expect(hasFilters({ ...none, updated: 'day' })).toBe(true);
  });
});

describe('updatedAfterOf', () => {
  it('counts windows back from now', () => {
    expect(updatedAfterOf('day', now)).toBe('2026-03-09T12:00:00.000Z');
    expect(updatedAfterOf('week', now)).toBe('2026-03-03T12:00:00.000Z');
  });

  it('starts a date at local midnight and ignores anything else', () => {
    expect(updatedAfterOf('2026-01-02', now)).toBe(new Date(2026, 0, 2).toISOString());
    expect(updatedAfterOf('', now)).toBeUndefined();
    expect(updatedAfterOf('yesterday', now)).toBeUndefined();
  });
});

describe('searchApiQuery', () => {
  it('maps the filters to the API parameters', () => {
    const query = new URLSearchParams(
      searchApiQuery(
        { q: 'pto', spaces: ['hr'], authors: ['u1', 'u2'], tags: [], updated: 'day' },
        { limit: 20, offset: 40, record: false },
        now,
      ),
    );
    expect(query.get('q')).toBe('pto');
    expect(query.getAll('space')).toEqual(['hr']);
    expect(query.getAll('author')).toEqual(['u1', 'u2']);
    expect(query.get('updatedAfter')).toBe('2026-03-09T12:00:00.000Z');
    expect(query.has('updated')).toBe(false);
    expect(query.get('limit')).toBe('20');
    expect(query.get('offset')).toBe('40');
    expect(query.get('record')).toBe('false');
  });

  it('keeps the query as typed (a trailing space ends the prefix) and omits defaults', () => {
    const query = new URLSearchParams(
      searchApiQuery(
        { q: 'onboarding ', spaces: [], authors: [], tags: [], updated: '' },
        { limit: 8, offset: 0, record: true },
        now,
      ),
    );
    expect(query.get('q')).toBe('onboarding ');
    expect(query.has('offset')).toBe(false);
    expect(query.has('record')).toBe(false);
    expect(query.has('updatedAfter')).toBe(false);
  });
});
