// @ts-check
// The thread behind WalCheckpointer: its own connection to the database, which copies the WAL
// into the main file (and syncs both) every `intervalMs`, so the connection that commits never
// waits on those writes and fsyncs. Plain JavaScript so the thread starts without a TypeScript
// loader.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @type {{ path: string; intervalMs: number; busyTimeoutMs: number }} */
const { path, intervalMs, busyTimeoutMs } = workerData;
if (!parentPort) throw new Error('walCheckpointWorker runs as a worker thread.');
const port = parentPort;

/** @param {unknown} error */
const describe = (error) => (error instanceof Error ? error.message : String(error));

/** @returns {import('better-sqlite3').Database | null} */
function open() {
  try {
    const connection = new Database(path, { fileMustExist: true });
    connection.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    // This connection writes nothing; it only checkpoints when told to below.
    connection.pragma('wal_autocheckpoint = 0');
    return connection;
  } catch (error) {
    port.postMessage({ type: 'unusable', message: describe(error) });
    return null;
  }
}

/** @type {NodeJS.Timeout | undefined} */
let timer;

/** @param {import('better-sqlite3').Database} db */
function checkpoint(db) {
  try {
    const started = performance.now();
    // PASSIVE copies every frame no reader still needs, without waiting for or blocking writers.
    const [result] = /** @type {{ busy: number; log: number; checkpointed: number }[]} */ (
      db.pragma('wal_checkpoint(PASSIVE)')
    );
    if (result && result.log > 0) {
      port.postMessage({
        type: 'checkpointed',
        frames: result.log,
        copied: result.checkpointed,
        ms: performance.now() - started,
      });
    }
  } catch (error) {
    port.postMessage({ type: 'failed', message: describe(error) });
  }
  timer = setTimeout(checkpoint, intervalMs, db);
}

const db = open();
if (db) {
  port.on('message', (message) => {
    if (message !== 'stop') return;
    clearTimeout(timer);
    db.close();
    port.close();
  });
  timer = setTimeout(checkpoint, intervalMs, db);
} else {
  port.close();
}
