import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { jsonToMarkdown } from './jsonToMarkdown';
import { markdownToJSON } from './markdownToJSON';
import { validateJSON } from './validateJSON';

const roundTrip = (markdown: string, options?: Parameters<typeof jsonToMarkdown>[1]): string =>
  jsonToMarkdown(markdownToJSON(markdown), options);

const withoutIds = (node: JSONContent): JSONContent => {
  const copy = { ...node };
  if (copy.type === 'heading') copy.attrs = { ...copy.attrs, id: null };
  if (copy.content) copy.content = copy.content.map(withoutIds);
  return copy;
};

describe('jsonToMarkdown', () => {
  it('writes the usual house style and reads back unchanged', () => {
    const markdown = [
      '# Title',
      '',
      'Text with **bold**, _italic_, ~~strike~~, `code`, [link](https://x.test/a_b "T") and **[bold link](../p.md)**.',
      '',
      '- one',
      '- two',
      '  1. nested',
      '  2. second',
      '',
      '3. three',
      '4. four',
      '',
      '- [x] done',
      '- [ ] todo',
      '',
      '> quote',
      '',
      '```go',
      'fmt.Println("hi")',
      '```',
      '',
      '| Left | Center | Right |',
      '| :--- | :----: | ----: |',
      '| a    |   bb   |     c |',
      '',
      '---',
      '',
      'Bare https://example.com/path and someone@example.com, plus www.example.org.',
      '',
      'Line\\',
      'break',
      '',
    ].join('\n');
    expect(roundTrip(markdown)).toBe(markdown);
  });

  it('escapes only what would change meaning', () => {
    const markdown = [
      'Use [name] in the template, not ~5 or 10 & more; AT&T, #hashtag and a@b.',
      '',
      '\\# not a heading, \\[x]: not a definition, 1\\. not a list, \\*not emphasis\\*.',
      '',
      'Keep \\[text](not-a-link) literal and &amp;copy; too.',
      '',
    ].join('\n');
    const json = markdownToJSON(markdown);
    const written = jsonToMarkdown(json);
    expect(written).toContain(
      'Use [name] in the template, not ~5 or 10 & more; AT&T, #hashtag and a@b.',
    );
    expect(withoutIds(markdownToJSON(written))).toEqual(withoutIds(json));
  });

  it('writes editor content that reads back as the same document', () => {
    type Mark = NonNullable<JSONContent['marks']>[number];
    const text = (value: string, ...marks: Mark[]): JSONContent =>
      marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
    const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
    const link = (href: string): Mark => ({ type: 'link', attrs: { href, title: null } });
    const docs: JSONContent[] = [
      p(text('a*b*c _x_ [y](z) <div> `tick` 1. ~5 & AT&T &amp;')),
      p(
        text('bold', { type: 'bold' }),
        text('both', { type: 'bold' }, { type: 'italic' }),
        text('it', { type: 'italic' }),
      ),
      p(text(' leading and trailing spaces ')),
      p(
        text('x', link('https://a.test'), { type: 'code' }),
        text(' '),
        text('y ', { type: 'bold' }),
        text('z'),
      ),
      { type: 'codeBlock', attrs: { language: 'md' }, content: [text('```\nfence inside\n```')] },
      p(text('1. not a list')),
      p(text('- not a list')),
      p(text('> not a quote')),
      p(text('---')),
      p(text('| a | b |')),
      {
        type: 'callout',
        attrs: { kind: 'danger' },
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [text('Title')] },
          p(text('body')),
        ],
      },
      {
        type: 'blockquote',
        content: [
          p(text('q')),
          { type: 'codeBlock', attrs: { language: null }, content: [text('c')] },
        ],
      },
      p(
        text('https://x.test/a_b_c', link('https://x.test/a_b_c')),
        text(' and '),
        text('m@x.test', link('mailto:m@x.test')),
      ),
      p(
        text('under', { type: 'bold' }, { type: 'underline' }),
        text('mark', { type: 'highlight' }),
        text(' strike', { type: 'strike' }),
      ),
    ];
    for (const block of docs) {
      const doc = validateJSON({ type: 'doc', content: [block] });
      expect(withoutIds(markdownToJSON(jsonToMarkdown(doc)))).toEqual(withoutIds(doc));
    }
  });

  it('keeps footnotes as written', () => {
    const markdown = 'Text[^1].\n\n[^1]: The note.\n';
    expect(roundTrip(markdown)).toBe(markdown);
  });

  it('writes callouts as GitHub alerts in either style', () => {
    const json = markdownToJSON('> [!WARNING]\n> Mind the gap.\n');
    expect(jsonToMarkdown(json)).toBe('> [!WARNING]\n> Mind the gap.\n');
    expect(jsonToMarkdown(json, { calloutMarker: 'same-line' })).toBe(
      '> [!WARNING] Mind the gap.\n',
    );
    const list: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'callout',
          attrs: { kind: 'success' },
          content: [
            {
              type: 'bulletList',
              content: [
                {
                  type: 'listItem',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(jsonToMarkdown(list)).toBe('> [!TIP]\n>\n> - x\n');
    expect(markdownToJSON(jsonToMarkdown(list)).content?.[0]?.attrs?.kind).toBe('success');
  });

  it('writes underline and highlight as inline HTML that reads back', () => {
    const json: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'under', marks: [{ type: 'underline' }] },
            { type: 'text', text: ' and ' },
            { type: 'text', text: 'lit', marks: [{ type: 'bold' }, { type: 'highlight' }] },
          ],
        },
      ],
    };
    const written = jsonToMarkdown(json);
    expect(written).toBe('<u>under</u> and **<mark>lit</mark>**\n');
    expect(markdownToJSON(written).content?.[0]?.content).toEqual(json.content?.[0]?.content);
  });

  it('writes tables a pipe table cannot hold as HTML, which reads back', () => {
    const cell = (type: string, ...content: JSONContent[]): JSONContent => ({
      type,
      attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null },
      content,
    });
    const p = (text: string): JSONContent => ({
      type: 'paragraph',
      content: [{ type: 'text', text }],
    });
    const json: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [cell('tableCell', p('no header')), cell('tableCell', p('a'), p('b'))],
            },
            {
              type: 'tableRow',
              content: [
                cell('tableCell', {
                  type: 'bulletList',
                  content: [{ type: 'listItem', content: [p('item')] }],
                }),
                cell('tableCell', {
                  type: 'codeBlock',
                  attrs: { language: null },
                  content: [{ type: 'text', text: 'x\n\ny' }],
                }),
              ],
            },
          ],
        },
      ],
    };
    const written = jsonToMarkdown(json);
    expect(
      written.startsWith('<table>\n<tr><td>no header</td><td><p>a</p><p>b</p></td></tr>'),
    ).toBe(true);
    expect(written).not.toContain('\n\n');
    expect(markdownToJSON(written)).toEqual(json);
  });

  it('writes front matter back and maps image sources', () => {
    const json = markdownToJSON('![Alt](pics/a.png)', {
      resolveImageSrc: (src) => `/api/attachments/7/${src.split('/').pop()}`,
    });
    const written = jsonToMarkdown(json, {
      frontMatter: { format: 'yaml', raw: 'title: A' },
      imageSrc: (src) => src.replace('/api/attachments/7/', 'pics/'),
    });
    expect(written).toBe('---\ntitle: A\n---\n\n![Alt](pics/a.png)\n');
  });

  it('drops what Markdown cannot hold without losing text', () => {
    const json: JSONContent = {
      type: 'doc',
      content: [
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: 'end' }, { type: 'hardBreak' }] },
      ],
    };
    expect(jsonToMarkdown(json)).toBe('end\n');
  });
});
