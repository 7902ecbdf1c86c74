import type { JsonObject, PageState } from '@lore/core';
import { jsonToHTML, markdownToJSON } from '@lore/schema';
import { describe, expect, it } from 'vitest';
import { diffPageStates } from './diffPageStates';

const page = (markdown: string, title = 'Runbook'): PageState => ({
  title,
  body: markdownToJSON(markdown) as JsonObject,
});
const ins = (html: string) => `<ins class="lore-diff-ins">${html}</ins>`;
const del = (html: string) => `<del class="lore-diff-del">${html}</del>`;
const insBlock = (html: string) => `<ins class="lore-diff-ins lore-diff-block">${html}</ins>`;
const delBlock = (html: string) => `<del class="lore-diff-del lore-diff-block">${html}</del>`;

describe('diffPageStates', () => {
  it.each([
    [
      'words changed inside a paragraph',
      'The quick brown fox',
      'The slow brown fox jumps',
      `<p>The ${del('quick')}${ins('slow')} brown fox${ins(' jumps')}</p>`,
      { insertedWords: 2, deletedWords: 1 },
    ],
    [
      'a paragraph added',
      'One',
      'One\n\nTwo',
      `<p>One</p>${insBlock('<p>Two</p>')}`,
      { insertedWords: 1, deletedWords: 0 },
    ],
    [
      'a heading removed',
      '## Old\n\nText',
      'Text',
      `${delBlock('<h2>Old</h2>')}<p>Text</p>`,
      { insertedWords: 0, deletedWords: 1 },
    ],
    [
      'a list item added',
      '- a\n- c',
      '- a\n- b\n- c',
      `<ul><li><p>a</p></li><li><p>${ins('b')}</p></li><li><p>c</p></li></ul>`,
      { insertedWords: 1, deletedWords: 0 },
    ],
    [
      'formatting added',
      'plain words here',
      '**plain** words here',
      `<p>${del('plain')}<strong>${ins('plain')}</strong> words here</p>`,
      { insertedWords: 1, deletedWords: 1 },
    ],
    [
      'a heading level changed',
      '## Same title\n\nx',
      '### Same title\n\nx',
      `${delBlock('<h2>Same title</h2>')}${insBlock('<h3>Same title</h3>')}<p>x</p>`,
      { insertedWords: 2, deletedWords: 2 },
    ],
    [
      'a table cell edited',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '| a | b |\n|---|---|\n| 1 | 3 |',
      `<td colspan="1" rowspan="1"><p>${del('2')}${ins('3')}</p></td>`,
      { insertedWords: 1, deletedWords: 1 },
    ],
    [
      'a line break and its line removed',
      'Line one  \nline two',
      'Line one',
      `<p>Line one${del('<br>line two')}</p>`,
      { insertedWords: 0, deletedWords: 3 },
    ],
    [
      'an unrelated paragraph replaced',
      'Totally unrelated sentence here',
      'Nothing in common whatsoever now',
      `${delBlock('<p>Totally unrelated sentence here</p>')}${insBlock('<p>Nothing in common whatsoever now</p>')}`,
      { insertedWords: 5, deletedWords: 4 },
    ],
    [
      'an image removed',
      '![alt](https://x.example/a.png) text',
      'text',
      `<p>${del('<img alt="alt" src="https://x.example/a.png"> ')}text</p>`,
      { insertedWords: 0, deletedWords: 1 },
    ],
  ])('marks %s', (_what, from, to, expected, stats) => {
    const diff = diffPageStates(page(from), page(to));
    expect(diff.html).toContain(expected);
    expect(diff.stats).toEqual({ ...stats, changed: true });
  });

  it('renders equal states as the page itself, with nothing marked', () => {
    const markdown = '# Title\n\nSome **bold** text.\n\n- item\n\n```js\nlet x = 1;\n```';
    const diff = diffPageStates(page(markdown), page(markdown));
    expect(diff.html).toBe(
      jsonToHTML(markdownToJSON(markdown)).replace(/(<h[1-6]) id="[^"]*"/g, '$1'),
    );
    expect(diff.html).not.toMatch(/<ins|<del/);
    expect(diff.stats).toEqual({ insertedWords: 0, deletedWords: 0, changed: false });
    expect(diff.markdown.every((line) => line.op === 'equal')).toBe(true);
    expect(diff.title).toEqual({ from: 'Runbook', to: 'Runbook', changed: false, html: 'Runbook' });
  });

  it('escapes content, including markup and the characters it uses as markers', () => {
    const from: PageState = {
      title: 'a <b>',
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }],
      },
    };
    const to: PageState = {
      title: 'a <b> & c',
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'Hi <script>alert(1)</script> \uE001</ins>\uE000' }],
          },
        ],
      },
    };
    const diff = diffPageStates(from, to);
    expect(diff.html).toBe(
      `<p>Hi${ins(' &lt;script&gt;alert(1)&lt;/script&gt; \uFFFD&lt;/ins&gt;\uFFFD')}</p>`,
    );
    expect(diff.title.html).toBe(`a &lt;b&gt;${ins(' &amp; c')}`);
    expect(diff.stats.changed).toBe(true);
  });

  it('compares the Markdown line by line with line numbers on both sides', () => {
    const diff = diffPageStates(
      page('# A\n\nkeep\n\nold line'),
      page('# A\n\nkeep\n\nnew line\n\nmore'),
    );
    expect(diff.markdown).toEqual([
      { op: 'equal', text: '# A', fromLine: 1, toLine: 1 },
      { op: 'equal', text: '', fromLine: 2, toLine: 2 },
      { op: 'equal', text: 'keep', fromLine: 3, toLine: 3 },
      { op: 'equal', text: '', fromLine: 4, toLine: 4 },
      { op: 'delete', text: 'old line', fromLine: 5 },
      { op: 'insert', text: 'new line', toLine: 5 },
      { op: 'insert', text: '', toLine: 6 },
      { op: 'insert', text: 'more', toLine: 7 },
    ]);
  });

  it('keeps the diff of a long page with one edit small and fast', () => {
    const doc = (texts: readonly string[]): PageState => ({
      title: 'Long',
      body: {
        type: 'doc',
        content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
      },
    });
    const paragraphs = Array.from({ length: 3000 }, (_, index) => `Paragraph number ${index}.`);
    const edited = [...paragraphs];
    edited[1500] = 'Paragraph number 1500, edited.';
    const started = performance.now();
    const diff = diffPageStates(doc(paragraphs), doc(edited));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(diff.stats).toEqual({ insertedWords: 1, deletedWords: 0, changed: true });
    expect(diff.html).toContain(`<p>Paragraph number 1500${ins(', edited')}.</p>`);
    expect(diff.markdown.filter((line) => line.op !== 'equal')).toHaveLength(2);
  });
});
