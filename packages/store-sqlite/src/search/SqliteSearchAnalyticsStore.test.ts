import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../openDatabase';
import { SqliteSearchAnalyticsStore } from './SqliteSearchAnalyticsStore';

let dir: string;
let db: Db;
let store: SqliteSearchAnalyticsStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lore-analytics-'));
  db = openDatabase({ path: join(dir, 'lore.db') });
  store = new SqliteSearchAnalyticsStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const search = (id: string, at: number, query: string, results: number) => ({
  id,
  at,
  query,
  normalized: query.toLowerCase(),
  results,
});

describe('SqliteSearchAnalyticsStore', () => {
  it('groups queries, counts zero results and click-through, and prunes', () => {
    store.insertSearch(search('1', 100, 'Laptop', 3));
    store.insertSearch(search('2', 200, 'laptop', 3));
    store.insertSearch(search('3', 300, 'expense policy', 0));
    store.insertSearch(search('4', 400, 'vpn', 1));
    expect(store.recordClick({ searchId: '1', pageId: 'p', position: 0, at: 150 })).toBe(true);
    expect(store.recordClick({ searchId: '1', pageId: 'q', position: 1, at: 160 })).toBe(true);
    expect(store.recordClick({ searchId: 'nope', pageId: 'p', position: 0, at: 1 })).toBe(false);
    expect(store.updateSearch(search('1', 500, 'laptops', 3))).toBe(false);
    expect(store.updateSearch(search('4', 500, 'vpn setup', 2))).toBe(true);

    const top = store.topQueries(0, 10);
    expect(top[0]).toMatchObject({
      query: 'laptop',
      searches: 2,
      clicks: 2,
      clickThroughRate: 0.5,
    });
    expect(store.zeroResultQueries(0, 10).map((q) => q.query)).toEqual(['expense policy']);
    expect(store.totals(0)).toEqual({
      searches: 4,
      searchesWithClicks: 1,
      zeroResultSearches: 1,
      clicks: 2,
    });
    expect(store.totals(250).searches).toBe(2);
    expect(store.searches(0).map((s) => [s.query, s.clicks])).toEqual([
      ['Laptop', 2],
      ['laptop', 0],
      ['expense policy', 0],
      ['vpn setup', 0],
    ]);
    expect(store.prune(250)).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM search_clicks').get()).toEqual({ n: 0 });
  });
});
