import { describe, expect, it } from 'vitest';
import { facetToken } from './facetToken';
import { ftsFilterExpression } from './ftsFilterExpression';

const request = { text: 'x', readableSpaceIds: ['a', 'b'], limit: 20, offset: 0 };

describe('ftsFilterExpression', () => {
  it('restricts nothing when every indexed space is readable', () => {
    expect(ftsFilterExpression(request, ['a', 'b'])).toBe('');
  });

  it('writes the shorter of the readable and the unreadable spaces', () => {
    expect(ftsFilterExpression(request, ['a', 'b', 'c'])).toBe(
      ` NOT (facets : ("${facetToken.space('c')}"))`,
    );
    expect(ftsFilterExpression(request, ['a', 'c', 'd'])).toBe(
      ` AND (facets : ("${facetToken.space('a')}"))`,
    );
  });

  it('is null when no requested space is both readable and indexed', () => {
    expect(ftsFilterExpression({ ...request, readableSpaceIds: [] }, ['a'])).toBeNull();
    expect(ftsFilterExpression({ ...request, filters: { spaceIds: ['c'] } }, ['a', 'c'])).toBe(
      null,
    );
    expect(ftsFilterExpression(request, ['c'])).toBeNull();
  });

  it('adds authors and every tag as facet conditions', () => {
    const expression = ftsFilterExpression(
      { ...request, filters: { authorIds: ['u1'], tags: ['Ops', 'infra'] } },
      ['a'],
    );
    expect(expression).toBe(
      ` AND (facets : "${facetToken.tag('infra')}") AND (facets : "${facetToken.tag('Ops')}")` +
        ` AND (facets : ("${facetToken.author('u1')}"))`,
    );
  });
});
