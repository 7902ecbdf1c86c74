/**
 * Files an import skips: hidden files and folders (`.git/`, `.DS_Store`) and the resource forks
 * macOS adds to zips (`__MACOSX/`).
 */
export function isIgnoredPath(path: string): boolean {
  return path.split('/').some((segment) => segment.startsWith('.') || segment === '__MACOSX');
}
