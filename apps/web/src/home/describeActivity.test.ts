import { describe, expect, it } from 'vitest';
import { describeActivity } from './describeActivity';

describe('describeActivity', () => {
  it('names who did what to which page', () => {
    const page = { id: 'p', shortId: 's', title: 'Runbook', icon: null, url: '/d/r-s' };
    const at = '2026-01-01T00:00:00.000Z';
    expect(describeActivity({ kind: 'deleted', page, actor: { id: 'u', name: 'Sam' }, at })).toBe(
      'Sam moved to the trash Runbook',
    );
    expect(
      describeActivity({ kind: 'edited', page: { ...page, title: '' }, actor: null, at }),
    ).toBe('Lore edited Untitled');
  });
});
