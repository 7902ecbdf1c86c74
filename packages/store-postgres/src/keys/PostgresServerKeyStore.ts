import type { ServerKeyStore } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

/** `ServerKeyStore` on PostgreSQL (migration 0012). */
export class PostgresServerKeyStore implements ServerKeyStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  ensureKey(name: string, candidate: string, at: number): string {
    this.#db.run(
      `INSERT INTO server_keys (name, secret, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO NOTHING`,
      [name, candidate, at],
    );
    const row = this.#db.one<{ secret: string }>('SELECT secret FROM server_keys WHERE name = $1', [
      name,
    ]);
    if (!row) throw new Error(`The server key ${name} could not be stored.`);
    return row.secret;
  }
}
