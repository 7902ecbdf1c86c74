// @vitest-environment happy-dom

import type { GlossaryTerm } from '@lore/api';
import { createExtensions } from '@lore/schema';
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { GlossaryHover } from './GlossaryHover';
import { glossaryPluginKey } from './glossaryPlugin';

const term = (
  id: string,
  name: string,
  meaning: string,
  expansions: string[] = [],
): GlossaryTerm => ({
  id,
  term: name,
  meaning,
  expansions,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: null,
});

const terms = [
  term('pto', 'PTO', 'Paid time off.', ['paid time off']),
  term('rfc', 'RFC', 'A written proposal.'),
];

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

async function editorWith(content: string, editable = true): Promise<Editor> {
  const loaded = Promise.resolve(terms);
  editor = new Editor({
    element: document.createElement('div'),
    extensions: [...createExtensions(), GlossaryHover.configure({ loadTerms: () => loaded })],
    content,
    editable,
  });
  // The editor announces itself (and the extension asks for terms) on the next task.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await loaded;
  await Promise.resolve();
  return editor;
}

const underlined = (target: Editor) =>
  Array.from(target.view.dom.querySelectorAll<HTMLElement>('.glossary-term')).map((element) => [
    element.textContent,
    element.dataset.glossaryId,
  ]);

describe('GlossaryHover', () => {
  it('underlines terms with decorations and leaves the document alone', async () => {
    const target = await editorWith(
      '<p>Take PTO before the RFC review; paid time off is not a term here.</p><pre><code>PTO in code</code></pre><p>An <code>RFC</code> in code.</p>',
    );
    const before = JSON.stringify(target.getJSON());
    expect(underlined(target)).toEqual([
      ['PTO', 'pto'],
      ['RFC', 'rfc'],
    ]);
    expect(JSON.stringify(target.getJSON())).toBe(before);
  });

  it('follows edits: new terms appear and broken ones disappear', async () => {
    const target = await editorWith('<p>Ask about PTO.</p><p>Nothing here.</p>');
    target.commands.setTextSelection(target.state.doc.content.size - 1);
    target.commands.insertContent(' Write an RFC');
    expect(underlined(target).map(([, id]) => id)).toEqual(['pto', 'rfc']);

    // "PTO" → "PTOs": no longer the whole word.
    const afterPto = 'Ask about PTO'.length + 1;
    target.commands.setTextSelection(afterPto);
    target.commands.insertContent('s');
    expect(underlined(target).map(([, id]) => id)).toEqual(['rfc']);
    expect(glossaryPluginKey.getState(target.state)?.decorations.find()).toHaveLength(1);
  });

  it('makes terms focusable with a described tooltip on read-only pages', async () => {
    const target = await editorWith('<p>PTO rules</p>', false);
    const element = target.view.dom.querySelector<HTMLElement>('.glossary-term');
    expect(element?.getAttribute('tabindex')).toBe('0');
    const tooltipId = element?.getAttribute('aria-describedby') ?? '';
    const tooltip = document.getElementById(tooltipId);
    expect(tooltip?.getAttribute('role')).toBe('tooltip');
    expect(tooltip?.hidden).toBe(true);

    element?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(tooltip?.hidden).toBe(false);
    expect(tooltip?.textContent).toContain('Paid time off.');
    target.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(tooltip?.hidden).toBe(true);

    target.destroy();
    expect(document.getElementById(tooltipId)).toBeNull();
    editor = null;
  });
});
