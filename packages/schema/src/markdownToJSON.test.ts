import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { extractHeadings } from './extractHeadings';
import { extractLinks } from './extractLinks';
import { jsonToPlainText } from './jsonToPlainText';
import { markdownToJSON } from './markdownToJSON';
import { readFrontMatter } from './readFrontMatter';
import { validateJSON } from './validateJSON';

const types = (json: JSONContent): (string | undefined)[] =>
  (json.content ?? []).map((n) => n.type);

describe('markdownToJSON', () => {
  it('reads GitHub-flavoured Markdown into schema nodes', () => {
    const json = markdownToJSON(
      [
        '# Title',
        '',
        'Some **bold**, _italic_, ~~gone~~, `code` and [a link](../page.md "Page").',
        'Soft-wrapped line. A bare https://example.com/x and www.example.org.',
        '',
        '- one',
        '- two',
        '  1. nested',
        '',
        '- [x] done',
        '- [ ] todo',
        '',
        '> quoted',
        '',
        '```ts title="a.ts"',
        'const a = 1;',
        '```',
        '',
        '| Left | Center | Right |',
        '| :--- | :----: | ----: |',
        '| a    | b      | c     |',
        '',
        '---',
        '',
        'Line one\\',
        'line two',
      ].join('\n'),
    );
    expect(() => validateJSON(json)).not.toThrow();
    expect(types(json)).toEqual([
      'heading',
      'paragraph',
      'bulletList',
      'taskList',
      'blockquote',
      'codeBlock',
      'table',
      'horizontalRule',
      'paragraph',
    ]);
    const paragraph = json.content?.[1];
    expect(
      paragraph?.content?.map((n) => [n.text, n.marks?.map((m) => m.type).join('+') ?? '']),
    ).toEqual([
      ['Some ', ''],
      ['bold', 'bold'],
      [', ', ''],
      ['italic', 'italic'],
      [', ', ''],
      ['gone', 'strike'],
      [', ', ''],
      ['code', 'code'],
      [' and ', ''],
      ['a link', 'link'],
      ['. Soft-wrapped line. A bare ', ''],
      ['https://example.com/x', 'link'],
      [' and ', ''],
      ['www.example.org', 'link'],
      ['.', ''],
    ]);
    expect(extractLinks(json)).toEqual([
      { href: '../page.md', text: 'a link' },
      { href: 'https://example.com/x', text: 'https://example.com/x' },
      { href: 'http://www.example.org', text: 'www.example.org' },
    ]);
    expect(json.content?.[3]?.content?.map((item) => item.attrs?.checked)).toEqual([true, false]);
    expect(json.content?.[5]?.attrs).toEqual({ language: 'ts title="a.ts"' });
    const row = json.content?.[6]?.content?.[0]?.content ?? [];
    expect(row.map((cell) => [cell.type, cell.attrs?.align])).toEqual([
      ['tableHeader', 'left'],
      ['tableHeader', 'center'],
      ['tableHeader', 'right'],
    ]);
    expect(json.content?.[8]?.content?.map((n) => n.type)).toEqual(['text', 'hardBreak', 'text']);
    expect(extractHeadings(json)).toEqual([{ id: 'title', level: 1, text: 'Title' }]);
  });

  it('skips front matter, which readFrontMatter returns', () => {
    const markdown = '---\ntitle: Hello\ntags: [a]\n---\n\nBody text.\n';
    expect(readFrontMatter(markdown)).toEqual({ format: 'yaml', raw: 'title: Hello\ntags: [a]' });
    expect(readFrontMatter('+++\ntitle = "x"\n+++\nBody')).toEqual({
      format: 'toml',
      raw: 'title = "x"',
    });
    expect(readFrontMatter('No front matter')).toBeNull();
    expect(jsonToPlainText(markdownToJSON(markdown))).toBe('Body text.');
  });

  it('reads GitHub alerts as callouts, on their own line or before the text', () => {
    const json = markdownToJSON(
      '> [!WARNING]\n> Mind the gap.\n\n> [!TIP] Same line.\n\n> [!CAUTION]\n> - a list\n\n> Plain quote\n',
    );
    expect(json.content?.map((n) => [n.type, n.attrs?.kind])).toEqual([
      ['callout', 'warning'],
      ['callout', 'success'],
      ['callout', 'danger'],
      ['blockquote', undefined],
    ]);
    expect(jsonToPlainText(json)).toBe('Mind the gap.\n\nSame line.\n\na list\n\nPlain quote');
  });

  it('resolves reference links and keeps footnotes as text', () => {
    const json = markdownToJSON(
      'See [the docs][docs] and [docs].[^1]\n\n[docs]: https://docs.test "Docs"\n\n[^1]: A note.\n',
    );
    expect(extractLinks(json)).toEqual([
      { href: 'https://docs.test', text: 'the docs' },
      { href: 'https://docs.test', text: 'docs' },
    ]);
    expect(jsonToPlainText(json)).toBe('See the docs and docs.[^1]\n\n[^1]: A note.');
  });

  it('reads raw HTML with the schema rules, keeping its text', () => {
    const json = markdownToJSON(
      [
        '<div align="center"><b>Centered</b> text</div>',
        '',
        'Inline <kbd>Ctrl</kbd>+<kbd>C</kbd>, <a href="https://x.test">link</a>, <br> and <span style="text-decoration:underline">under</span>.',
        '',
        '## <a name="old-anchor"></a>Heading',
        '',
        '<!-- a comment -->',
        '<script>alert(1)</script>',
        '',
        '<table><tr><td>cell <a href="javascript:alert(1)">x</a></td></tr></table>',
      ].join('\n'),
    );
    expect(() => validateJSON(json)).not.toThrow();
    expect(jsonToPlainText(json)).toBe(
      'Centered text\n\nInline Ctrl+C, link, \nand under.\n\nHeading\n\ncell x',
    );
    expect(extractHeadings(json)).toEqual([{ id: 'old-anchor', level: 2, text: 'Heading' }]);
    expect(extractLinks(json)).toEqual([{ href: 'https://x.test', text: 'link' }]);
    const marks = json.content?.[1]?.content?.filter((n) => n.marks).map((n) => n.marks?.[0]?.type);
    expect(marks).toEqual(['link', 'underline']);
  });

  it('maps images through the resolver and otherwise keeps them as links', () => {
    const markdown =
      '![Diagram](img/d.png "D") ![Remote](https://cdn.test/r.png) ![Other](img/o.png)';
    const json = markdownToJSON(markdown, {
      resolveImageSrc: (src) => (src === 'img/d.png' ? '/api/attachments/1/d.png' : null),
    });
    expect(json.content?.[0]?.content).toEqual([
      { type: 'image', attrs: { src: '/api/attachments/1/d.png', alt: 'Diagram', title: 'D' } },
      { type: 'text', text: ' ' },
      { type: 'image', attrs: { src: 'https://cdn.test/r.png', alt: 'Remote', title: null } },
      { type: 'text', text: ' ' },
      {
        type: 'text',
        text: 'Other',
        marks: [{ type: 'link', attrs: { href: 'img/o.png', title: null } }],
      },
    ]);
  });

  it('drops disallowed link targets but keeps their text', () => {
    const json = markdownToJSON(
      '[click](javascript:alert(1)) [data](data:text/html,x) <vbscript:x>',
    );
    expect(extractLinks(json)).toEqual([]);
    expect(jsonToPlainText(json)).toContain('click data');
  });

  it('keeps list items that start with something other than a paragraph', () => {
    const json = markdownToJSON('- ```\n  code\n  ```\n-\n- # Heading\n');
    expect(() => validateJSON(json)).not.toThrow();
    expect(json.content?.[0]?.content?.map((item) => item.content?.map((n) => n.type))).toEqual([
      ['paragraph', 'codeBlock'],
      ['paragraph'],
      ['paragraph', 'heading'],
    ]);
  });

  it('returns a valid document for empty input', () => {
    expect(validateJSON(markdownToJSON(''))).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    });
  });
});
