/**
 * The advisory lock keys Lore takes, in one place so that no two purposes ever share one: a
 * shared key would make unrelated work wait for each other, and a synchronous statement waiting
 * for a lock held by a pool transaction of the same process would stall that process.
 */
export const advisoryLocks = {
  /** Schema migrations: one process migrates, the others wait and find it done. */
  migration: 7_406_551,
  /** Event outbox appends, so numbers follow commit order. */
  eventAppend: 7_406_552,
  /** Account changes that check and write together (the last admin, the first user). */
  accounts: 7_406_553,
  /** Writes to the search index (word and space counts stay exact). */
  searchWrite: 7_406_554,
  /** With a consumer's name (two-key form): the process delivering that outbox consumer. */
  consumerClaim: 7_406_555,
} as const;
