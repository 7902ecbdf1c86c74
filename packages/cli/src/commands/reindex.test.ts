import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Fts5SearchIndex } from '@lore/search-fts5';
import { openDatabase, SqliteDocumentStore } from '@lore/store-sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ProgressBar } from './ProgressBar';
import { reindex } from './reindex';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function seed(dataDir: string, pages: number): void {
  const db = openDatabase({ path: join(dataDir, 'lore.db') });
  db.prepare(
    `INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES ('s1', 'ops', 'Ops', 1, 1)`,
  ).run();
  const insert = db.prepare(
    `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at, deleted_at)
     VALUES (?, ?, 's1', 'a0', ?, 1, 1, ?)`,
  );
  const documents = new SqliteDocumentStore(db);
  const writes: Promise<number>[] = [];
  for (let i = 0; i < pages; i += 1) {
    insert.run(`p${i}`, `short${i}`, `Runbook ${i}`, i === 0 ? 5 : null);
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`Restart the flux capacitor number ${i}.`)]);
    doc.getXmlFragment('default').insert(0, [paragraph]);
    writes.push(documents.append(`p${i}`, [Y.encodeStateAsUpdate(doc)]));
  }
  db.close();
  void Promise.all(writes);
}

describe('lore reindex', () => {
  it('rebuilds the search index from the documents, skipping trashed pages, with progress', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-reindex-'));
    dirs.push(dataDir);
    seed(dataDir, 450);
    const out: string[] = [];
    const progress: string[] = [];
    await reindex(
      [],
      { env: { LORE_DATA_DIR: dataDir }, out: (line) => out.push(line), err: () => {} },
      { isTTY: false, write: (text) => progress.push(text) },
    );
    expect(out[0]).toMatch(/^Reindexed 449 pages with fts5 in \d+\.\d s\.$/);
    expect(progress[0]).toBe('Indexing pages: 0/449 (0%)\n');
    expect(progress.at(-1)).toBe('Indexing pages: 449/449 (100%)\n');
    expect(progress.every((line) => !line.includes('\r'))).toBe(true);

    const db = openDatabase({ path: join(dataDir, 'lore.db') });
    try {
      const index = new Fts5SearchIndex({ db });
      const found = await index.search({
        text: 'capacitor 17 ',
        readableSpaceIds: ['s1'],
        limit: 5,
        offset: 0,
      });
      expect(found.hits[0]?.title).toBe('Runbook 17');
      expect(await index.count()).toBe(449);
      expect(db.prepare('SELECT count(*) AS n FROM search_outbox').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('draws one line in place on a terminal', () => {
    const written: string[] = [];
    const bar = new ProgressBar({ isTTY: true, write: (text) => written.push(text) }, 'Indexing');
    bar.update(5, 10);
    bar.update(10, 10);
    bar.finish();
    expect(written[0]).toMatch(/^\rIndexing \[#{15}-{15}\] 5\/10 50% /);
    expect(written[1]).toMatch(/^\rIndexing \[#{30}\] 10\/10 100% /);
    expect(written.at(-1)).toBe('\n');
  });
});
