import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { PostgresDatabase } from '../PostgresDatabase';
import { PostgresServer } from './PostgresServer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Socket directory of the suite's PostgreSQL server, or null when it is not installed. */
    postgresSocketDir: string | null;
  }
}

/** The migrated database each test database is copied from. */
export const templateDatabase = 'lore_template';

let admin: PostgresDatabase | null = null;

/** Whether the suite's PostgreSQL server runs (see globalSetup). */
export function postgresAvailable(): boolean {
  return inject('postgresSocketDir') !== null;
}

/** Says plainly, once per file, that a PostgreSQL suite did not run. */
export function reportPostgresMissing(suite: string): void {
  console.warn(
    `${suite}: DID NOT RUN: PostgreSQL is not installed (scripts/test-setup.sh installs it).`,
  );
}

/**
 * A fresh, migrated database for one test (a copy of the template, so it takes milliseconds),
 * with its connection string. The caller closes the returned connection.
 */
export function createTestDatabase(): { db: PostgresDatabase; url: string } {
  const socketDir = inject('postgresSocketDir');
  if (!socketDir) throw new Error('PostgreSQL is not available in this run.');
  admin ??= new PostgresDatabase({ url: PostgresServer.urlFor(socketDir, 'postgres') });
  const name = `lore_test_${randomBytes(6).toString('hex')}`;
  admin.exec(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase}`);
  const url = PostgresServer.urlFor(socketDir, name);
  return { db: new PostgresDatabase({ url }), url };
}
