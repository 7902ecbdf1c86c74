import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { ensureHeadingIds } from './ensureHeadingIds';
import { extractHeadings } from './extractHeadings';
import { slugifyHeading } from './slugifyHeading';

const heading = (level: number, text: string, id?: string): JSONContent => ({
  type: 'heading',
  attrs: { level, ...(id === undefined ? {} : { id }) },
  content: [{ type: 'text', text }],
});
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const ids = (json: JSONContent): string[] => extractHeadings(json).map((h) => h.id);

describe('slugifyHeading', () => {
  it('makes readable anchors from heading text', () => {
    expect(slugifyHeading('Getting Started')).toBe('getting-started');
    expect(slugifyHeading('  What’s new in 2.0?  ')).toBe('whats-new-in-20');
    expect(slugifyHeading('Über   Größe')).toBe('über-größe');
    expect(slugifyHeading('日本語 見出し')).toBe('日本語-見出し');
    expect(slugifyHeading('🚀🚀')).toBe('section');
  });
});

describe('ensureHeadingIds', () => {
  it('gives every heading a unique id from its text', () => {
    const result = ensureHeadingIds(
      doc(
        heading(1, 'Getting started'),
        heading(2, 'Getting started'),
        heading(2, 'Getting started'),
      ),
    );
    expect(ids(result)).toEqual(['getting-started', 'getting-started-2', 'getting-started-3']);
  });

  it('keeps existing ids when the text or the rest of the page changes', () => {
    const first = ensureHeadingIds(doc(heading(1, 'Intro'), heading(2, 'Setup')));
    const edited = doc(
      { type: 'paragraph', content: [{ type: 'text', text: 'New paragraph first.' }] },
      { ...heading(1, 'Introduction (renamed)'), attrs: first.content?.[0]?.attrs },
      heading(2, 'Intro'),
      { ...heading(2, 'Setup'), attrs: first.content?.[1]?.attrs },
    );
    expect(ids(ensureHeadingIds(edited))).toEqual(['intro', 'intro-2', 'setup']);
  });

  it('renames the later copy of a duplicated id and replaces invalid ids', () => {
    const result = ensureHeadingIds(
      doc(heading(2, 'A', 'same'), heading(2, 'B', 'same'), heading(2, 'C', 'has space"><x')),
    );
    expect(ids(result)).toEqual(['same', 'b', 'c']);
  });

  it('does not modify its input', () => {
    const input = doc(heading(1, 'Title'));
    const copy = structuredClone(input);
    ensureHeadingIds(input);
    expect(input).toEqual(copy);
  });

  it('finds headings nested in containers', () => {
    const nested = doc({
      type: 'callout',
      attrs: { kind: 'info' },
      content: [heading(3, 'Inside')],
    });
    expect(extractHeadings(nested)).toEqual([{ id: 'inside', level: 3, text: 'Inside' }]);
  });
});
