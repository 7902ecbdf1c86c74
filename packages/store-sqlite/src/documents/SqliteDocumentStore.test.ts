import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentStoreContract } from '@lore/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../openDatabase';
import { SqliteDocumentStore } from './SqliteDocumentStore';

const tempDirs: string[] = [];
const tempDbPath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-documents-'));
  tempDirs.push(dir);
  return join(dir, 'lore.db');
};

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

documentStoreContract({ describe, it }, 'SqliteDocumentStore', () => {
  const db = openDatabase({ path: tempDbPath() });
  return {
    store: new SqliteDocumentStore(db),
    close: () => {
      db.close();
    },
  };
});

describe('SqliteDocumentStore', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);

  it('keeps the log and the snapshot across a reopen of the file', async () => {
    const path = tempDbPath();
    const first = openDatabase({ path });
    const store = new SqliteDocumentStore(first, { clock: { now: () => 1234 } });
    await store.append('page-1', [bytes(1), bytes(2), bytes(3)]);
    await store.compact('page-1', bytes(9, 9), 2);
    first.close();

    const second = openDatabase({ path });
    const reopened = new SqliteDocumentStore(second);
    const loaded = await reopened.load('page-1');
    expect(Array.from(loaded.snapshot ?? [])).toEqual([9, 9]);
    expect(loaded.snapshotSeq).toBe(2);
    expect(loaded.updates.map((update) => Array.from(update))).toEqual([[3]]);
    expect(await reopened.append('page-1', [bytes(4)])).toBe(4);
    const row = second
      .prepare('SELECT created_at FROM document_updates WHERE doc_id = ? AND seq = 3')
      .get('page-1');
    expect(row).toEqual({ created_at: 1234 });
    second.close();
  });

  it('sees appends made through another connection to the same file', async () => {
    const path = tempDbPath();
    const writer: Db = openDatabase({ path });
    const reader: Db = openDatabase({ path });
    const writes = new SqliteDocumentStore(writer);
    const reads = new SqliteDocumentStore(reader);
    await writes.append('page-1', [bytes(1)]);
    expect((await reads.load('page-1')).updates).toHaveLength(1);
    expect(await reads.append('page-1', [bytes(2)])).toBe(2);
    expect(await writes.append('page-1', [bytes(3)])).toBe(3);
    writer.close();
    reader.close();
  });

  it('appends a large batch in one transaction quickly', async () => {
    const db = openDatabase({ path: tempDbPath() });
    const store = new SqliteDocumentStore(db);
    const batch = Array.from({ length: 20_000 }, (_, index) => bytes(index % 256, 1, 2, 3));
    const started = performance.now();
    expect(await store.append('page-1', batch)).toBe(20_000);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await store.stats('page-1')).updateBytes).toBe(80_000);
    db.close();
  });
});
