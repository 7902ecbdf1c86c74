// The one PostgreSQL connection behind a `PostgresDatabase`. The main thread posts a statement,
// then sleeps on a shared counter; this thread runs it with node-postgres, posts the answer and
// bumps the counter. Plain JavaScript so that it runs as-is under tsx, vitest and the built server.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { describePostgresFailure as describe } from './postgresFailure.mjs';

if (!parentPort) throw new Error('postgresWorker runs as a worker thread.');

const { port, signal, url, applicationName, connectTimeoutMs } = workerData;
const done = new Int32Array(signal);

// Timestamps are milliseconds in BIGINT columns; they fit in a double.
const types = {
  getTypeParser: (oid, format) =>
    oid === 20 ? (value) => Number(value) : pg.types.getTypeParser(oid, format),
};

let client = null;
let connecting = null;
const statementNames = new Map();

async function connection() {
  if (client) return client;
  if (!connecting) {
    const next = new pg.Client({
      connectionString: url,
      application_name: applicationName,
      connectionTimeoutMillis: connectTimeoutMs,
      types,
    });
    // A dropped connection is noticed here and at the next statement; never a crash.
    next.on('error', () => {
      if (client === next) client = null;
    });
    connecting = next
      .connect()
      .then(() => {
        client = next;
        return next;
      })
      .finally(() => {
        connecting = null;
      });
  }
  return connecting;
}

function toParam(value) {
  // Structured cloning turns Buffers into plain Uint8Arrays; give node-postgres a Buffer back.
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return value;
}

async function runOne(db, statement) {
  const values = statement.params?.map(toParam);
  if (!values || values.length === 0 || statement.unnamed) {
    return db.query({ text: statement.sql, values });
  }
  // Statements with parameters are prepared once per connection, by text.
  let name = statementNames.get(statement.sql);
  if (!name) {
    name = `lore_${statementNames.size + 1}`;
    statementNames.set(statement.sql, name);
  }
  return db.query({ name, text: statement.sql, values });
}

async function handle(request) {
  if (request.kind === 'close') {
    const current = client;
    client = null;
    await current?.end().catch(() => {});
    return { ok: true, results: [] };
  }
  let db;
  try {
    db = await connection();
  } catch (error) {
    return { ok: false, error: { ...describe(error), unavailable: true } };
  }
  const results = [];
  try {
    for (const statement of request.statements) {
      const result = await runOne(db, statement);
      results.push({ rows: result.rows ?? [], rowCount: result.rowCount ?? 0 });
    }
    return { ok: true, results };
  } catch (error) {
    const described = describe(error);
    if (described.unavailable && client === db) {
      client = null;
      db.end().catch(() => {});
    }
    return { ok: false, error: described };
  }
}

port.on('message', async (request) => {
  let response;
  try {
    response = await handle(request);
  } catch (error) {
    response = { ok: false, error: describe(error) };
  }
  port.postMessage({ id: request.id, ...response });
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
