import type { SuggestedPage } from '@lore/api';
import { describe, expect, it } from 'vitest';
import { filterSuggestions } from './filterSuggestions';

const page = (id: string, title: string): SuggestedPage => ({
  id,
  shortId: id,
  title,
  icon: null,
  url: `/eng/${id}`,
  space: { id: 's', slug: 'eng', name: 'Engineering' },
});

const pages = [
  page('1', 'Release checklist'),
  page('2', 'Plan for the launch'),
  page('3', 'Launch plan'),
  page('4', 'Relaunch retrospective'),
  page('5', 'Budget'),
];

describe('filterSuggestions', () => {
  it('ranks title prefix, then word prefix, then substring matches', () => {
    expect(filterSuggestions(pages, 'launch').map((p) => p.id)).toEqual(['3', '2', '4']);
  });

  it('ignores case and surrounding spaces, and drops pages that do not match', () => {
    expect(filterSuggestions(pages, '  BUD ').map((p) => p.id)).toEqual(['5']);
    expect(filterSuggestions(pages, 'zebra')).toEqual([]);
  });

  it('keeps the given order for an empty query, without duplicates, up to the limit', () => {
    expect(
      filterSuggestions([...pages, page('1', 'Release checklist')], '', 3).map((p) => p.id),
    ).toEqual(['1', '2', '3']);
  });
});
