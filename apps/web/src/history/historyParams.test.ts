import { describe, expect, it } from 'vitest';
import { closedHistory, compareSides, readHistoryState, writeHistoryState } from './historyParams';

const read = (query: string) => readHistoryState(new URLSearchParams(query));

describe('the history panel state in the URL', () => {
  it('is closed without ?history and open with the list alone for a bare ?history', () => {
    expect(read('')).toEqual(closedHistory);
    expect(read('history')).toEqual({ ...closedHistory, open: true });
  });

  it('reads a selection, a view, comparison sides and the authors toggle', () => {
    expect(
      read('history=r-1&historyView=markdown&historyFrom=r-0&historyTo=current&historyAuthors=1'),
    ).toEqual({
      open: true,
      selected: 'r-1',
      view: 'markdown',
      compareFrom: 'r-0',
      compareTo: 'current',
      authors: true,
    });
  });

  it('ignores unknown views and values that are not ids', () => {
    const state = read('history=../../etc&historyView=raw&historyFrom=a%20b');
    expect(state).toMatchObject({ open: true, selected: null, view: 'version', compareFrom: null });
  });

  it('writes only its own parameters and keeps the others', () => {
    const params = writeHistoryState(new URLSearchParams('tab=links&history=old'), {
      ...closedHistory,
      open: true,
      selected: 'r-2',
      view: 'compare',
      compareTo: 'r-3',
    });
    expect(params.toString()).toBe('tab=links&history=r-2&historyView=compare&historyTo=r-3');
    expect(writeHistoryState(params, closedHistory).toString()).toBe('tab=links');
  });

  it('round-trips every state it writes', () => {
    const state = {
      open: true,
      selected: 'current',
      view: 'version' as const,
      compareFrom: 'a',
      compareTo: 'b',
      authors: true,
    };
    expect(readHistoryState(writeHistoryState(new URLSearchParams(), state))).toEqual(state);
  });
});

describe('the default comparison', () => {
  const open = { ...closedHistory, open: true };

  it('compares a selected revision with the page as it is now', () => {
    expect(compareSides({ ...open, selected: 'r-1' }, 'r-9')).toEqual({
      from: 'r-1',
      to: 'current',
    });
  });

  it('compares the current page with the latest revision, or with nothing if there is none', () => {
    expect(compareSides({ ...open, selected: 'current' }, 'r-9')).toEqual({
      from: 'r-9',
      to: 'current',
    });
    expect(compareSides({ ...open, selected: 'current' }, null)).toBeNull();
  });

  it('uses the sides picked explicitly', () => {
    expect(
      compareSides({ ...open, selected: 'r-1', compareFrom: 'r-2', compareTo: 'r-3' }, 'r-9'),
    ).toEqual({ from: 'r-2', to: 'r-3' });
  });
});
