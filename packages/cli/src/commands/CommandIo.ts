/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIo {
  readonly env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
}
