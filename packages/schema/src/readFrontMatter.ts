import { scanFrontMatter } from './markdown/scanFrontMatter';

/** Front matter at the start of a Markdown file. */
export interface FrontMatter {
  format: 'yaml' | 'toml';
  /** The text between the fences, without them. */
  raw: string;
}

/**
 * Reads the YAML (`---`) or TOML (`+++`) front matter of a Markdown file, which
 * {@link markdownToJSON} skips, or returns null when there is none. The text is returned as
 * written: parsing it is the caller's choice.
 */
export function readFrontMatter(markdown: string): FrontMatter | null {
  const block = scanFrontMatter(markdown);
  return block ? { format: block.format, raw: block.raw } : null;
}
