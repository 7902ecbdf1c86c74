import type { Response } from 'express';

/**
 * The public view's own policy, stricter than the app's: no script of any kind, styles and
 * images from this server only, no forms, no framing, no base URL.
 */
export const sharedViewPolicy = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers of every answer of the public view: its policy, no referrer (the address holds the
 * secret), nothing kept in caches (a revoked link must stop at once), and `noindex` unless the
 * sharer allowed indexing.
 */
export function setSharedViewHeaders(res: Response, allowIndexing: boolean): void {
  res.setHeader('Content-Security-Policy', sharedViewPolicy);
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'private, no-store');
  if (allowIndexing) res.removeHeader('X-Robots-Tag');
  else res.setHeader('X-Robots-Tag', 'noindex, nofollow');
}
