/**
 * Whether an image source may be stored and rendered: an uploaded attachment
 * (`/api/attachments/...`) or an `http(s)` URL. Relative file paths, `data:` and every other
 * scheme are refused; importers map local files to attachments first.
 */
export function isSafeImageSrc(src: unknown): src is string {
  if (typeof src !== 'string' || src.length > 4096) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused outright
  if (/[\u0000-\u0020\u007f-\u009f]/.test(src)) return false;
  if (src.startsWith('/api/attachments/')) return !src.includes('/../') && !src.includes('\\');
  return /^https?:\/\/[^/\\]/i.test(src);
}
