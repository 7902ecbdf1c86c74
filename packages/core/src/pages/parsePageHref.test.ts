import { describe, expect, it } from 'vitest';
import { pagePath, shortPagePath } from './pagePath';
import { parsePageHref, parsePagePath } from './parsePageHref';

const id = 'abc234defg';

describe('pagePath', () => {
  it('joins the space slug, the slugified title and the short id', () => {
    expect(pagePath('eng', { title: 'Café Ops: On-call!', shortId: id })).toBe(
      `/eng/cafe-ops-on-call-${id}`,
    );
    expect(pagePath('eng', { title: '', shortId: id })).toBe(`/eng/untitled-${id}`);
    expect(pagePath('eng', { title: '日本語', shortId: id })).toBe(`/eng/untitled-${id}`);
    expect(shortPagePath(id)).toBe(`/s/${id}`);
  });
});

describe('parsePagePath', () => {
  it('reads short and canonical paths whatever their space and title parts say', () => {
    expect(parsePagePath(`/s/${id}`)).toBe(id);
    expect(parsePagePath(`/eng/old-title-${id}`)).toBe(id);
    expect(parsePagePath(`/other/${id}`)).toBe(id);
  });

  it('leaves the app’s own paths and other shapes alone', () => {
    expect(parsePagePath('/s/ABC234DEFG')).toBeNull();
    expect(parsePagePath('/s/abc234defl')).toBeNull();
    expect(parsePagePath(`/spaces/platform-${id}`)).toBeNull();
    expect(parsePagePath('/pages/0c9a3c1e-8b1e-4c55-9d7e-1a2b3c4d5e6f')).toBeNull();
    expect(parsePagePath(`/eng/x-${id}/more`)).toBeNull();
    expect(parsePagePath(`/eng/title${id}`)).toBeNull();
    expect(parsePagePath('/')).toBeNull();
  });
});

describe('parsePageHref', () => {
  const origin = 'https://wiki.example.com';

  it('recognises short links with anchors, canonical paths and absolute URLs on our origin', () => {
    expect(parsePageHref(`/s/${id}`)).toEqual({ shortId: id, anchor: null });
    expect(parsePageHref(`/s/${id}#set-up`)).toEqual({ shortId: id, anchor: 'set-up' });
    expect(parsePageHref(`/eng/guide-${id}?x=1#h`)).toEqual({ shortId: id, anchor: 'h' });
    expect(parsePageHref(`${origin}/s/${id}#a`, { origin })).toEqual({ shortId: id, anchor: 'a' });
    expect(parsePageHref(`${origin}/eng/guide-${id}/`, { origin })).toEqual({
      shortId: id,
      anchor: null,
    });
  });

  it('ignores other sites, protocol-relative hrefs and unknown shapes', () => {
    expect(parsePageHref(`https://elsewhere.example/s/${id}`, { origin })).toBeNull();
    expect(parsePageHref(`${origin}/s/${id}`)).toBeNull();
    expect(parsePageHref(`//wiki.example.com/s/${id}`, { origin })).toBeNull();
    expect(parsePageHref('mailto:someone@example.com', { origin })).toBeNull();
    expect(parsePageHref('#local-heading')).toBeNull();
    expect(parsePageHref('/search?q=x')).toBeNull();
    expect(parsePageHref('/s/%E0%A4%A')).toBeNull();
  });
});
