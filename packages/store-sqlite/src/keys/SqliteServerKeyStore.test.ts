import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverKeyStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { SqliteServerKeyStore } from './SqliteServerKeyStore';

serverKeyStoreContract({ describe, it }, 'SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-keys-'));
  const path = join(dir, 'lore.db');
  const db = openDatabase({ path });
  const others: ReturnType<typeof openDatabase>[] = [];
  return {
    store: new SqliteServerKeyStore(db),
    sibling: () => {
      const other = openDatabase({ path });
      others.push(other);
      return new SqliteServerKeyStore(other);
    },
    close: () => {
      for (const other of others) other.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
