import { describe, expect, it } from 'vitest';
import { isSafeHref } from './isSafeHref';
import { isSafeImageSrc } from './isSafeImageSrc';

describe('isSafeHref', () => {
  it.each([
    'https://example.com/a?b=c#d',
    'http://example.com',
    'mailto:someone@example.com',
    'HTTPS://EXAMPLE.COM',
    '/spaces/eng/page',
    '../other.md#section',
    'page.md',
    '#getting-started',
    '?tab=history',
  ])('accepts %s', (href) => {
    expect(isSafeHref(href)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com',
    '//evil.example.com/path',
    '\\\\evil.example.com',
    '/\\evil.example.com',
    'tel:123',
    'foo:bar',
    '',
  ])('refuses %j', (href) => {
    expect(isSafeHref(href)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    expect(isSafeHref(null)).toBe(false);
    expect(isSafeHref({ href: 'https://x' })).toBe(false);
  });
});

describe('isSafeImageSrc', () => {
  it('accepts attachments and http(s) images', () => {
    expect(isSafeImageSrc('/api/attachments/abc123/diagram.png')).toBe(true);
    expect(isSafeImageSrc('https://cdn.example.com/a.png')).toBe(true);
    expect(isSafeImageSrc('http://cdn.example.com/a.png')).toBe(true);
  });

  it('refuses relative files, other API paths, data: and script URLs', () => {
    expect(isSafeImageSrc('../img/a.png')).toBe(false);
    expect(isSafeImageSrc('/api/pages/1')).toBe(false);
    expect(isSafeImageSrc('/api/attachments/../pages/1')).toBe(false);
    expect(isSafeImageSrc('data:image/png;base64,AAAA')).toBe(false);
    expect(isSafeImageSrc('javascript:alert(1)')).toBe(false);
    expect(isSafeImageSrc('//cdn.example.com/a.png')).toBe(false);
    expect(isSafeImageSrc('https://cdn.example.com/a b.png')).toBe(false);
  });
});
