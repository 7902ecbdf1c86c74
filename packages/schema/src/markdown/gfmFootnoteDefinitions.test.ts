import { describe, expect, it } from 'vitest';
import { jsonToPlainText } from '../jsonToPlainText';
import { markdownToJSON } from '../markdownToJSON';

/** The top-level blocks as `type: text`. */
function blocks(markdown: string): string[] {
  return (markdownToJSON(markdown).content ?? []).map(
    (node) => `${node.type}: ${jsonToPlainText({ type: 'doc', content: [node] }).trim()}`,
  );
}

describe('GFM footnote definitions', () => {
  // The schema has no footnotes: a definition stays readable text, its label in front, and no
  // line of it is lost or taken for a code block.
  const cases: [string, string, string[]][] = [
    [
      'an indented continuation line',
      'Text[^1].\n\n[^1]: First line\n    continued here\n',
      ['paragraph: Text[^1].', 'paragraph: [^1]: First line continued here'],
    ],
    [
      'a second indented paragraph, not a code block',
      '[^1]: First.\n\n    Second paragraph.\n',
      ['paragraph: [^1]: First.', 'paragraph: Second paragraph.'],
    ],
    [
      'a lazy continuation line',
      '[^a]: lazy\ncontinuation',
      ['paragraph: [^a]: lazy continuation'],
    ],
    [
      'an unindented paragraph after it is its own',
      '[^a]: note\n\nNext paragraph.',
      ['paragraph: [^a]: note', 'paragraph: Next paragraph.'],
    ],
    // As in CommonMark: with a space in it, the label makes a link reference definition.
    ['a label with a space is a link definition', '[^a b]: text\n\nafter', ['paragraph: after']],
  ];
  for (const [name, markdown, expected] of cases) {
    it(name, () => expect(blocks(markdown)).toEqual(expected));
  }
});

describe('raw HTML links', () => {
  it('keeps the Markdown inside a raw <a> as formatted text of the link', () => {
    const [paragraph] =
      markdownToJSON('<a href="https://example.com">inside *raw* link</a> after').content ?? [];
    const runs = (paragraph?.content ?? []).map((node) => ({
      text: node.text,
      marks: (node.marks ?? []).map((mark) =>
        mark.type === 'link' ? `link ${String(mark.attrs?.href)}` : mark.type,
      ),
    }));
    expect(runs).toEqual([
      { text: 'inside ', marks: ['link https://example.com'] },
      { text: 'raw', marks: ['link https://example.com', 'italic'] },
      { text: ' link', marks: ['link https://example.com'] },
      { text: ' after', marks: [] },
    ]);
  });

  it('drops a raw link to an unsafe address but keeps its text', () => {
    const json = markdownToJSON('<a href="javascript:alert(1)">click</a> here');
    expect(jsonToPlainText(json).trim()).toBe('click here');
    expect(JSON.stringify(json)).not.toContain('javascript:');
  });
});
