// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { maxRecentSearches, RecentSearches } from './RecentSearches';

describe('RecentSearches', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the newest first, without duplicates that differ in case or spacing', () => {
    const recent = new RecentSearches(localStorage, 'u1');
    recent.remember('vacation');
    recent.remember('  expense   report ');
    expect(recent.remember('Vacation')).toEqual(['Vacation', 'expense report']);
    expect(new RecentSearches(localStorage, 'u1').list()).toEqual(['Vacation', 'expense report']);
  });

  it('ignores blank queries and keeps a bounded number', () => {
    const recent = new RecentSearches(localStorage, 'u1');
    expect(recent.remember('   ')).toEqual([]);
    for (let n = 0; n < maxRecentSearches + 3; n++) recent.remember(`query ${n}`);
    const list = recent.list();
    expect(list).toHaveLength(maxRecentSearches);
    expect(list[0]).toBe(`query ${maxRecentSearches + 2}`);
  });

  it('keeps each person separate and clears only that person', () => {
    const ada = new RecentSearches(localStorage, 'ada');
    const grace = new RecentSearches(localStorage, 'grace');
    ada.remember('engines');
    grace.remember('compilers');
    ada.clear();
    expect(ada.list()).toEqual([]);
    expect(grace.list()).toEqual(['compilers']);
  });

  it('forgets one query', () => {
    const recent = new RecentSearches(localStorage, 'u1');
    recent.remember('a');
    recent.remember('b');
    expect(recent.forget('a')).toEqual(['b']);
  });

  it('treats corrupt or missing storage as empty', () => {
    localStorage.setItem('lore:recent-searches:u1', '{not json');
    expect(new RecentSearches(localStorage, 'u1').list()).toEqual([]);
    localStorage.setItem('lore:recent-searches:u1', JSON.stringify([1, 'ok', null, '']));
    expect(new RecentSearches(localStorage, 'u1').list()).toEqual(['ok']);
    const none = new RecentSearches(null, 'u1');
    // Without storage the list lasts as long as the caller keeps it, and nothing is kept.
    expect(none.remember('x')).toEqual(['x']);
    expect(none.list()).toEqual([]);
  });
});
