import type { NewSpaceActivity, SpaceActivity, SpaceActivityCursor } from './SpaceActivity';

/** Persistence of what happened in each space (a read model derived from domain events). */
export interface SpaceActivityStore {
  /**
   * Records the row, once per `dedupeKey`: recording a key again changes nothing but moving its
   * time on to a later `at` (so it is safe to repeat).
   */
  record(activity: NewSpaceActivity): void;
  /** The space's rows, newest first (then highest id first), older than `before` if given. */
  list(spaceId: string, before: SpaceActivityCursor | null, limit: number): SpaceActivity[];
}
