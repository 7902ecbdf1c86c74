import { describe, expect, it } from 'vitest';
import { maxTagsPerPage, normalizeTags } from './normalizeTags';

describe('normalizeTags', () => {
  it('trims, collapses spaces, drops a leading # and duplicates ignoring case', () => {
    expect(normalizeTags(['  Onboarding ', '#how  to', 'onboarding', 'HOW TO', 'Café'])).toEqual([
      'Onboarding',
      'how to',
      'Café',
    ]);
  });

  it('refuses empty, overlong, comma and control-character tags', () => {
    expect(() => normalizeTags(['  '])).toThrow(/empty/);
    expect(() => normalizeTags(['x'.repeat(41)])).toThrow(/longer than 40/);
    expect(() => normalizeTags(['a,b'])).toThrow(/comma/);
    expect(() => normalizeTags(['a\u0007b'])).toThrow(/control/);
    expect(normalizeTags(['😀'.repeat(40)])).toHaveLength(1);
  });

  it('caps the number of tags on a page', () => {
    const many = Array.from({ length: maxTagsPerPage + 1 }, (_, index) => `tag ${index}`);
    expect(() => normalizeTags(many)).toThrow(/at most 20/);
    expect(normalizeTags([...many.slice(0, maxTagsPerPage), 'TAG 0'])).toHaveLength(maxTagsPerPage);
  });
});
