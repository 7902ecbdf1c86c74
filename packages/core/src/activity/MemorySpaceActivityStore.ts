import type { NewSpaceActivity, SpaceActivity, SpaceActivityCursor } from './SpaceActivity';
import type { SpaceActivityStore } from './SpaceActivityStore';

const isBefore = (row: SpaceActivity, cursor: SpaceActivityCursor) =>
  row.at < cursor.at || (row.at === cursor.at && row.id < cursor.id);

/** `SpaceActivityStore` in memory, for tests of the services. */
export class MemorySpaceActivityStore implements SpaceActivityStore {
  readonly #rows = new Map<string, SpaceActivity>();
  #lastId = 0;

  record(activity: NewSpaceActivity): void {
    const { dedupeKey, ...row } = activity;
    const known = this.#rows.get(dedupeKey);
    if (known) {
      if (activity.at > known.at) this.#rows.set(dedupeKey, { ...known, at: activity.at });
      return;
    }
    this.#lastId += 1;
    this.#rows.set(dedupeKey, { ...row, id: this.#lastId });
  }

  list(spaceId: string, before: SpaceActivityCursor | null, limit: number): SpaceActivity[] {
    return [...this.#rows.values()]
      .filter((row) => row.spaceId === spaceId && (before === null || isBefore(row, before)))
      .sort((a, b) => b.at - a.at || b.id - a.id)
      .slice(0, limit);
  }
}
