import type { Root } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

const FRONT_MATTER: ('yaml' | 'toml')[] = ['yaml', 'toml'];

/** Built once: the extension objects are plain, read-only configuration. */
const OPTIONS: Options = {
  extensions: [gfm(), frontmatter(FRONT_MATTER)],
  mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(FRONT_MATTER)],
};

/** Parses GitHub-flavoured Markdown (with optional YAML/TOML front matter) into mdast. */
export function parseMarkdownTree(markdown: string): Root {
  return fromMarkdown(markdown, OPTIONS);
}
