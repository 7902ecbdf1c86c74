import type { Space } from './Space';

/** Persistence of spaces. */
export interface SpaceStore {
  /** Inserts the space; returns false when the slug is taken. */
  insertSpace(space: Space): boolean;
  findSpaceById(id: string): Space | null;
  findSpaceBySlug(slug: string): Space | null;
  listSpaces(): Space[];
  /** Replaces the space's name, description, visibility, default role and update time. */
  updateSpace(space: Space): void;
}
