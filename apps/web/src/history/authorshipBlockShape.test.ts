import { describe, expect, it } from 'vitest';
import { authorshipBlockShape } from './authorshipBlockShape';

describe('authorshipBlockShape', () => {
  it('keeps headings one level under the panel heading and code as code', () => {
    expect(authorshipBlockShape({ type: 'heading', level: 1, path: [], runs: [] }).tag).toBe('h2');
    expect(authorshipBlockShape({ type: 'heading', level: 6, path: [], runs: [] }).tag).toBe('h6');
    expect(authorshipBlockShape({ type: 'codeBlock', path: [], runs: [] }).tag).toBe('pre');
    expect(authorshipBlockShape({ type: 'horizontalRule', path: [], runs: [] }).tag).toBe('hr');
    expect(authorshipBlockShape({ type: 'image', path: [], runs: [] }).tag).toBe('figure');
    expect(authorshipBlockShape({ type: 'paragraph', path: [], runs: [] }).tag).toBe('p');
  });

  it('indents by the lists and quotes around a block and marks list items', () => {
    const nested = authorshipBlockShape({
      type: 'paragraph',
      path: ['bulletList', 'listItem', 'orderedList', 'listItem'],
      runs: [{ text: 'x', author: null }],
    });
    expect(nested).toMatchObject({ depth: 2, listed: true, quoted: false, tabular: false });
    const quoted = authorshipBlockShape({ type: 'paragraph', path: ['blockquote'], runs: [] });
    expect(quoted).toMatchObject({ depth: 1, listed: false, quoted: true });
    const cell = authorshipBlockShape({
      type: 'paragraph',
      path: ['table', 'tableRow', 'tableCell'],
      runs: [],
    });
    expect(cell).toMatchObject({ depth: 0, tabular: true });
  });
});
