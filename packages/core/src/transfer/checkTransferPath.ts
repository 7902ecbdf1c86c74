import { ValidationError } from '../DomainError';

const maxPathLength = 1024;

/**
 * Accepts a file path of an import only when it stays inside the imported folder: relative,
 * `/`-separated, no `.` or `..` segments, no backslashes, drive letters or control characters.
 * Returns it unchanged; throws a `ValidationError` naming it otherwise.
 */
export function checkTransferPath(path: string): string {
  const problem = pathProblem(path);
  if (problem !== null) {
    throw new ValidationError(`Refused the file "${printable(path)}": ${problem}.`);
  }
  return path;
}

function pathProblem(path: string): string | null {
  if (path.length === 0) return 'the name is empty';
  if (path.length > maxPathLength) return `the path is longer than ${maxPathLength} characters`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'the name contains control characters';
  if (path.includes('\\')) return 'the path contains a backslash';
  if (path.startsWith('/')) return 'the path is absolute';
  if (/^[A-Za-z]:/.test(path)) return 'the path starts with a drive letter';
  const segments = path.split('/');
  if (segments.some((segment) => segment === '..')) return 'the path leaves the folder (..)';
  if (segments.some((segment) => segment === '.' || segment === '')) {
    return 'the path has an empty or "." segment';
  }
  return null;
}

function printable(path: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: shown escaped in the message
  return path.slice(0, 200).replace(/[\u0000-\u001f\u007f]/g, '?');
}
