import { describe, expect, it } from 'vitest';
import { readableTextColor } from './readableTextColor';

describe('readableTextColor', () => {
  it('puts black on light backgrounds', () => {
    expect(readableTextColor('#ffffff')).toBe('#000000');
    expect(readableTextColor('#f5c542')).toBe('#000000');
  });

  it('puts white on dark backgrounds', () => {
    expect(readableTextColor('#000000')).toBe('#ffffff');
    expect(readableTextColor('#2f5fd0')).toBe('#ffffff');
  });

  it('falls back to white for colors it cannot read', () => {
    expect(readableTextColor('teal')).toBe('#ffffff');
  });
});
