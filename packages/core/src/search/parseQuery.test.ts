import { describe, expect, it } from 'vitest';
import { correctQueryText } from './correctQueryText';
import { editDistanceWithin } from './editDistanceWithin';
import { parseQuery } from './parseQuery';
import { snippetHtml } from './snippetHtml';
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

describe('snippetHtml', () => {
  it('picks the window with the most distinct matches, escapes and marks', () => {
    const text = `${'filler words here. '.repeat(30)}The <b>expense</b> policy covers travel & meals. ${'more filler. '.repeat(40)}`;
    const html = snippetHtml(text, termMatcher(['expense', 'travel']));
    expect(html).toContain('&lt;b&gt;<mark>expense</mark>&lt;/b&gt;');
    expect(html).toContain('<mark>travel</mark> &amp; meals');
    expect(html.startsWith('… ')).toBe(true);
    expect(html.endsWith(' …')).toBe(true);
    expect(snippetHtml('Short page.', termMatcher(['none']))).toBe('Short page.');
    expect(snippetHtml('Prefix match: onboarding', termMatcher([], ['onb']))).toBe(
      'Prefix match: <mark>onboarding</mark>',
    );
  });
});
