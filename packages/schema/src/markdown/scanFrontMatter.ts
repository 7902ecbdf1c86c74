/** Front matter found at the start of a Markdown file. */
export interface FrontMatterBlock {
  readonly format: 'yaml' | 'toml';
  /** The text between the fences, without them and without the line end before the closing one. */
  readonly raw: string;
  /** Index in the scanned text right after the closing fence's line, before its line end. */
  readonly end: number;
}

const fenceLineRest = /^[ \t]*$/;

function lineEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x0d) return index;
  }
  return text.length;
}

function nextLineStart(text: string, end: number): number {
  return text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
}

/**
 * Finds front matter: a YAML (`---`) or TOML (`+++`) fence on the very first line (after a byte
 * order mark, if any), any lines, then the same fence on a line of its own; trailing spaces and
 * tabs are allowed after either fence, lines may end in LF, CRLF or CR. Without the closing fence
 * there is no front matter. The one scanner behind {@link readFrontMatter} and `skipFrontMatter`,
 * so what the importer reads is exactly what the parser skips.
 */
export function scanFrontMatter(markdown: string): FrontMatterBlock | null {
  const start = markdown.charCodeAt(0) === 0xfeff ? 1 : 0;
  const format = markdown.startsWith('---', start)
    ? 'yaml'
    : markdown.startsWith('+++', start)
      ? 'toml'
      : null;
  if (format === null) return null;
  const fence = format === 'yaml' ? '---' : '+++';
  let end = lineEnd(markdown, start);
  if (end === markdown.length || !fenceLineRest.test(markdown.slice(start + 3, end))) return null;
  const rawStart = nextLineStart(markdown, end);
  while (end < markdown.length) {
    const previousEnd = end;
    const lineStart = nextLineStart(markdown, end);
    end = lineEnd(markdown, lineStart);
    const line = markdown.slice(lineStart, end);
    if (line.startsWith(fence) && fenceLineRest.test(line.slice(3))) {
      return {
        format,
        raw: lineStart === rawStart ? '' : markdown.slice(rawStart, previousEnd),
        end,
      };
    }
  }
  return null;
}
