import { describe, expect, it } from 'vitest';
import { planImportTree } from './planImportTree';
import { resolveImportLink } from './resolveImportLink';

const plan = planImportTree([
  'index.md',
  'team/README.md',
  'team/on call.md',
  'team/people.md',
  'guides/setup.md',
]);
const resolve = (href: string, from = 'team/people.md') => resolveImportLink(href, from, plan);

describe('resolveImportLink', () => {
  it('resolves relative, extensionless, folder and top-anchored links with their anchors', () => {
    expect(resolve('./on%20call.md')).toEqual({
      kind: 'page',
      key: 'team/on call.md',
      anchor: null,
    });
    expect(resolve('../guides/setup#linux-install')).toEqual({
      kind: 'page',
      key: 'guides/setup.md',
      anchor: 'linux-install',
    });
    expect(resolve('../team/')).toEqual({ kind: 'page', key: 'team/', anchor: null });
    expect(resolve('.')).toEqual({ kind: 'page', key: 'team/', anchor: null });
    expect(resolve('README.md#top')).toEqual({ kind: 'page', key: 'team/', anchor: 'top' });
    expect(resolve('/guides/setup.md')).toEqual({
      kind: 'page',
      key: 'guides/setup.md',
      anchor: null,
    });
    expect(resolve('../index.md')).toEqual({ kind: 'page', key: 'index.md', anchor: null });
  });

  it('keeps external links and same-page anchors, and reports links to nothing', () => {
    expect(resolve('https://example.com/a.md')).toEqual({ kind: 'keep' });
    expect(resolve('mailto:a@example.com')).toEqual({ kind: 'keep' });
    expect(resolve('#section')).toEqual({ kind: 'keep' });
    expect(resolve('//cdn.example.com/x')).toEqual({ kind: 'keep' });
    expect(resolve('/s/abcdefghij#intro')).toEqual({ kind: 'keep' });
    expect(resolve('missing.md')).toEqual({ kind: 'unresolved' });
    expect(resolve('../../outside.md')).toEqual({ kind: 'unresolved' });
    expect(resolve('%E0%A4%A.md')).toEqual({ kind: 'unresolved' });
  });
});
