import type { GlossaryEntry } from './GlossaryEntry';

/** Persistence of the glossary. Every change bumps `version()` in the same transaction. */
export interface GlossaryStore {
  /** Every entry, ordered by term (case-insensitive). */
  list(): GlossaryEntry[];
  findById(id: string): GlossaryEntry | null;
  /** Inserts; false when an entry with the same `termKey` exists. */
  insert(entry: GlossaryEntry, termKey: string): boolean;
  /** Replaces; false when another entry already has `termKey`. */
  update(entry: GlossaryEntry, termKey: string): boolean;
  /** False when there was no such entry. */
  remove(id: string): boolean;
  /** Grows with every change; search engines catch up with it. */
  version(): number;
}
