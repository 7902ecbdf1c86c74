/**
 * The emoji people may react with: a fixed set, so reaction summaries stay short and every
 * client can draw them.
 */
export const reactionEmoji = [
  '👍',
  '👎',
  '😄',
  '🎉',
  '😕',
  '❤️',
  '🚀',
  '👀',
  '✅',
  '🙏',
  '🔥',
  '💯',
] as const;

export type ReactionEmoji = (typeof reactionEmoji)[number];

/** The allowed emoji `value` stands for (a heart without its variation selector is a heart), or null. */
export function normalizeReactionEmoji(value: string): ReactionEmoji | null {
  const normalized = value === '❤' ? '❤️' : value;
  return (reactionEmoji as readonly string[]).includes(normalized)
    ? (normalized as ReactionEmoji)
    : null;
}
