/**
 * A mention in a comment's Markdown: `@[Display Name](user:<userId>)`. The name is what the
 * author saw; readers are shown the person's current name. The schema's comment renderer reads
 * the same syntax (`renderCommentMarkdown`).
 */
export const mentionPattern = /@\[([^\]\n]{1,200})\]\(user:([A-Za-z0-9_-]{1,100})\)/g;

/** The ids of the people a comment body mentions, each once, in the order they first appear. */
export function parseMentions(body: string): string[] {
  const ids = new Set<string>();
  for (const match of body.matchAll(mentionPattern)) {
    const id = match[2];
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}
