import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { advisoryLocks } from './advisoryLocks';
import type { PostgresDatabase } from './PostgresDatabase';

const migrationsDir = fileURLToPath(new URL('./postgres-migrations/', import.meta.url));

/** Every Lore process takes this advisory lock while it migrates. */
const migrationLock = advisoryLocks.migration;

export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The numbered `postgres-migrations/NNNN_name.sql` files, in order. */
export function listPostgresMigrations(dir: string = migrationsDir): PostgresMigration[] {
  const migrations = readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(`${dir}${file}`, 'utf8'),
    }));
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration numbers must be 1..n without gaps; found ${migration.version}.`);
    }
  });
  return migrations;
}

/**
 * Applies every migration newer than the recorded version in one transaction, under an advisory
 * lock so that processes starting together migrate once. Returns the version reached.
 */
export function migratePostgres(
  db: PostgresDatabase,
  migrations: PostgresMigration[] = listPostgresMigrations(),
): number {
  return db.transaction(() => {
    db.run('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    db.exec(
      `CREATE TABLE IF NOT EXISTS lore_schema (
         version INTEGER NOT NULL,
         applied_at BIGINT NOT NULL
       )`,
    );
    const current = db.one<{ version: number }>(
      'SELECT max(version) AS version FROM lore_schema',
    )?.version;
    const from = current ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (from > latest) {
      throw new Error(
        `The database is at schema version ${from}, newer than this Lore (${latest}). Upgrade Lore.`,
      );
    }
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      db.exec(migration.sql);
      db.run('INSERT INTO lore_schema (version, applied_at) VALUES ($1, $2)', [
        migration.version,
        Date.now(),
      ]);
    }
    return latest;
  });
}
