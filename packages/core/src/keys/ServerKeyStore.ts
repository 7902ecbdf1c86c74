/**
 * The server's own secret keys, by name (such as `unsubscribe`, which signs unsubscribe links),
 * kept in the database so every process of an install signs and checks with the same key and
 * links keep working across restarts.
 */
export interface ServerKeyStore {
  /**
   * The key stored under `name`; when there is none yet, stores `candidate` (made at `at`) and
   * returns it. When several processes race, all get the key that was stored first.
   */
  ensureKey(name: string, candidate: string, at: number): string;
}
