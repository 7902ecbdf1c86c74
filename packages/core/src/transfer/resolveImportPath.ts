/**
 * Resolves a relative reference found in an imported file (`./a.md`, `../b/`, `/c/d`, with
 * percent-escapes) to a path inside the imported folder, without query or anchor. A leading `/`
 * means the imported folder's top. Returns null when it leaves the folder or cannot be decoded.
 */
export function resolveImportPath(reference: string, fromFile: string): string | null {
  const withoutSuffix = reference.replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(withoutSuffix);
  } catch {
    return null;
  }
  if (decoded.includes('\\') || decoded.includes('\u0000')) return null;
  const base = decoded.startsWith('/') ? [] : fromFile.split('/').slice(0, -1);
  const segments = [...base];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return segments.join('/');
}
