import { describe, expect, it } from 'vitest';
import type { PageTreeNode } from '../pages/Page';
import { layoutExport } from './layoutExport';
import { relativeHref } from './relativeHref';

const node = (id: string, title: string, children: PageTreeNode[] = []): PageTreeNode => ({
  id,
  shortId: id,
  title,
  icon: null,
  position: 'a',
  children,
});

describe('layoutExport', () => {
  it('makes folders for pages with subpages and unique names among siblings', () => {
    const paths = layoutExport(
      [
        node('1', 'Team Handbook', [
          node('2', 'On-call'),
          node('3', 'On call'),
          node('4', 'Index'),
        ]),
        node('5', ''),
      ],
      'md',
    );
    expect([...paths]).toEqual([
      ['1', 'team-handbook/index.md'],
      ['2', 'team-handbook/on-call.md'],
      ['3', 'team-handbook/on-call-2.md'],
      ['4', 'team-handbook/index-page.md'],
      ['5', 'untitled.md'],
    ]);
  });
});

describe('relativeHref', () => {
  it('links files across folders with encoded segments', () => {
    expect(relativeHref('a/b/index.md', 'a/c.md')).toBe('../c.md');
    expect(relativeHref('a/index.md', 'a/b/index.md')).toBe('b/index.md');
    expect(relativeHref('x.md', 'attachments/my photo.png')).toBe('attachments/my%20photo.png');
    expect(relativeHref('a/b/c.md', 'a/b/d.md')).toBe('d.md');
  });
});
