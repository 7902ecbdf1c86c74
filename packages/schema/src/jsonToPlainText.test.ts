import { describe, expect, it } from 'vitest';
import { extractLinks } from './extractLinks';
import { jsonToPlainText } from './jsonToPlainText';
import { markdownToJSON } from './markdownToJSON';

describe('jsonToPlainText', () => {
  it('separates blocks, list items, table rows and cells', () => {
    const json = markdownToJSON(
      '# Title\n\nFirst **para**.\n\n- one\n- two\n  - nested\n\n| A | B |\n| - | - |\n| 1 | 2 |\n\n```\ncode\nlines\n```\n\n![diagram](https://x.test/d.png)\n',
    );
    expect(jsonToPlainText(json)).toBe(
      'Title\n\nFirst para.\n\none\ntwo\nnested\n\nA\tB\n1\t2\n\ncode\nlines\n\ndiagram',
    );
  });
});

describe('extractLinks', () => {
  it('lists each link once with its whole text', () => {
    const json = markdownToJSON(
      'A [link with **bold** part](https://x.test) and [x](page.md), [x](page.md) twice, [bad](javascript:x).',
    );
    expect(extractLinks(json)).toEqual([
      { href: 'https://x.test', text: 'link with bold part' },
      { href: 'page.md', text: 'x' },
      { href: 'page.md', text: 'x' },
    ]);
  });

  it('ignores links stored with a disallowed target', () => {
    const json = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:x' } }] },
          ],
        },
      ],
    };
    expect(extractLinks(json)).toEqual([]);
  });
});
