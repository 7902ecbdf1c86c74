import type { SqlValue } from '@lore/store-postgres';

/** The parameters of one statement being written: `add` returns the placeholder (`$n`). */
export class SqlParameters {
  readonly values: SqlValue[] = [];

  add(value: SqlValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
