import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { getSchema } from '../getSchema';
import { htmlToJSON } from '../htmlToJSON';
import { InvalidDocumentError } from '../InvalidDocumentError';
import { jsonToHTML } from '../jsonToHTML';
import { jsonToMarkdown } from '../jsonToMarkdown';
import { jsonToPlainText } from '../jsonToPlainText';
import { jsonToYDoc } from '../jsonToYDoc';
import { markdownToJSON } from '../markdownToJSON';
import { readFragmentJSON } from '../readFragmentJSON';
import { sanitizeJSON } from '../sanitizeJSON';
import { validateJSON } from '../validateJSON';
import { yDocToJSON } from '../yDocToJSON';

const comment = (threadId: string, resolved = false) => ({
  type: 'comment',
  attrs: { threadId, resolved },
});

/** "Read the **manual** first." with two threads over "the manual", one resolved. */
const annotated: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Read ' },
        { type: 'text', text: 'the ', marks: [comment('t-1'), comment('t-2', true)] },
        {
          type: 'text',
          text: 'manual',
          marks: [{ type: 'bold' }, comment('t-1'), comment('t-2', true)],
        },
        { type: 'text', text: ' first.' },
      ],
    },
  ],
};

const plain: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Read the ' },
        { type: 'text', text: 'manual', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' first.' },
      ],
    },
  ],
};

describe('the comment mark', () => {
  it('is part of the schema: overlapping, not inclusive, validated', () => {
    const type = getSchema().marks.comment;
    expect(type?.spec.inclusive).toBe(false);
    expect(type?.excludes(type)).toBe(false);
    expect(Object.keys(type?.spec.attrs ?? {})).toEqual(['threadId', 'resolved']);
    expect(validateJSON(annotated)).toEqual(annotated);
    const bad = (attrs: Record<string, unknown>) => ({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'x', marks: [{ type: 'comment', attrs }] }],
        },
      ],
    });
    expect(() => validateJSON(bad({ threadId: '<b>' }))).toThrow(InvalidDocumentError);
    expect(() => validateJSON(bad({ threadId: 't-1', resolved: 'yes' }))).toThrow(
      InvalidDocumentError,
    );
    expect(() => validateJSON(bad({ threadId: 't-1', note: 'x' }))).toThrow(/unknown attribute/);
  });

  it('renders in the editor as a span naming its thread', () => {
    const schema = getSchema();
    const toDOM = schema.marks.comment?.spec.toDOM;
    expect(toDOM?.(schema.mark('comment', { threadId: 't-1' }), true)).toEqual([
      'span',
      { class: 'comment-anchor', 'data-thread-id': 't-1' },
      0,
    ]);
    expect(toDOM?.(schema.mark('comment', { threadId: 't-1', resolved: true }), true)).toEqual([
      'span',
      {
        class: 'comment-anchor comment-anchor-resolved',
        'data-thread-id': 't-1',
        'data-resolved': 'true',
      },
      0,
    ]);
  });

  it('never reaches rendered HTML, Markdown or plain text', () => {
    expect(jsonToHTML(annotated)).toBe(jsonToHTML(plain));
    expect(jsonToHTML(annotated)).not.toMatch(/comment|thread/);
    expect(jsonToMarkdown(annotated)).toBe('Read the **manual** first.\n');
    expect(jsonToPlainText(annotated)).toBe('Read the manual first.');
  });

  it('is dropped when a document is sanitized or read from a Y.Doc', () => {
    expect(sanitizeJSON(annotated)).toEqual(plain);
    const ydoc = jsonToYDoc(annotated);
    // y-prosemirror keeps overlapping marks under hashed keys; both threads are in the Y.Doc.
    const live = JSON.stringify(readFragmentJSON(ydoc.getXmlFragment('default')));
    expect(live).toContain('t-1');
    expect(live).toContain('t-2');
    expect(yDocToJSON(ydoc)).toEqual(plain);
  });

  it('is never imported from HTML or Markdown', () => {
    const html = '<p>Read <span class="comment-anchor" data-thread-id="t-1">the manual</span>.</p>';
    expect(JSON.stringify(htmlToJSON(html))).not.toContain('comment');
    expect(JSON.stringify(markdownToJSON(`Intro\n\n${html}\n`))).not.toContain('comment');
    expect(
      JSON.stringify(markdownToJSON('Read <span class="comment-anchor">x</span>')),
    ).not.toContain('comment');
  });
});
