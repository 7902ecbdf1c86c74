import type { TestProject } from 'vitest/node';
import { migratePostgres } from '../migrate';
import { PostgresDatabase } from '../PostgresDatabase';
import { PostgresServer } from './PostgresServer';
import { templateDatabase } from './testDatabase';

/**
 * Vitest global setup for suites that run on PostgreSQL: one private server for the whole run
 * and a migrated template database each test copies. Without PostgreSQL installed those suites
 * say that they did not run (scripts/test-setup.sh installs it).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await PostgresServer.start();
  if (!server) {
    project.provide('postgresSocketDir', null);
    return async () => {};
  }
  const url = await server.createDatabase(templateDatabase);
  const db = new PostgresDatabase({ url });
  try {
    migratePostgres(db);
  } finally {
    await db.close();
  }
  project.provide('postgresSocketDir', server.socketDir);
  return () => server.destroy();
}
