/** What can be reacted to. */
export type ReactionTargetKind = 'comment' | 'page';

/** One person's emoji on a comment or a page (at most one per person, emoji and target). */
export interface Reaction {
  readonly targetKind: ReactionTargetKind;
  /** The comment's or the page's id. */
  readonly targetId: string;
  readonly userId: string;
  readonly emoji: string;
  readonly createdAt: number;
}
