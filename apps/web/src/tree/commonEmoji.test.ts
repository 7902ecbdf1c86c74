import { describe, expect, it } from 'vitest';
import { commonEmoji, parseIconInput } from './commonEmoji';

describe('parseIconInput', () => {
  it('accepts one emoji, including joined and flag sequences', () => {
    expect(parseIconInput(' 🚀 ')).toBe('🚀');
    expect(parseIconInput('👩‍💻')).toBe('👩‍💻');
    expect(parseIconInput('🇫🇷')).toBe('🇫🇷');
    expect(parseIconInput('⚙️')).toBe('⚙️');
  });

  it('refuses text, several emoji and nothing', () => {
    expect(parseIconInput('a')).toBeNull();
    expect(parseIconInput('🚀🚀')).toBeNull();
    expect(parseIconInput('')).toBeNull();
  });

  it('offers only icons it would accept', () => {
    expect(commonEmoji.filter((emoji) => parseIconInput(emoji) === null)).toEqual([]);
  });
});
