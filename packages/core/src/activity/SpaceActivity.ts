/** What can happen to a page, as a space's activity shows it. */
export const spaceActivityKinds = [
  'created',
  'edited',
  'commented',
  'moved',
  'renamed',
  'deleted',
  'restored',
] as const;
export type SpaceActivityKind = (typeof spaceActivityKinds)[number];

/** One thing that happened to a page of a space, about to be recorded. */
export interface NewSpaceActivity {
  readonly spaceId: string;
  readonly pageId: string;
  /** Null for the system. */
  readonly actorId: string | null;
  readonly kind: SpaceActivityKind;
  readonly at: number;
  /**
   * Recording the same key again records nothing new, except that a later `at` moves the row on:
   * the event's number for most things, the page, person and hour for edits (so edits collapse).
   */
  readonly dedupeKey: string;
}

/** A recorded row of a space's activity. */
export interface SpaceActivity extends Omit<NewSpaceActivity, 'dedupeKey'> {
  readonly id: number;
}

/** Where a page of activity ends: the last row's time and id (rows before it come next). */
export interface SpaceActivityCursor {
  readonly at: number;
  readonly id: number;
}
