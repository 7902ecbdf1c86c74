/** Front matter at the start of a Markdown file. */
export interface FrontMatter {
  format: 'yaml' | 'toml';
  /** The text between the fences, without them. */
  raw: string;
}

const FENCES = [
  { format: 'yaml', pattern: /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/ },
  { format: 'toml', pattern: /^\+\+\+[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?\+\+\+[ \t]*(?:\r?\n|$)/ },
] as const;

/**
 * Reads the YAML (`---`) or TOML (`+++`) front matter of a Markdown file, which
 * {@link markdownToJSON} skips, or returns null when there is none. The text is returned as
 * written: parsing it is the caller's choice.
 */
export function readFrontMatter(markdown: string): FrontMatter | null {
  for (const { format, pattern } of FENCES) {
    const match = pattern.exec(markdown);
    if (match) return { format, raw: match[1] ?? '' };
  }
  return null;
}
