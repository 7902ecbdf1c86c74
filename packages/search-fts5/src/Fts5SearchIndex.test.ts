import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchIndexContract } from '@lore/core/testing';
import { openDatabase } from '@lore/store-sqlite';
import { describe, it } from 'vitest';
import { Fts5SearchIndex } from './Fts5SearchIndex';

searchIndexContract({ describe, it }, 'Fts5SearchIndex', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-fts5-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  return {
    index: new Fts5SearchIndex({ db }),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
