import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyJSONToYDoc } from './applyJSONToYDoc';
import { InvalidDocumentError } from './InvalidDocumentError';
import { jsonToYDoc } from './jsonToYDoc';
import { markdownToJSON } from './markdownToJSON';
import { validateJSON } from './validateJSON';
import { yDocToJSON } from './yDocToJSON';

const sample = markdownToJSON(
  [
    '# Title',
    '',
    'Text with **bold _and italic_** and [a link](https://x.test).',
    '',
    '- [x] done',
    '- [ ] todo',
    '',
    '> [!WARNING]',
    '> Careful.',
    '',
    '| A | B |',
    '| - | - |',
    '| 1 | 2 |',
    '',
    '```js',
    'let a;',
    '```',
  ].join('\n'),
);

describe('Y.Doc ⇄ JSON', () => {
  it('round-trips a document through the `default` fragment', () => {
    const ydoc = jsonToYDoc(sample);
    expect(ydoc.getXmlFragment('default').length).toBe(sample.content?.length);
    expect(yDocToJSON(ydoc)).toEqual(validateJSON(sample));
  });

  it('survives sync to another Y.Doc through updates', () => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(jsonToYDoc(sample)));
    expect(yDocToJSON(copy)).toEqual(validateJSON(sample));
  });

  it('applies a new version as a small diff that keeps unchanged content', () => {
    const ydoc = jsonToYDoc(sample);
    const fragment = ydoc.getXmlFragment('default');
    const untouched = fragment.get(1);
    const next = structuredClone(sample);
    next.content?.push({ type: 'paragraph', content: [{ type: 'text', text: 'Appended.' }] });
    const updates: Uint8Array[] = [];
    ydoc.on('update', (update: Uint8Array) => updates.push(update));
    applyJSONToYDoc(ydoc, next, 'default', 'api');
    expect(updates).toHaveLength(1);
    expect(fragment.get(1)).toBe(untouched);
    expect(yDocToJSON(ydoc)).toEqual(validateJSON(next));
    expect((updates[0] as Uint8Array).byteLength).toBeLessThan(
      Y.encodeStateAsUpdate(jsonToYDoc(next)).byteLength / 2,
    );
  });

  it('refuses documents that do not fit the schema', () => {
    const bad: JSONContent = { type: 'doc', content: [{ type: 'widget' }] };
    expect(() => jsonToYDoc(bad)).toThrow(InvalidDocumentError);
    const ydoc = jsonToYDoc(sample);
    expect(() => applyJSONToYDoc(ydoc, bad)).toThrow(InvalidDocumentError);
    expect(yDocToJSON(ydoc)).toEqual(validateJSON(sample));
  });

  it('reads content from an outdated or hostile client without changing the Y.Doc', () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('default');
    const unknown = new Y.XmlElement('widget');
    const inside = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'kept', { link: { href: 'javascript:alert(1)' } });
    inside.insert(0, [text]);
    unknown.insert(0, [inside]);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '9' as unknown as string);
    const headingText = new Y.XmlText();
    headingText.insert(0, 'Big');
    heading.insert(0, [headingText]);
    fragment.insert(0, [unknown, heading]);
    const before = Y.encodeStateVector(ydoc);

    const json = yDocToJSON(ydoc);
    expect(json).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'kept' }] },
        {
          type: 'heading',
          attrs: { level: 6, id: 'big' },
          content: [{ type: 'text', text: 'Big' }],
        },
      ],
    });
    expect(() => validateJSON(json)).not.toThrow();
    expect(Y.encodeStateVector(ydoc)).toEqual(before);
  });

  it('reads an empty Y.Doc as an empty document', () => {
    expect(yDocToJSON(new Y.Doc())).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});
