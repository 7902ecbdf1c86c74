import type { RawFrontMatter } from './MarkdownCodec';

/**
 * The `title` of YAML (`title: …`) or TOML (`title = "…"`) front matter, unquoted, or null.
 * Only top-level scalars on one line are read: enough for titles, without a YAML parser.
 */
export function frontMatterTitle(frontMatter: RawFrontMatter | null): string | null {
  return frontMatterField(frontMatter, 'title');
}

/**
 * The `order` of front matter: where the page goes among its siblings (lower first; pages
 * without one follow, by file name). Lore's exports write it, so a round trip keeps the order.
 */
export function frontMatterOrder(frontMatter: RawFrontMatter | null): number | null {
  const value = frontMatterField(frontMatter, 'order');
  if (value === null || !/^-?\d+(\.\d+)?$/.test(value)) return null;
  return Number(value);
}

function frontMatterField(
  frontMatter: RawFrontMatter | null,
  name: 'title' | 'order',
): string | null {
  if (frontMatter === null) return null;
  const separator = frontMatter.format === 'yaml' ? ':' : '=';
  const line = frontMatter.raw
    .split(/\r?\n/)
    .find(
      (candidate) =>
        candidate.startsWith(name) &&
        candidate.slice(name.length).trimStart().startsWith(separator),
    );
  if (line === undefined) return null;
  const raw = line.slice(line.indexOf(separator) + 1).trim();
  const value = unquote(raw).trim();
  return value === '' ? null : value;
}

function unquote(value: string): string {
  if (value.startsWith('"')) {
    const end = value.lastIndexOf('"');
    const inner = end > 0 ? value.slice(0, end + 1) : `${value}"`;
    try {
      return String(JSON.parse(inner));
    } catch {
      return inner.slice(1, -1);
    }
  }
  if (value.startsWith("'")) {
    const end = value.lastIndexOf("'");
    return (end > 0 ? value.slice(1, end) : value.slice(1)).replace(/''/g, "'");
  }
  // A plain YAML scalar ends at a comment.
  return value.replace(/\s+#.*$/, '');
}
