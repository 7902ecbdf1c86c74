import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, SqliteDocumentStore } from '@lore/store-sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CliError } from '../CliError';
import { doctor } from './doctor';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Three pages straight into the database; the second nests 300 blockquotes deep. */
async function seed(dataDir: string): Promise<void> {
  const db = openDatabase({ path: join(dataDir, 'lore.db') });
  db.prepare(
    `INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES ('s1', 'ops', 'Ops', 1, 1)`,
  ).run();
  const insert = db.prepare(
    `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
     VALUES (?, ?, 's1', ?, ?, 1, 1)`,
  );
  const documents = new SqliteDocumentStore(db);
  for (let i = 0; i < 3; i += 1) {
    insert.run(`p${i}`, `short${i}`, `a${i}`, `Runbook ${i}`);
    const doc = new Y.Doc();
    doc.transact(() => {
      doc.getText('title').insert(0, `Runbook ${i}`);
      let parent: Y.XmlFragment = doc.getXmlFragment('default');
      for (let level = 0; level < (i === 1 ? 300 : 1); level++) {
        const quote = new Y.XmlElement('blockquote');
        parent.insert(0, [quote]);
        parent = quote;
      }
      const paragraph = new Y.XmlElement('paragraph');
      parent.insert(0, [paragraph]);
      paragraph.insert(0, [new Y.XmlText(`Step ${i}`)]);
    });
    await documents.append(`p${i}`, [Y.encodeStateAsUpdate(doc)]);
  }
  db.close();
}

describe('lore doctor', () => {
  it('lists pages past the limits (exit 1), repairs them with --repair, then finds none', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-doctor-'));
    dirs.push(dataDir);
    await seed(dataDir);
    const io = (out: string[]) => ({
      env: { LORE_DATA_DIR: dataDir },
      out: (line: string) => out.push(line),
      err: () => {},
    });
    const quiet = { isTTY: false, write: () => {} };

    const first: string[] = [];
    const failure = await doctor([], io(first), quiet).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CliError);
    expect((failure as CliError).exitCode).toBe(1);
    expect(first).toEqual([
      'past the limits: p1 "Runbook 1": the document nests deeper than 64 levels',
      'Checked 3 pages: 1 past the limits.',
    ]);

    const progress: string[] = [];
    const repaired: string[] = [];
    await doctor(['--repair'], io(repaired), {
      isTTY: false,
      write: (text) => progress.push(text),
    });
    expect(repaired.at(-1)).toBe('Checked 3 pages: 1 repaired.');
    expect(progress.at(-1)).toBe('Checking pages: 3/3 (100%)\n');

    const after: string[] = [];
    await doctor([], io(after), quiet);
    expect(after).toEqual(['Checked 3 pages: 0 past the limits.']);
  });
});
