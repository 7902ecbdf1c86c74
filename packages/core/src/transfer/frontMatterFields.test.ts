import { describe, expect, it } from 'vitest';
import { frontMatterOrder, frontMatterTitle } from './frontMatterFields';

describe('frontMatterTitle', () => {
  it('reads plain, quoted and TOML titles', () => {
    expect(frontMatterTitle({ format: 'yaml', raw: 'layout: x\ntitle: Hello world # note' })).toBe(
      'Hello world',
    );
    expect(frontMatterTitle({ format: 'yaml', raw: 'title: "A \\"quoted\\" title"' })).toBe(
      'A "quoted" title',
    );
    expect(frontMatterTitle({ format: 'yaml', raw: "title: 'It''s here'" })).toBe("It's here");
    expect(frontMatterTitle({ format: 'toml', raw: 'title = "From TOML"' })).toBe('From TOML');
  });

  it('returns null without a title', () => {
    expect(frontMatterTitle(null)).toBeNull();
    expect(frontMatterTitle({ format: 'yaml', raw: 'subtitle: no\n  title: nested' })).toBeNull();
    expect(frontMatterTitle({ format: 'yaml', raw: 'title: ""' })).toBeNull();
  });
});

describe('frontMatterOrder', () => {
  it('reads a number and ignores anything else', () => {
    expect(frontMatterOrder({ format: 'yaml', raw: 'title: x\norder: 3' })).toBe(3);
    expect(frontMatterOrder({ format: 'toml', raw: 'order = -1.5' })).toBe(-1.5);
    expect(frontMatterOrder({ format: 'yaml', raw: 'order: soon' })).toBeNull();
    expect(frontMatterOrder({ format: 'yaml', raw: 'ordering: 1' })).toBeNull();
  });
});
