import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glossaryStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { SqliteGlossaryStore } from './SqliteGlossaryStore';

glossaryStoreContract({ describe, it }, 'SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-glossary-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  return {
    store: new SqliteGlossaryStore(db),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
