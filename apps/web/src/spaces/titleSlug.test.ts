import { describe, expect, it } from 'vitest';
import { pageReferenceOfPath, parsePageReference } from './parsePageReference';
import { canonicalPagePath, titleSlug } from './titleSlug';

describe('titleSlug', () => {
  it('lowercases, drops accents and joins words with hyphens', () => {
    expect(titleSlug('Crème Brûlée: How-To!')).toBe('creme-brulee-how-to');
  });

  it('calls an empty or symbol-only title untitled', () => {
    expect(titleSlug('')).toBe('untitled');
    expect(titleSlug('  ✨ ')).toBe('untitled');
  });

  it('cuts long titles at 60 characters without a trailing hyphen', () => {
    const slug = titleSlug(`${'a'.repeat(59)} bcd`);
    expect(slug).toBe('a'.repeat(59));
  });

  it('builds the canonical path', () => {
    expect(canonicalPagePath('eng', 'Launch plan', 'k3x9p2m4qa')).toBe(
      '/eng/launch-plan-k3x9p2m4qa',
    );
  });
});

describe('parsePageReference', () => {
  it('reads a page id', () => {
    expect(parsePageReference('0F8FAD5B-D9CB-469F-A165-70867728950E')).toEqual({
      kind: 'id',
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    });
  });

  it('reads the short id after the last hyphen of a canonical slug', () => {
    expect(parsePageReference('launch-plan-k3x9p2m4qa')).toEqual({
      kind: 'shortId',
      shortId: 'k3x9p2m4qa',
    });
    expect(parsePageReference('k3x9p2m4qa')).toEqual({ kind: 'shortId', shortId: 'k3x9p2m4qa' });
  });

  it('rejects what cannot be a short id', () => {
    expect(parsePageReference('launch-plan-')).toBeNull();
    expect(parsePageReference('Launch-Plan-K3X9')).toBeNull();
    expect(parsePageReference('%E0%A4%A')).toBeNull();
  });
});

describe('pageReferenceOfPath', () => {
  it('recognises the three page addresses', () => {
    expect(pageReferenceOfPath('/pages/0f8fad5b-d9cb-469f-a165-70867728950e')).toMatchObject({
      kind: 'id',
    });
    expect(pageReferenceOfPath('/s/k3x9p2m4qa')).toEqual({
      kind: 'shortId',
      shortId: 'k3x9p2m4qa',
    });
    expect(pageReferenceOfPath('/eng/launch-plan-k3x9p2m4qa')).toEqual({
      kind: 'shortId',
      shortId: 'k3x9p2m4qa',
    });
  });

  it('ignores the other addresses of the app', () => {
    expect(pageReferenceOfPath('/spaces/eng')).toBeNull();
    expect(pageReferenceOfPath('/spaces/eng/trash')).toBeNull();
    expect(pageReferenceOfPath('/settings')).toBeNull();
    expect(pageReferenceOfPath('/search/foo-k3x9p2m4qa')).toBeNull();
    expect(pageReferenceOfPath('/pages/k3x9p2m4qa')).toBeNull();
    expect(pageReferenceOfPath('/')).toBeNull();
  });
});
