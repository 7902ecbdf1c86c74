import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { getSchema } from '../getSchema';
import { htmlToJSON } from '../htmlToJSON';
import { jsonToHTML } from '../jsonToHTML';
import { jsonToMarkdown } from '../jsonToMarkdown';
import { jsonToPlainText } from '../jsonToPlainText';
import { jsonToYDoc } from '../jsonToYDoc';
import { markdownToJSON } from '../markdownToJSON';
import { sanitizeJSON } from '../sanitizeJSON';
import { validateJSON } from '../validateJSON';
import { yDocToJSON } from '../yDocToJSON';

const mention = (userId: string, label: string): JSONContent => ({
  type: 'mention',
  attrs: { userId, label },
});

const doc = (...content: JSONContent[]): JSONContent => ({
  type: 'doc',
  content: [{ type: 'paragraph', content }],
});

const asking = doc(
  { type: 'text', text: 'Ask ' },
  mention('u-1', 'Ada Lovelace'),
  { type: 'text', text: ' or ' },
  mention('u_2', 'Bob'),
  { type: 'text', text: '.' },
);

describe('the mention node', () => {
  it('is an inline atom with a user id and a label', () => {
    const type = getSchema().nodes.mention;
    expect(type?.isInline).toBe(true);
    expect(type?.isAtom).toBe(true);
    expect(Object.keys(type?.spec.attrs ?? {})).toEqual(['userId', 'label']);
    expect(validateJSON(asking)).toEqual(asking);
    expect(() => validateJSON(doc(mention('u 1', 'Ada')))).toThrow(/userId/);
    expect(() => validateJSON(doc(mention('u-1', '')))).toThrow(/label/);
    expect(() => validateJSON(doc(mention('u-1', 'two\nlines')))).toThrow(/label/);
  });

  it('renders as a span with the user id and the name after an @', () => {
    expect(jsonToHTML(asking)).toBe(
      '<p>Ask <span class="mention" data-user-id="u-1">@Ada Lovelace</span> or ' +
        '<span class="mention" data-user-id="u_2">@Bob</span>.</p>',
    );
    expect(jsonToHTML(doc(mention('u-1', '<img src=x onerror=alert(1)>')))).toBe(
      '<p><span class="mention" data-user-id="u-1">@&lt;img src=x onerror=alert(1)&gt;</span></p>',
    );
  });

  it('reads as @Name in plain text, for search', () => {
    expect(jsonToPlainText(asking)).toBe('Ask @Ada Lovelace or @Bob.');
  });

  it('is written in Markdown as in comments and read back to the same document', () => {
    const markdown = jsonToMarkdown(asking);
    expect(markdown).toBe('Ask @[Ada Lovelace](user:u-1) or @[Bob](user:u_2).\n');
    expect(markdownToJSON(markdown)).toEqual(asking);
    const tricky = doc(mention('u-1', 'A*b_c [d] <e> `f` \\ g'), { type: 'text', text: '!' });
    expect(markdownToJSON(jsonToMarkdown(tricky))).toEqual(tricky);
  });

  it('reads @[Name](user:id) in Markdown, and leaves other links and a lone @ alone', () => {
    expect(
      markdownToJSON('Hi @[Ada](user:u-1), mail me@[x](https://x.test/) or [Bob](user:u-2)'),
    ).toEqual(
      doc(
        { type: 'text', text: 'Hi ' },
        mention('u-1', 'Ada'),
        { type: 'text', text: ', mail me@' },
        {
          type: 'text',
          text: 'x',
          marks: [{ type: 'link', attrs: { href: 'https://x.test/', title: null } }],
        },
        { type: 'text', text: ' or Bob' },
      ),
    );
    expect(markdownToJSON('**@[Ada](user:u-1)**')).toEqual(
      doc({ ...mention('u-1', 'Ada'), marks: [{ type: 'bold' }] }),
    );
  });

  it('is read from the editor HTML and survives a Y.Doc', () => {
    expect(
      htmlToJSON('<p>Ask <span class="mention" data-user-id="u-1">@Ada Lovelace</span> now</p>'),
    ).toEqual(
      doc({ type: 'text', text: 'Ask ' }, mention('u-1', 'Ada Lovelace'), {
        type: 'text',
        text: ' now',
      }),
    );
    expect(htmlToJSON('<p><span class="mention" data-user-id="bad id">@Ada</span></p>')).toEqual(
      doc({ type: 'text', text: '@Ada' }),
    );
    expect(yDocToJSON(jsonToYDoc(asking))).toEqual(asking);
  });

  it('becomes its text when it names no one that can be named', () => {
    expect(sanitizeJSON(doc(mention('not valid', 'Ada')))).toEqual(
      doc({ type: 'text', text: '@Ada' }),
    );
    expect(sanitizeJSON(doc({ type: 'mention', attrs: { userId: 'u-1' } }))).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    });
  });
});
