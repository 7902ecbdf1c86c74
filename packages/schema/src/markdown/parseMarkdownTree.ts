import type MarkdownIt from 'markdown-it';
import type { Root } from 'mdast';
import { createMarkdownParser } from './createMarkdownParser';
import { markdownItToMdast } from './markdownItToMdast';
import { skipFrontMatter } from './skipFrontMatter';

/**
 * Built once, on first use (so that bundles not parsing Markdown can leave the parser out);
 * parsing keeps no state in it, only in the per-call environment.
 */
let parser: MarkdownIt | undefined;

/** Parses GitHub-flavoured Markdown (with optional YAML/TOML front matter) into mdast. */
export function parseMarkdownTree(markdown: string): Root {
  parser ??= createMarkdownParser();
  return markdownItToMdast(parser.parse(skipFrontMatter(markdown), {}));
}
