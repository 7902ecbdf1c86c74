const FENCE_LINE_REST = /^[ \t]*$/;

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
 * The Markdown after its front matter, without a byte order mark. Front matter is a YAML
 * (`---`) or TOML (`+++`) fence on the very first line, any lines, then the same fence on a line
 * of its own, trailing spaces and tabs allowed; without the closing fence there is none. This is
 * the block {@link readFrontMatter} reads.
 */
export function skipFrontMatter(markdown: string): string {
  const source = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const fence = source.startsWith('---') ? '---' : source.startsWith('+++') ? '+++' : null;
  if (fence === null) return source;
  let end = lineEnd(source, 0);
  if (end === source.length || !FENCE_LINE_REST.test(source.slice(3, end))) return source;
  while (end < source.length) {
    const start = nextLineStart(source, end);
    end = lineEnd(source, start);
    const line = source.slice(start, end);
    if (line.startsWith(fence) && FENCE_LINE_REST.test(line.slice(3))) return source.slice(end);
  }
  return source;
}
