/**
 * A comment's Markdown as the plain words an email quotes: mentions as `@Name`, links as their
 * text, emphasis and code marks dropped. The email renderers escape and shorten it.
 */
export function commentSnippet(markdown: string): string {
  return markdown
    .replace(/@\[([^\]\n]{1,200})\]\(user:[A-Za-z0-9_-]{1,100}\)/g, '@$1')
    .replace(/!?\[([^\]\n]*)\]\([^)\s]*\)/g, '$1')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?)/gm, '')
    .trim();
}
