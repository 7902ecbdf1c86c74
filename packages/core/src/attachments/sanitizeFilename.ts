/** Longest file name kept, in characters; longer names are shortened before the extension. */
export const maxFilenameLength = 120;

/**
 * A file name safe to store, show and send back in a URL and a Content-Disposition header:
 * folder parts are dropped (only the last segment of `a/b\c` survives), control and
 * bidirectional-override characters are removed, characters that file systems refuse become
 * `_`, leading dots and surrounding spaces go, and the length is capped keeping the extension.
 * What remains is never empty, `.` or `..` (those become `file`).
 */
export function sanitizeFilename(input: string): string {
  const lastSegment = input.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    // Direction overrides can disguise an extension (`invoice<RLO>fdp.exe` shows as `exe.pdf`).
    .replace(/[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  const characters = Array.from(cleaned);
  if (characters.length === 0) return 'file';
  if (characters.length <= maxFilenameLength) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(cleaned.slice(dot)) : [];
  const kept = extension.length > 0 && extension.length <= 16 ? extension : [];
  return (
    characters
      .slice(0, maxFilenameLength - kept.length)
      .join('')
      .trimEnd() + kept.join('')
  );
}
