import { describe, expect, it } from 'vitest';
import { GlossaryMatcher } from './GlossaryMatcher';

const pto = { id: '1', term: 'PTO', expansions: ['paid time off'] };
const onCall = { id: '2', term: 'on-call', expansions: [] };
const it_ = { id: '3', term: 'IT', expansions: ['information technology'] };
const review = { id: '4', term: 'Design review', expansions: [] };
const design = { id: '5', term: 'design', expansions: [] };

describe('GlossaryMatcher', () => {
  it('finds whole words only, with their positions', () => {
    const matcher = new GlossaryMatcher([pto, onCall]);
    const text = 'Book PTO before your on-call week; PTOs and laptop do not count.';
    expect(matcher.find(text).map((m) => [text.slice(m.from, m.to), m.entry.id])).toEqual([
      ['PTO', '1'],
      ['on-call', '2'],
    ]);
  });

  it('needs capitals for acronyms but ignores case otherwise', () => {
    const matcher = new GlossaryMatcher([it_, onCall]);
    expect(matcher.find('Ask IT, it knows').map((m) => m.from)).toEqual([4]);
    expect(matcher.find('ON-CALL rota')).toHaveLength(1);
  });

  it('prefers the longer term and allows any spacing inside it', () => {
    const matcher = new GlossaryMatcher([design, review]);
    const [first, second] = matcher.find('The design\u00a0 review of the design');
    expect(first?.entry.id).toBe('4');
    expect(second?.entry.id).toBe('5');
  });

  it('matches expansions only when asked to', () => {
    expect(new GlossaryMatcher([pto]).entriesIn('how much paid time off')).toEqual([]);
    expect(
      new GlossaryMatcher([pto], { withExpansions: true }).entriesIn('how much paid time off'),
    ).toEqual([pto]);
  });

  it('treats special characters literally and copes with no terms', () => {
    const cpp = { id: '6', term: 'C++ (old)', expansions: [] };
    expect(new GlossaryMatcher([cpp]).find('we use C++ (old) here')).toHaveLength(1);
    const none = new GlossaryMatcher([]);
    expect(none.empty).toBe(true);
    expect(none.find('anything')).toEqual([]);
  });
});
