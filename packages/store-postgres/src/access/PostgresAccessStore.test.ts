import { accessStoreContract } from '@lore/core/testing';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresAccessStore } from './PostgresAccessStore';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresAccessStore');

accessStoreContract({ describe: describe.runIf(available), it }, 'PostgreSQL', () => {
  const { db } = createTestDatabase();
  return {
    store: new PostgresAccessStore(db),
    seed: {
      user: (id) =>
        db.run(
          `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
           VALUES ($1, $2, $1, '#123456', 'member', 'x', 0, 0)`,
          [id, `${id}@example.com`],
        ),
      space: (id) =>
        db.run(
          'INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES ($1, $1, $1, 0, 0)',
          [id],
        ),
      page: (id, spaceId) =>
        db.run(
          `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
           VALUES ($1, $2, $3, 'V', $1, 0, 0)`,
          [id, `s-${id}`, spaceId],
        ),
    },
    close: () => db.close(),
  };
});

describe.runIf(available)('PostgresAccessStore', () => {
  it('folds only A-Z in group names, as SQLite does, and lists them in byte order', async () => {
    const { db } = createTestDatabase();
    try {
      const store = new PostgresAccessStore(db);
      const group = (id: string, name: string) => ({ id, name, createdAt: 1, updatedAt: 1 });
      expect(store.insertGroup(group('g-1', 'équipe'))).toBe(true);
      expect(store.insertGroup(group('g-2', 'Équipe'))).toBe(true);
      expect(store.insertGroup(group('g-3', 'ÉQUIPE'))).toBe(false);
      expect(store.insertGroup(group('g-4', 'zeta'))).toBe(true);
      expect(store.insertGroup(group('g-5', '_ops'))).toBe(true);
      expect(store.renameGroup('g-4', 'ZETA', 2)).toBe(true);
      expect(store.listGroups().map((g) => g.name)).toEqual(['_ops', 'ZETA', 'Équipe', 'équipe']);
    } finally {
      await db.close();
    }
  });
});
