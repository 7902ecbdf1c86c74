import pg from 'pg';

/**
 * Type parsing for queries on a `pg.Pool`, matching `PostgresDatabase`: BIGINT (sequence
 * numbers, counts, millisecond timestamps, all far below 2^53) as a JavaScript number.
 */
export const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};
