import { describe, expect, it } from 'vitest';
import { readHistoryState } from '../history/historyParams';
import { compareSinceHref } from './compareSinceHref';

describe('compareSinceHref', () => {
  it('opens the history comparing the old revision with the current page, keeping the rest', () => {
    const href = compareSinceHref('?focus=1&history=other', 'rev-1');
    const params = new URLSearchParams(href);
    expect(params.get('focus')).toBe('1');
    expect(readHistoryState(params)).toEqual({
      open: true,
      selected: 'rev-1',
      view: 'compare',
      compareFrom: 'rev-1',
      compareTo: 'current',
      authors: false,
    });
  });
});
