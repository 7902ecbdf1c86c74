import type { Revision } from '@lore/api';
import { describe, expect, it } from 'vitest';
import { groupRevisionsByDay } from './groupRevisionsByDay';

const at = (id: string, date: Date): Revision => ({
  id,
  number: 1,
  kind: 'auto',
  name: null,
  note: null,
  title: '',
  createdAt: date.toISOString(),
  createdBy: null,
  contributors: [],
  restoredFrom: null,
});

describe('groupRevisionsByDay', () => {
  const now = new Date(2026, 5, 15, 12, 0);

  it('labels today and yesterday and keeps the newest-first order inside each day', () => {
    const days = groupRevisionsByDay(
      [
        at('a', new Date(2026, 5, 15, 11, 0)),
        at('b', new Date(2026, 5, 15, 0, 5)),
        at('c', new Date(2026, 5, 14, 23, 55)),
        at('d', new Date(2026, 5, 10, 9, 0)),
        at('e', new Date(2025, 11, 31, 9, 0)),
      ],
      now,
      'en-US',
    );
    expect(days.map((day) => [day.label, day.revisions.map((r) => r.id)])).toEqual([
      ['Today', ['a', 'b']],
      ['Yesterday', ['c']],
      ['Wednesday, June 10', ['d']],
      ['December 31, 2025', ['e']],
    ]);
    expect(days[0]?.key).toBe('2026-06-15');
  });

  it('returns no days for no revisions', () => {
    expect(groupRevisionsByDay([], now)).toEqual([]);
  });
});
