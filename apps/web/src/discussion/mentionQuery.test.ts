import { describe, expect, it } from 'vitest';
import { insertMention, mentionedIds, mentionQueryAt } from './mentionQuery';

describe('mentionQueryAt', () => {
  it('finds the name typed after an @ at the caret', () => {
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Ask @ad', 7)).toEqual({ start: 4, query: 'ad' });
    expect(mentionQueryAt('Ask @Ada Love', 13)).toEqual({ start: 4, query: 'Ada Love' });
    expect(mentionQueryAt('(@gr', 4)).toEqual({ start: 1, query: 'gr' });
  });

  it('ignores addresses, finished mentions and text after the caret', () => {
    expect(mentionQueryAt('ada@example.com', 15)).toBeNull();
    expect(mentionQueryAt('@[Ada](user:u1) and', 19)).toBeNull();
    expect(mentionQueryAt('Ask @ada\nthen', 13)).toBeNull();
    expect(mentionQueryAt('Ask @a  b', 9)).toBeNull();
    expect(mentionQueryAt('No mention @ada', 3)).toBeNull();
  });
});

describe('insertMention', () => {
  it('replaces the typed name with the mention and a space, and puts the caret after it', () => {
    const text = 'Ask @ad about it';
    const mention = mentionQueryAt(text, 7);
    if (!mention) throw new Error('no mention');
    const result = insertMention(text, mention, 7, { id: 'u1', name: 'Ada Lovelace' });
    expect(result.text).toBe('Ask @[Ada Lovelace](user:u1) about it');
    expect(result.text.slice(0, result.caret)).toBe('Ask @[Ada Lovelace](user:u1) ');
  });

  it('keeps brackets out of the name so the Markdown stays whole', () => {
    const result = insertMention('@x', { start: 0, query: 'x' }, 2, { id: 'u2', name: 'X [bot]' });
    expect(result.text).toBe('@[X bot](user:u2) ');
    expect(mentionedIds(result.text)).toEqual(['u2']);
  });
});

describe('mentionedIds', () => {
  it('lists each mentioned person once', () => {
    expect(mentionedIds('@[Ada](user:u1) and @[Grace](user:u2), again @[Ada](user:u1)')).toEqual([
      'u1',
      'u2',
    ]);
    expect(mentionedIds('no one, not even @ada')).toEqual([]);
  });
});
