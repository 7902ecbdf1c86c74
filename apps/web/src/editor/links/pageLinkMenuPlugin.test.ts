// @vitest-environment happy-dom

import type { SuggestedPage } from '@lore/api';
import { createExtensions } from '@lore/schema';
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { PageLinksExtension } from './PageLinksExtension';
import { pageLinkMenuKey, pageLinkMenuMeta } from './pageLinkMenuPlugin';

const launch: SuggestedPage = {
  id: 'p1',
  shortId: 'k3x9p2m4qa',
  title: 'Launch plan',
  icon: null,
  url: '/eng/launch-plan-k3x9p2m4qa',
  space: { id: 's', slug: 'eng', name: 'Engineering' },
};

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function newEditor(content: string): Editor {
  editor = new Editor({
    element: document.createElement('div'),
    extensions: [...createExtensions(), PageLinksExtension],
    content,
  });
  editor.commands.focus('end');
  return editor;
}

const menu = (e: Editor) => pageLinkMenuKey.getState(e.state);
const type = (e: Editor, text: string) => {
  for (const char of text) e.commands.insertContent(char);
};
/** Presses a key as the menu's own plugin sees it (other plugins handle Enter too). */
const press = (e: Editor, key: string) => {
  const plugin = pageLinkMenuKey.get(e.state);
  return plugin?.props.handleKeyDown?.call(plugin, e.view, new KeyboardEvent('keydown', { key }));
};

describe('the [[ page menu', () => {
  it('opens when [[ is typed and follows the words typed after it', () => {
    const e = newEditor('<p>See </p>');
    type(e, '[[');
    expect(menu(e)).toMatchObject({ active: true, query: '' });
    type(e, 'Launch p');
    expect(menu(e)).toMatchObject({ active: true, query: 'Launch p' });
    expect(menu(e)?.to).toBe(e.state.selection.from);
  });

  it('stays closed next to brackets that were already there', () => {
    const e = newEditor('<p>an [[old</p>');
    expect(menu(e)?.active).toBe(false);
    type(e, 'x');
    expect(menu(e)?.active).toBe(false);
  });

  it('takes the pages it is given and links the chosen one with Enter', () => {
    const e = newEditor('<p>See</p>');
    type(e, ' [[lau');
    e.view.dispatch(
      pageLinkMenuMeta(e.state.tr, { type: 'results', query: 'lau', pages: [launch] }),
    );
    expect(menu(e)?.pages).toEqual([launch]);
    expect(press(e, 'Enter')).toBe(true);
    expect(menu(e)?.active).toBe(false);
    expect(e.getJSON().content?.[0]?.content).toEqual([
      { type: 'text', text: 'See ' },
      {
        type: 'text',
        text: 'Launch plan',
        marks: [{ type: 'link', attrs: { href: '/s/k3x9p2m4qa', title: null } }],
      },
      { type: 'text', text: ' ' },
    ]);
  });

  it('ignores answers for an older query and closes on Escape', () => {
    const e = newEditor('<p></p>');
    type(e, '[[la');
    e.view.dispatch(pageLinkMenuMeta(e.state.tr, { type: 'results', query: 'l', pages: [launch] }));
    expect(menu(e)?.pages).toEqual([]);
    expect(press(e, 'Enter')).toBe(false);
    expect(press(e, 'Escape')).toBe(true);
    expect(menu(e)?.active).toBe(false);
  });
});
