/**
 * A CSV field (RFC 4180), quoted when it holds a comma, quote or line break. A value starting
 * with = + - @ (or a tab or carriage return) is prefixed with ' so that spreadsheets show it as
 * text instead of running it as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
