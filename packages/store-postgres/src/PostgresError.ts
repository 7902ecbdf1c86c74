/** A statement PostgreSQL refused, with its SQLSTATE (`23505` is a unique violation). */
export class PostgresError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly constraint: string | null,
    readonly detail: string | null,
  ) {
    super(message);
    this.name = 'PostgresError';
  }

  /** Whether `error` is a unique-constraint violation (optionally of one named constraint). */
  static isUniqueViolation(error: unknown, constraint?: string): boolean {
    return (
      error instanceof PostgresError &&
      error.code === '23505' &&
      (constraint === undefined || error.constraint === constraint)
    );
  }
}
