import { serverKeyStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { PostgresDatabase } from '../PostgresDatabase';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresServerKeyStore } from './PostgresServerKeyStore';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresServerKeyStore');

serverKeyStoreContract({ describe: describe.runIf(available), it }, 'PostgreSQL', () => {
  const { db, url } = createTestDatabase();
  const others: PostgresDatabase[] = [];
  return {
    store: new PostgresServerKeyStore(db),
    sibling: () => {
      const other = new PostgresDatabase({ url });
      others.push(other);
      return new PostgresServerKeyStore(other);
    },
    close: async () => {
      for (const other of others) await other.close();
      await db.close();
    },
  };
});
