import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { InvalidDocumentError } from './InvalidDocumentError';
import { sanitizeJSON } from './sanitizeJSON';
import { validateJSON } from './validateJSON';

const p = (text: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'paragraph',
  content: [marks ? { type: 'text', text, marks } : { type: 'text', text }],
});

describe('validateJSON', () => {
  it('accepts valid documents and fills in default attributes', () => {
    expect(
      validateJSON({
        type: 'doc',
        content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'H' }] }],
      }),
    ).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, id: null }, content: [{ type: 'text', text: 'H' }] },
      ],
    });
  });

  it.each<[string, unknown]>([
    ['not an object', 'text'],
    ['not a doc', { type: 'paragraph' }],
    ['unknown node', { type: 'doc', content: [{ type: 'widget' }] }],
    ['unknown mark', { type: 'doc', content: [p('x', [{ type: 'blink' }])] }],
    [
      'unknown attribute',
      { type: 'doc', content: [{ type: 'paragraph', attrs: { onclick: 'x' } }] },
    ],
    ['wrong nesting', { type: 'doc', content: [{ type: 'listItem', content: [p('x')] }] }],
    ['text at the top', { type: 'doc', content: [{ type: 'text', text: 'x' }] }],
    ['empty doc', { type: 'doc', content: [] }],
    [
      'script link',
      { type: 'doc', content: [p('x', [{ type: 'link', attrs: { href: 'javascript:x' } }])] },
    ],
    [
      'data image',
      {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'image', attrs: { src: 'data:x' } }] }],
      },
    ],
    ['bad heading level', { type: 'doc', content: [{ type: 'heading', attrs: { level: 7 } }] }],
    [
      'bad callout kind',
      { type: 'doc', content: [{ type: 'callout', attrs: { kind: 'shout' }, content: [p('x')] }] },
    ],
  ])('throws InvalidDocumentError for %s', (_name, value) => {
    expect(() => validateJSON(value)).toThrow(InvalidDocumentError);
    try {
      validateJSON(value);
    } catch (error) {
      expect((error as InvalidDocumentError).code).toBe('invalid_document');
    }
  });
});

describe('sanitizeJSON', () => {
  it('repairs what it can and keeps the text', () => {
    const result = sanitizeJSON({
      type: 'doc',
      content: [
        { type: 'text', text: 'loose text' },
        { type: 'widget', content: [p('inside widget')] },
        { type: 'listItem', content: [p('orphan item')] },
        p('bad link', [{ type: 'link', attrs: { href: 'javascript:x' } }, { type: 'bold' }]),
        { type: 'heading', attrs: { level: 12, onclick: 'x' }, content: [p('para in heading')] },
        {
          type: 'paragraph',
          content: [{ type: 'image', attrs: { src: 'data:x', alt: 'described' } }],
        },
        { type: 'table', content: [] },
      ],
    });
    expect(() => validateJSON(result)).not.toThrow();
    expect(result).toEqual({
      type: 'doc',
      content: [
        p('loose text'),
        p('inside widget'),
        { type: 'bulletList', content: [{ type: 'listItem', content: [p('orphan item')] }] },
        p('bad link', [{ type: 'bold' }]),
        {
          type: 'heading',
          attrs: { level: 6, id: 'para-in-heading' },
          content: [{ type: 'text', text: 'para in heading' }],
        },
        p('described'),
      ],
    });
  });

  it('fills in required content and keeps text that loses its formatting', () => {
    const code = (text: string, marks?: JSONContent['marks']): JSONContent => ({
      type: 'codeBlock',
      attrs: { language: null },
      content: [marks ? { type: 'text', text, marks } : { type: 'text', text }],
    });
    const result = sanitizeJSON({
      type: 'doc',
      content: [
        { type: 'bulletList', content: [{ type: 'listItem', content: [code('npm i')] }] },
        {
          type: 'codeBlock',
          content: [
            { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'image', attrs: { src: 'https://x.test/a.png', alt: 'pic' } },
          ],
        },
      ],
    });
    expect(result).toEqual({
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph' }, code('npm i')] }],
        },
        code('bold\npic'),
      ],
    });
  });

  it('turns anything else into a valid empty document', () => {
    expect(sanitizeJSON(null)).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(sanitizeJSON({ type: 'doc', content: 'x' })).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    });
  });
});
