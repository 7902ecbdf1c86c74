/** Characters of a name that Markdown would read as syntax inside `[…]`. */
const MARKDOWN_SYNTAX = /[\\[\]*_`<>~&|]/g;

/** The user id of a mention link's target (`user:<id>`), or null for any other URL. */
export function mentionUserIdOf(url: string): string | null {
  return /^user:([A-Za-z0-9_-]{1,100})$/.exec(url)?.[1] ?? null;
}

/**
 * A mention written as in comment bodies, `@[Name](user:<id>)`, with the characters of the
 * name that Markdown would read as syntax escaped (they read back as written).
 */
export function mentionMarkdown(label: unknown, userId: unknown): string {
  const name = String(label ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(MARKDOWN_SYNTAX, '\\$&');
  return `@[${name}](user:${String(userId ?? '')})`;
}
