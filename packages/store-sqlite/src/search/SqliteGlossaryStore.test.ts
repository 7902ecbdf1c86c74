import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GlossaryEntry } from '@lore/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../openDatabase';
import { SqliteGlossaryStore } from './SqliteGlossaryStore';

let dir: string;
let db: Db;
let store: SqliteGlossaryStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lore-glossary-'));
  db = openDatabase({ path: join(dir, 'lore.db') });
  store = new SqliteGlossaryStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const entry = (id: string, term: string): GlossaryEntry => ({
  id,
  term,
  meaning: `${term} means something`,
  expansions: ['paid time off'],
  createdBy: null,
  createdAt: 1,
  updatedBy: null,
  updatedAt: 1,
});

describe('SqliteGlossaryStore', () => {
  it('stores entries, refuses duplicate terms and bumps the version on each change', () => {
    expect(store.version()).toBe(0);
    expect(store.insert(entry('a', 'PTO'), 'pto')).toBe(true);
    expect(store.insert(entry('b', 'pto'), 'pto')).toBe(false);
    expect(store.insert(entry('c', 'OKR'), 'okr')).toBe(true);
    expect(store.version()).toBe(2);
    expect(store.list().map((e) => e.term)).toEqual(['OKR', 'PTO']);
    expect(store.findById('a')?.expansions).toEqual(['paid time off']);
    expect(store.update({ ...entry('c', 'PTO') }, 'pto')).toBe(false);
    expect(store.update({ ...entry('c', 'OKRs'), meaning: 'Goals' }, 'okrs')).toBe(true);
    expect(store.findById('c')?.meaning).toBe('Goals');
    expect(store.remove('a')).toBe(true);
    expect(store.remove('a')).toBe(false);
    expect(store.version()).toBe(4);
  });
});
