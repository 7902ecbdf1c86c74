import { describe, expect, it } from 'vitest';
import { correctQueryText } from './correctQueryText';
import { editDistanceWithin } from './editDistanceWithin';
import type { HighlightedText } from './HighlightRange';
import { readMatchMarkers } from './matchMarkers';
import { matchSnippet } from './matchSnippet';
import { parseQuery } from './parseQuery';
import { termMatcher } from './TermMatcher';
import { typoBudget } from './typoBudget';

describe('parseQuery', () => {
  it('reads words, phrases, exclusions and the word being typed', () => {
    expect(parseQuery('Café "time  off" -draft -"old plan" onbo')).toEqual({
      required: [
        { kind: 'word', text: 'cafe', prefix: false },
        { kind: 'phrase', words: ['time', 'off'] },
        { kind: 'word', text: 'onbo', prefix: true },
      ],
      excluded: [
        { kind: 'word', text: 'draft', prefix: false },
        { kind: 'phrase', words: ['old', 'plan'] },
      ],
    });
    expect(parseQuery('onbo ').required).toEqual([{ kind: 'word', text: 'onbo', prefix: false }]);
  });

  it('drops question words unless nothing else is left, and joins punctuated words', () => {
    expect(parseQuery('How do I set up the VPN?').required).toEqual([
      { kind: 'word', text: 'set', prefix: false },
      { kind: 'word', text: 'up', prefix: false },
      { kind: 'word', text: 'vpn', prefix: false },
    ]);
    expect(parseQuery('how to').required.map((c) => c.kind)).toEqual(['word', 'word']);
    expect(parseQuery('node.js e-mail').required).toEqual([
      { kind: 'phrase', words: ['node', 'js'] },
      { kind: 'phrase', words: ['e', 'mail'] },
    ]);
  });

  it('gives operators, control characters and huge input no special power', () => {
    expect(parseQuery('a AND (b OR c) NOT d NEAR/3 e* : {x}').required.length).toBeLessThan(11);
    expect(parseQuery('\u0000\u202e""- -').required).toEqual([]);
    expect(parseQuery('-only').required).toEqual([]);
    const huge = parseQuery('word '.repeat(10_000));
    expect(huge.required.length).toBe(1);
    expect(parseQuery('"unclosed phrase here').required).toEqual([
      { kind: 'phrase', words: ['unclosed', 'phrase', 'here'] },
    ]);
  });
});

describe('typo helpers', () => {
  it('allows one typo from 5 letters and two from 9', () => {
    expect([typoBudget('wiki'), typoBudget('pages'), typoBudget('onboarding')]).toEqual([0, 1, 2]);
  });

  it('counts edits, swaps included, and gives up past the limit', () => {
    expect(editDistanceWithin('onboarding', 'onbaording', 2)).toBe(1);
    expect(editDistanceWithin('vacation', 'vacaton', 1)).toBe(1);
    expect(editDistanceWithin('vacation', 'vcatiom', 1)).toBe(Number.POSITIVE_INFINITY);
    expect(editDistanceWithin('kitten', 'sitting', 3)).toBe(3);
    expect(editDistanceWithin('same', 'same', 0)).toBe(0);
  });

  it('corrects only the misspelled words of what the user typed', () => {
    expect(
      correctQueryText('How to Onbaording a  hire?', new Map([['onbaording', 'onboarding']])),
    ).toBe('How to onboarding a  hire?');
  });
});

describe('matchSnippet', () => {
  const marked = ({ text, highlights }: HighlightedText) =>
    highlights.map((range) => text.slice(range.start, range.end));

  it('picks the window with the most distinct matches and gives their ranges', () => {
    const text = `${'filler words here. '.repeat(30)}The <b>expense</b> policy covers travel & meals. ${'more filler. '.repeat(40)}`;
    const snippet = matchSnippet(text, termMatcher(['expense', 'travel']));
    expect(snippet.text).toContain('The <b>expense</b> policy covers travel & meals.');
    expect(marked(snippet)).toEqual(['expense', 'travel']);
    expect(snippet.text.startsWith('… ')).toBe(true);
    expect(snippet.text.endsWith(' …')).toBe(true);
    expect(matchSnippet('Short page.', termMatcher(['none']))).toEqual({
      text: 'Short page.',
      highlights: [],
    });
    expect(matchSnippet('Prefix match: onboarding', termMatcher([], ['onb']))).toEqual({
      text: 'Prefix match: onboarding',
      highlights: [{ start: 14, end: 24 }],
    });
  });

  it('counts offsets in UTF-16 code units, after collapsed whitespace', () => {
    const snippet = matchSnippet('🙂 Café\n\n  menu', termMatcher(['cafe', 'menu']));
    expect(snippet.text).toBe('🙂 Café menu');
    expect(marked(snippet)).toEqual(['Café', 'menu']);
  });
});

describe('readMatchMarkers', () => {
  it('turns engine markers into plain text and ranges, tolerating stray markers', () => {
    expect(readMatchMarkers('… week of \uE000onboarding\uE001 & <b> …')).toEqual({
      text: '… week of onboarding & <b> …',
      highlights: [{ start: 10, end: 20 }],
    });
    expect(readMatchMarkers('\uE001a\uE000\uE000b\uE001\uE000\uE001c\uE000d')).toEqual({
      text: 'abcd',
      highlights: [
        { start: 1, end: 2 },
        { start: 3, end: 4 },
      ],
    });
  });
});
