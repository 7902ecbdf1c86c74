/** A workspace term and what it means, e.g. PTO → "paid time off". */
export interface GlossaryEntry {
  readonly id: string;
  readonly term: string;
  readonly meaning: string;
  /** Other ways to say the same thing; search treats them as synonyms of the term. */
  readonly expansions: readonly string[];
  readonly createdBy: string | null;
  readonly createdAt: number;
  readonly updatedBy: string | null;
  readonly updatedAt: number;
}
