import { mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './openDatabase';
import { WalCheckpointer } from './WalCheckpointer';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDatabase(): { db: Db; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lore-wal-'));
  const path = join(dir, 'lore.db');
  const db = openDatabase({ path });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => {
    if (db.open) db.close();
  });
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  return { db, path };
}

/** One commit per row, as the collaboration log writes: every commit adds WAL frames. */
function writeRows(db: Db, rows: number): void {
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
  for (let row = 0; row < rows; row++) insert.run(Buffer.alloc(600, row % 251));
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('WalCheckpointer', () => {
  it('copies the WAL into the database file from its own thread, not in the commits', async () => {
    const { db, path } = tempDatabase();
    const checkpointer = WalCheckpointer.start(db, { intervalMs: 20, maxWalFrames: 1_000_000 });
    cleanups.push(() => checkpointer.close());
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    // Far past the 1,000 pages at which the writer would otherwise checkpoint itself.
    writeRows(db, 4_000);
    // A checkpoint may run while the rows are still being written and copy only part of them;
    // the thread's later checkpoints copy the rest.
    await waitFor(() => {
      const last = checkpointer.stats.last;
      return (
        last !== null &&
        last.frames >= 2_000 &&
        last.copied === last.frames &&
        statSync(path).size > 4_000 * 600
      );
    }, 'the checkpoint thread to copy the frames');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(statSync(path).size).toBeGreaterThan(4_000 * 600);

    // Every commit is readable by a fresh connection, which reads the copied file plus the WAL.
    const reader = new Database(path, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 4_000 });
    reader.close();
  });

  it('keeps up while writes continue, and close gives the writer its own checkpoints back', async () => {
    const { db } = tempDatabase();
    const checkpointer = WalCheckpointer.start(db, { intervalMs: 10 });
    for (let round = 0; round < 5; round++) {
      const before = checkpointer.stats.checkpoints;
      writeRows(db, 300);
      await waitFor(() => checkpointer.stats.checkpoints > before, `checkpoint ${round + 1}`);
    }
    expect(checkpointer.running).toBe(true);
    await checkpointer.close();
    expect(checkpointer.running).toBe(false);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpointer.close();
    writeRows(db, 10);
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 1_510 });
  });

  it('keeps the WAL bounded while commits never pause, by letting the writer checkpoint meanwhile', async () => {
    const { db, path } = tempDatabase();
    const checkpointer = WalCheckpointer.start(db, { intervalMs: 10, maxWalFrames: 300 });
    cleanups.push(() => checkpointer.close());
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    let largestWal = 0;
    let writerTookOver = false;
    const until = Date.now() + 3_000;
    while (Date.now() < until) {
      // A commit about every millisecond, as under heavy editing: the thread's checkpoint never
      // finds a moment without a new frame.
      for (let row = 0; row < 5; row++) insert.run(Buffer.alloc(600, row));
      largestWal = Math.max(largestWal, statSync(`${path}-wal`).size);
      writerTookOver ||= checkpointer.stats.writerCheckpoints;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(writerTookOver).toBe(true);
    // 300 frames allowed, plus the writer's own 1,000-page threshold and what a round adds.
    expect(largestWal).toBeLessThan(8 * 1024 * 1024);
  });

  it('falls back to checkpoints in the writer when the thread cannot open the database', async () => {
    const { db, path } = tempDatabase();
    // The open connection keeps working on the unlinked file; the thread finds no file to open.
    unlinkSync(path);
    const errors: Error[] = [];
    const checkpointer = WalCheckpointer.start(db, {
      intervalMs: 10,
      onError: (error) => errors.push(error),
    });
    cleanups.push(() => checkpointer.close());
    await waitFor(() => !checkpointer.running, 'the checkpoint thread to give up');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/cannot open the database: .+/);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    writeRows(db, 5);
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 5 });
  });
});
