import { describe, expect, it } from 'vitest';
import { changedCharacters } from './changedCharacters';
import { pageChangeRecipients } from './pageChangeRecipients';

const hour = 3_600_000;

describe('pageChangeRecipients', () => {
  const base = {
    lastNotifiedAt: new Map<string, number>(),
    editors: new Set<string>(),
    changedAt: 10 * hour,
    at: 10 * hour,
    windowMs: 6 * hour,
  };

  it('leaves out the editors and whoever opened the page after the change', () => {
    expect(
      pageChangeRecipients({
        ...base,
        watchers: [
          { userId: 'ada', via: 'page', lastViewedAt: null },
          { userId: 'bob', via: 'space', lastViewedAt: 10 * hour },
          { userId: 'cy', via: 'page', lastViewedAt: 9 * hour },
          { userId: 'dee', via: 'page', lastViewedAt: null },
        ],
        editors: new Set(['dee']),
      }),
    ).toEqual(['ada', 'cy']);
  });

  it('tells a watcher at most once per window', () => {
    const watchers = [
      { userId: 'ada', via: 'page' as const, lastViewedAt: null },
      { userId: 'bob', via: 'page' as const, lastViewedAt: null },
    ];
    expect(
      pageChangeRecipients({
        ...base,
        watchers,
        lastNotifiedAt: new Map([
          ['ada', 5 * hour],
          ['bob', 3 * hour],
        ]),
      }),
    ).toEqual(['bob']);
  });
});

describe('changedCharacters', () => {
  it('counts what was inserted and removed, not what stayed', () => {
    expect(changedCharacters('same\ntext\n', 'same\ntext\n')).toBe(0);
    expect(changedCharacters('Hello world\n', 'Hello brave world\n')).toBe(6);
    expect(changedCharacters('one\ntwo\nthree\n', 'one\nthree\n')).toBe(4);
    expect(changedCharacters('', 'x'.repeat(80))).toBe(80);
  });
});
