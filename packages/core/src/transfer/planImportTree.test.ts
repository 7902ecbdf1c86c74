import { describe, expect, it } from 'vitest';
import { planImportTree } from './planImportTree';

describe('planImportTree', () => {
  it('turns folders into parent pages, using index.md or README.md as their content', () => {
    const plan = planImportTree([
      'index.md',
      'b.md',
      'team/README.md',
      'team/people.md',
      'team/img/photo.png',
      'guides/setup/Index.MD',
      'guides/setup/linux.md',
      'guides/faq.md',
      'assets/logo.svg',
    ]);
    expect(plan.pages.map((page) => [page.key, page.parentKey, page.file])).toEqual([
      ['b.md', null, 'b.md'],
      ['guides/', null, null],
      ['guides/faq.md', 'guides/', 'guides/faq.md'],
      ['guides/setup/', 'guides/', 'guides/setup/Index.MD'],
      ['guides/setup/linux.md', 'guides/setup/', 'guides/setup/linux.md'],
      ['index.md', null, 'index.md'],
      ['team/', null, 'team/README.md'],
      ['team/people.md', 'team/', 'team/people.md'],
    ]);
    expect(plan.keyOfFile.get('team/README.md')).toBe('team/');
    expect(plan.keyOfFolder.get('guides')).toBe('guides/');
    expect(plan.pages.find((page) => page.key === 'guides/')?.fallbackTitle).toBe('guides');
    expect(plan.pages.find((page) => page.key === 'b.md')?.fallbackTitle).toBe('b');
  });

  it('prefers index.md over README.md and keeps the README as a page of its own', () => {
    const plan = planImportTree(['a/README.md', 'a/index.md']);
    expect(plan.pages.map((page) => [page.key, page.file])).toEqual([
      ['a/', 'a/index.md'],
      ['a/README.md', 'a/README.md'],
    ]);
  });

  it('orders siblings by name, numbers by value', () => {
    const plan = planImportTree(['10-z.md', '2-a.md', '1-b.md']);
    expect(plan.pages.map((page) => page.key)).toEqual(['1-b.md', '2-a.md', '10-z.md']);
  });
});
