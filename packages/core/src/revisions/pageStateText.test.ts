import { describe, expect, it } from 'vitest';
import { canonicalJson, decodePageState, encodePageState, pageStateHash } from './pageStateText';

describe('page state text', () => {
  const state = {
    title: 'Runbook\nline',
    body: {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2, id: 'intro' },
          content: [{ type: 'text', text: 'Intro' }],
        },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'two\nlines', marks: [{ type: 'bold' }] }],
        },
      ],
    },
  };

  it('puts the title, the document and each block on a line of their own and reads them back', () => {
    const text = encodePageState(state);
    expect(text.split('\n')).toHaveLength(4);
    expect(text.split('\n')[1]).toBe('{"type":"doc"}');
    expect(decodePageState(text)).toEqual(state);
  });

  it('gives equal states equal text and hash whatever their key order', () => {
    const reordered = {
      body: {
        content: [
          {
            content: [{ text: 'Intro', type: 'text' }],
            attrs: { id: 'intro', level: 2 },
            type: 'heading',
          },
          {
            content: [{ marks: [{ type: 'bold' }], type: 'text', text: 'two\nlines' }],
            type: 'paragraph',
          },
        ],
        type: 'doc',
      },
      title: 'Runbook\nline',
    };
    expect(encodePageState(reordered)).toBe(encodePageState(state));
    expect(pageStateHash(encodePageState(reordered))).toBe(pageStateHash(encodePageState(state)));
    expect(pageStateHash(encodePageState({ ...state, title: 'Other' }))).not.toBe(
      pageStateHash(encodePageState(state)),
    );
    expect(canonicalJson({ b: 1, a: [true, null, 'x'] })).toBe('{"a":[true,null,"x"],"b":1}');
  });

  it('refuses text that is not an encoded state', () => {
    expect(() => decodePageState('')).toThrow();
    expect(() => decodePageState('1\n{}')).toThrow('Not an encoded page state.');
  });
});
