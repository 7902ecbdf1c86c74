import type { ServerKeyStore } from '@lore/core';
import type { Db } from '../openDatabase';

/** `ServerKeyStore` on the Lore SQLite database (migration 0018). */
export class SqliteServerKeyStore implements ServerKeyStore {
  readonly #s;

  constructor(db: Db) {
    this.#s = {
      insert: db.prepare<[string, string, number]>(
        'INSERT INTO server_keys (name, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING',
      ),
      read: db.prepare<[string], { secret: string }>(
        'SELECT secret FROM server_keys WHERE name = ?',
      ),
    };
  }

  ensureKey(name: string, candidate: string, at: number): string {
    this.#s.insert.run(name, candidate, at);
    const row = this.#s.read.get(name);
    if (!row) throw new Error(`The server key ${name} could not be stored.`);
    return row.secret;
  }
}
