const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() &&
  a.getMonth() === b.getMonth() &&
  a.getDate() === b.getDate();

/**
 * When something happened, to follow "Last edited by Ada": "today at 14:05", "yesterday at
 * 09:12" or "on 3 Mar 2026 at 17:40", in the reader's locale and time zone.
 */
export function formatEditTime(iso: string, now: Date, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
  if (sameDay(date, now)) return `today at ${time}`;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (sameDay(date, yesterday)) return `yesterday at ${time}`;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
  return `on ${day} at ${time}`;
}
