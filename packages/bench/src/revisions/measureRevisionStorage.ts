import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { CollabServer } from '@lore/collab';
import { editingTracesDir, readTrace, type SequentialTrace } from '@lore/collab/testing';
import { AccessPolicy, encodePageState, type JsonObject, RevisionService } from '@lore/core';
import { ManualClock } from '@lore/core/testing';
import { YjsVersionedContent } from '@lore/page-document';
import { applyJSONToYDoc, pageBodyField } from '@lore/schema';
import {
  openDatabase,
  SqliteAccessStore,
  SqliteAccountStore,
  SqliteDocumentStore,
  SqlitePageStore,
  SqliteRevisionStore,
  SqliteSpaceStore,
} from '@lore/store-sqlite';

/** What keeping a page's history costs, measured on a real editing trace. */
export interface StorageMeasurement {
  readonly operations: number;
  readonly revisions: number;
  /** Revisions taken at a jump of the editing position, and at the 30-minute cap. */
  readonly pauses: { readonly jumps: number; readonly caps: number };
  /** The final page's stored state (canonical JSON text), and that deflated whole. */
  readonly finalTextBytes: number;
  readonly finalWholeBytes: number;
  /** Bytes the history takes in the store (deltas and whole states, deflated). */
  readonly storedBytes: number;
  /** The history tables and their indexes on disk (SQLite pages), metadata included. */
  readonly onDiskBytes: number;
  /** What storing every revision whole and deflated would take. */
  readonly wholeCopiesBytes: number;
  /** Stored bytes per revision. */
  readonly perRevision: { readonly median: number; readonly p90: number; readonly max: number };
  readonly wholeStates: number;
  /** Growth along the trace: after each quarter of its operations. */
  readonly milestones: readonly {
    readonly operations: number;
    readonly revisions: number;
    readonly pageBytes: number;
    readonly storedBytes: number;
    readonly wholeCopiesBytes: number;
  }[];
  /** Slowest read of a revision's state from a cold cache. */
  readonly slowestReadMs: number;
  /** Whether the last revision holds exactly the replayed text (the trace's end content). */
  readonly endContentMatches: boolean;
  /** The final page's plain text. */
  readonly pageBytes: number;
}

/** The pause model; the trace's own timestamps all fall within a third of a second. */
export const pauseModel = {
  /** One operation per second of typing: the 30-minute cap is this many operations. */
  capOperations: 1_800,
  /** An edit this many characters away from the previous one: the author moved elsewhere. */
  jumpCharacters: 200,
  /** …counted as a pause only this long after the previous revision (5 minutes). */
  minOperations: 300,
};

const pageId = 'automerge-paper';
/** The page body for a plain-text state: one paragraph per line. */
function bodyOf(text: string): JsonObject {
  return {
    type: 'doc',
    content: text
      .split('\n')
      .map((line) =>
        line === ''
          ? { type: 'paragraph' }
          : { type: 'paragraph', content: [{ type: 'text', text: line }] },
      ),
  };
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/**
 * Replays the automerge-paper trace (the writing of an academic paper, 259,778 operations) as a
 * page with one paragraph per line, takes a revision through the real history stack (collaboration
 * server, Yjs document, SQLite store) at each pause of `pauseModel` and at the end, and reports
 * the storage. Null when the corpus is not there.
 */
export async function measureRevisionStorage(
  options: { readonly operations?: number } = {},
): Promise<StorageMeasurement | null> {
  const tracesDir = editingTracesDir();
  if (!tracesDir) return null;
  const trace = readTrace<SequentialTrace>(tracesDir, 'sequential_traces/automerge-paper.json.gz');
  const dir = mkdtempSync(join(tmpdir(), 'lore-revision-storage-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  const collab = new CollabServer<unknown>({ store: new SqliteDocumentStore(db) });
  try {
    db.prepare(
      `INSERT INTO spaces (id, slug, name, created_at, updated_at)
       VALUES ('space', 'space', 'Space', 0, 0)`,
    ).run();
    db.prepare(
      `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
       VALUES (?, 'paper', 'space', 'V', 'automerge-paper', 0, 0)`,
    ).run(pageId);
    const clock = new ManualClock();
    const store = new SqliteRevisionStore(db);
    const pages = new SqlitePageStore(db);
    const revisions = new RevisionService({
      store,
      content: new YjsVersionedContent(collab),
      pages,
      people: new SqliteAccountStore(db),
      policy: new AccessPolicy({
        store: new SqliteAccessStore(db),
        spaces: new SqliteSpaceStore(db),
        pages,
      }),
      clock,
      timers: clock,
    });
    await collab.editDocument(pageId, (doc) => doc.getText('title').insert(0, 'automerge-paper'));

    const total = trace.txns.reduce((sum, txn) => sum + txn.patches.length, 0);
    const operations = Math.min(options.operations ?? total, total);
    const quarters = [1, 2, 3, 4].map((quarter) => Math.ceil((quarter * operations) / 4));
    const milestones: StorageMeasurement['milestones'][number][] = [];
    const pauses = { jumps: 0, caps: 0 };
    let wholeCopiesBytes = 0;
    let text = '';
    let operation = 0;
    let previousEnd = 0;
    let lastRevisionAt = 0;
    const capture = async () => {
      const body = bodyOf(text);
      await collab.editDocument(pageId, (doc) => applyJSONToYDoc(doc, body, pageBodyField));
      const { revision } = await revisions.capture(pageId, 'auto');
      if (revision) {
        wholeCopiesBytes += deflateRawSync(
          Buffer.from(store.readState(pageId, revision.contentHash), 'utf8'),
        ).length;
      }
      lastRevisionAt = operation;
    };
    replay: for (const txn of trace.txns) {
      for (const [position, deleted, inserted] of txn.patches) {
        if (operation === operations) break replay;
        const since = operation - lastRevisionAt;
        const jump = Math.abs(position - previousEnd) > pauseModel.jumpCharacters;
        if (jump && since >= pauseModel.minOperations) {
          pauses.jumps++;
          await capture();
        } else if (since >= pauseModel.capOperations) {
          pauses.caps++;
          await capture();
        }
        text = text.slice(0, position) + inserted + text.slice(position + deleted);
        previousEnd = position + inserted.length;
        operation++;
        if (operation === quarters[milestones.length]) {
          if (operation === operations) await capture();
          milestones.push({
            operations: operation,
            revisions: store.storageStats(pageId).revisions,
            pageBytes: Buffer.byteLength(text, 'utf8'),
            storedBytes: store.storageStats(pageId).storedBytes,
            wholeCopiesBytes,
          });
        }
      }
    }

    const stats = store.storageStats(pageId);
    const rows = db
      .prepare(
        'SELECT length(data) AS bytes, base_hash IS NULL AS whole FROM revision_states WHERE page_id = ?',
      )
      .all(pageId) as { bytes: number; whole: number }[];
    const sizes = rows.map((row) => row.bytes).sort((a, b) => a - b);
    const onDisk = db
      .prepare(
        `SELECT coalesce(sum(pgsize), 0) AS bytes FROM dbstat WHERE name IN (
           SELECT name FROM sqlite_schema WHERE tbl_name IN
             ('revision_states', 'page_revisions', 'page_revision_contributors'))`,
      )
      .get() as { bytes: number };
    const hashes = db
      .prepare('SELECT content_hash AS hash FROM page_revisions WHERE page_id = ?')
      .all(pageId) as { hash: string }[];
    const cold = new SqliteRevisionStore(db, { cacheSize: 1 });
    let slowestReadMs = 0;
    for (const { hash } of hashes) {
      const started = performance.now();
      cold.readState(pageId, hash);
      slowestReadMs = Math.max(slowestReadMs, performance.now() - started);
    }
    const latest = store.latestRevision(pageId);
    const finalText = latest ? store.readState(pageId, latest.contentHash) : '';
    return {
      operations,
      revisions: stats.revisions,
      pauses,
      finalTextBytes: Buffer.byteLength(finalText, 'utf8'),
      finalWholeBytes: deflateRawSync(Buffer.from(finalText, 'utf8')).length,
      storedBytes: stats.storedBytes,
      onDiskBytes: onDisk.bytes,
      wholeCopiesBytes,
      perRevision: {
        median: percentile(sizes, 0.5),
        p90: percentile(sizes, 0.9),
        max: sizes.at(-1) ?? 0,
      },
      wholeStates: rows.filter((row) => row.whole === 1).length,
      milestones,
      slowestReadMs,
      endContentMatches:
        finalText === encodePageState({ title: 'automerge-paper', body: bodyOf(text) }) &&
        (operations < total || text === trace.endContent),
      pageBytes: Buffer.byteLength(text, 'utf8'),
    };
  } finally {
    await collab.closeAll();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The measurement as Markdown, for docs/benchmarks.md. */
export function formatStorageMeasurement(m: StorageMeasurement): string {
  return [
    `| | |`,
    `|---|---|`,
    `| operations replayed | ${m.operations.toLocaleString('en-US')} |`,
    `| revisions | ${m.revisions} (${m.pauses.jumps} at pauses, ${m.pauses.caps} at the 30-minute cap, 1 at the end) |`,
    `| final page | ${kib(m.pageBytes)} of text; stored state ${kib(m.finalTextBytes)} (canonical JSON), ${kib(m.finalWholeBytes)} deflated |`,
    `| history stored | **${kib(m.storedBytes)}** (${m.wholeStates} states whole, the rest as deltas) |`,
    `| history tables on disk, metadata and indexes included | ${kib(m.onDiskBytes)} (${Math.round(m.onDiskBytes / m.revisions)} bytes per revision) |`,
    `| same revisions stored whole | ${kib(m.wholeCopiesBytes)} (${(m.wholeCopiesBytes / m.storedBytes).toFixed(1)}× more) |`,
    `| bytes per revision | median ${m.perRevision.median}, p90 ${m.perRevision.p90}, max ${m.perRevision.max} |`,
    `| slowest revision read (cold) | ${m.slowestReadMs.toFixed(1)} ms |`,
    '',
    '| after operations | revisions | page | history stored | stored whole instead |',
    '|---:|---:|---:|---:|---:|',
    ...m.milestones.map(
      (row) =>
        `| ${row.operations.toLocaleString('en-US')} | ${row.revisions} | ${kib(row.pageBytes)} | ${kib(row.storedBytes)} | ${kib(row.wholeCopiesBytes)} |`,
    ),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const measured = await measureRevisionStorage();
  if (!measured) {
    process.stderr.write('No editing-traces corpus under LORE_CORPORA; nothing measured.\n');
    process.exit(1);
  }
  process.stdout.write(`${formatStorageMeasurement(measured)}\n`);
}
