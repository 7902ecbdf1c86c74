import { describe, expect, it } from 'vitest';
import { createExtensions } from './createExtensions';
import { getSchema } from './getSchema';

describe('createExtensions', () => {
  it('builds the page schema without a DOM', () => {
    expect(typeof document).toBe('undefined');
    const schema = getSchema();
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        'blockquote',
        'bulletList',
        'callout',
        'codeBlock',
        'doc',
        'hardBreak',
        'heading',
        'horizontalRule',
        'image',
        'listItem',
        'mention',
        'orderedList',
        'paragraph',
        'table',
        'tableCell',
        'tableHeader',
        'tableRow',
        'taskItem',
        'taskList',
        'text',
      ].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(
      ['bold', 'code', 'comment', 'highlight', 'italic', 'link', 'strike', 'underline'].sort(),
    );
    expect(Object.keys(schema.nodes.heading?.spec.attrs ?? {})).toEqual(['level', 'id']);
    expect(Object.keys(schema.nodes.image?.spec.attrs ?? {})).toEqual(['src', 'alt', 'title']);
    expect(Object.keys(schema.marks.link?.spec.attrs ?? {})).toEqual(['href', 'title']);
    expect(Object.keys(schema.nodes.callout?.spec.attrs ?? {})).toEqual(['kind']);
    expect(schema.nodes.image?.isInline).toBe(true);
    expect(getSchema()).toBe(schema);
  });

  it('leaves undo history to the collaboration extension', () => {
    const names = new Set<string>();
    const collect = (extensions: ReturnType<typeof createExtensions>): void => {
      for (const extension of extensions) {
        names.add(extension.name);
        const nested = extension.config.addExtensions?.call({
          name: extension.name,
          options: extension.options,
          storage: extension.storage,
          editor: undefined,
          parent: undefined,
        } as never);
        if (Array.isArray(nested)) collect(nested);
      }
    };
    collect(createExtensions());
    expect(names.has('undoRedo')).toBe(false);
    expect(names.has('history')).toBe(false);
    expect(names.has('heading')).toBe(true);
  });
});
