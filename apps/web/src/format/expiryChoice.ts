/** An expiry as chosen in a form: a number of days from now, never, or the end of a given day. */
export type ExpiryChoice =
  | { kind: 'days'; days: number }
  | { kind: 'never' }
  | { kind: 'date'; date: string };

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The ISO time a choice stands for, `null` for never, or `undefined` when a chosen date is
 * missing or not in the future. A date (`YYYY-MM-DD`) means the end of that day, local time.
 */
export function expiryFromChoice(choice: ExpiryChoice, now: Date): string | null | undefined {
  if (choice.kind === 'never') return null;
  if (choice.kind === 'days') return new Date(now.getTime() + choice.days * dayMs).toISOString();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(choice.date);
  if (!match) return undefined;
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  return end.getTime() > now.getTime() ? end.toISOString() : undefined;
}

/** `YYYY-MM-DD` of the day after `now`, local time: the earliest date a date field offers. */
export function tomorrowDate(now: Date): string {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}`;
}
