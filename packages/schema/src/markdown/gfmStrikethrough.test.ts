import { describe, expect, it } from 'vitest';
import { jsonToMarkdown } from '../jsonToMarkdown';
import { markdownToJSON } from '../markdownToJSON';

/** The paragraph's text, struck runs in `«…»`. */
function struck(markdown: string): string {
  const [paragraph] = markdownToJSON(markdown).content ?? [];
  return (paragraph?.content ?? [])
    .map((node) =>
      node.marks?.some((mark) => mark.type === 'strike') ? `«${node.text}»` : (node.text ?? ''),
    )
    .join('');
}

describe('GFM strikethrough', () => {
  const cases: [string, string, string][] = [
    ['one tilde', '~one~', '«one»'],
    ['two tildes', '~~two~~', '«two»'],
    // Mid-line: at the start of a line three tildes open a code fence.
    ['three tildes are text', 'a ~~~three~~~ b', 'a ~~~three~~~ b'],
    ['runs of different lengths do not pair', 'a ~b~~ c', 'a ~b~~ c'],
    ['inside a word', 'x~y~z', 'x«y»z'],
    ['several in a line', '~a~ and ~~b~~ and c', '«a» and «b» and c'],
    ['a lone tilde is text', 'about ~5 minutes', 'about ~5 minutes'],
    ['not across a space after the opener', '~ a~', '~ a~'],
  ];
  for (const [name, markdown, expected] of cases) {
    it(name, () => expect(struck(markdown)).toBe(expected));
  }

  it('is written back with two tildes', () => {
    expect(jsonToMarkdown(markdownToJSON('~one~ and ~~two~~'))).toBe('~~one~~ and ~~two~~\n');
  });
});
