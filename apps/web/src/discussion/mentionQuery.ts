/** An `@name` being typed: where the `@` is and what follows it up to the caret. */
export interface MentionQuery {
  readonly start: number;
  readonly query: string;
}

/** The longest name part the autocomplete looks up. */
const maxQueryLength = 40;

/**
 * The mention being typed at `caret` in `text`, or null. An `@` starts one at the start of the
 * text or after a space, bracket or quote (not inside an address like `ada@example.com`); it
 * ends at a line break or at a second space in a row.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1) return null;
  const query = before.slice(at + 1);
  if (query.length > maxQueryLength || /\n|\s\s|^\s|[[\]()@]/.test(query)) return null;
  const previous = at === 0 ? '' : (before[at - 1] as string);
  if (previous !== '' && !/[\s([{"'“‘]/.test(previous)) return null;
  return { start: at, query };
}

/** Brackets would end the Markdown of a mention early; they are left out of its name. */
const safeName = (name: string) => name.replace(/[[\]]/g, '').trim() || 'someone';

/**
 * The text with the mention being typed replaced by `@[Name](user:id)` and a space, and where
 * the caret goes after it.
 */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  person: { readonly id: string; readonly name: string },
): { text: string; caret: number } {
  const written = `@[${safeName(person.name)}](user:${person.id}) `;
  const after = text.slice(caret).replace(/^ /, '');
  return {
    text: text.slice(0, mention.start) + written + after,
    caret: mention.start + written.length,
  };
}

/** The ids of the people a comment's Markdown mentions, each once. */
export function mentionedIds(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(/@\[[^\]\n]*\]\(user:([^)\s]+)\)/g)) {
    if (match[1]) ids.add(match[1]);
  }
  return [...ids];
}
