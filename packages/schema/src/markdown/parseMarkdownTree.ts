import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

const FRONT_MATTER = ['yaml', 'toml'] as const;

/** Parses GitHub-flavoured Markdown (with optional YAML/TOML front matter) into mdast. */
export function parseMarkdownTree(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfm(), frontmatter([...FRONT_MATTER])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown([...FRONT_MATTER])],
  });
}
