import type { Revision } from '@lore/api';

export interface RevisionDay {
  /** `YYYY-MM-DD` in the reader's time zone, stable for React keys. */
  key: string;
  /** "Today", "Yesterday" or a date in the reader's locale. */
  label: string;
  revisions: Revision[];
}

const dayKey = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * Splits a newest-first list of revisions into days in the reader's time zone, keeping the
 * order, so the history reads like a diary.
 */
export function groupRevisionsByDay(
  revisions: readonly Revision[],
  now: Date,
  locale?: string,
): RevisionDay[] {
  const today = dayKey(now);
  const yesterday = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  const dateLabel = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  });
  const otherYear = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const days: RevisionDay[] = [];
  for (const revision of revisions) {
    const created = new Date(revision.createdAt);
    const key = dayKey(created);
    const last = days[days.length - 1];
    if (last?.key === key) {
      last.revisions.push(revision);
      continue;
    }
    const label =
      key === today
        ? 'Today'
        : key === yesterday
          ? 'Yesterday'
          : created.getFullYear() === now.getFullYear()
            ? dateLabel.format(created)
            : otherYear.format(created);
    days.push({ key, label, revisions: [revision] });
  }
  return days;
}
