import { scanFrontMatter } from './scanFrontMatter';

/**
 * The Markdown after its front matter (see {@link scanFrontMatter}), without a byte order mark.
 */
export function skipFrontMatter(markdown: string): string {
  const block = scanFrontMatter(markdown);
  if (block) return markdown.slice(block.end);
  return markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
}
