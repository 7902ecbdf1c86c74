import MarkdownIt from 'markdown-it';
import { gfmAutolinkLiterals } from './gfmAutolinkLiterals';
import { gfmFootnoteDefinitions } from './gfmFootnoteDefinitions';
import { gfmStrikethrough } from './gfmStrikethrough';
import { gfmTaskListItems } from './gfmTaskListItems';

/**
 * How deep blocks and inline markup may nest. markdown-it's default (100) drops the text of
 * blocks nested deeper; this keeps any real document whole and still bounds the recursion.
 */
const MAX_NESTING = 1000;

/**
 * A markdown-it parser for GitHub-flavoured Markdown as mdast holds it: raw HTML, tables,
 * strikethrough, task list items, autolink literals and footnotes. Links are kept as written
 * (no percent-encoding, no scheme filter): the schema decides which targets are safe.
 */
export function createMarkdownParser(): MarkdownIt {
  // `maxNesting` is a markdown-it option its type declarations leave out.
  const options = { html: true, maxNesting: MAX_NESTING };
  const md = new MarkdownIt('default', options);
  md.validateLink = () => true;
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  md.use(gfmAutolinkLiterals);
  md.use(gfmFootnoteDefinitions);
  md.use(gfmStrikethrough);
  md.use(gfmTaskListItems);
  return md;
}
