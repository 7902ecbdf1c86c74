import type { User } from '../accounts/User';
import type { Clock } from '../Clock';
import { ValidationError } from '../DomainError';
import type { EventLog } from '../events/EventLog';
import type { Space } from '../pages/Space';
import type { SpaceStore } from '../pages/SpaceStore';
import type { AccessPolicy } from './AccessPolicy';
import type { AccessStore } from './AccessStore';
import type { DefaultSpaceRole } from './SpaceRole';
import type { SpaceVisibility } from './SpaceVisibility';

export interface SpaceSettingsServiceOptions {
  readonly spaces: Pick<SpaceStore, 'updateSpace'>;
  /** Its transaction covers the space's row and the event (the same database). */
  readonly store: Pick<AccessStore, 'transaction'>;
  readonly policy: AccessPolicy;
  readonly clock: Clock;
  readonly events: EventLog;
}

/** Changes to a space's settings; absent fields stay as they are. */
export interface SpaceChanges {
  readonly name?: string;
  readonly description?: string;
  readonly visibility?: SpaceVisibility;
  readonly defaultRole?: DefaultSpaceRole;
}

export const spaceNameMaxLength = 100;
export const spaceDescriptionMaxLength = 1000;

/** A space's name, description and who reads it; space admins (and workspace admins) only. */
export class SpaceSettingsService {
  readonly #options: SpaceSettingsServiceOptions;

  constructor(options: SpaceSettingsServiceOptions) {
    this.#options = options;
  }

  update(actor: User, spaceIdOrSlug: string, changes: SpaceChanges): Space {
    const { spaces, store, policy, clock, events } = this.#options;
    const { space } = policy.requireSpace(actor, spaceIdOrSlug, 'admin');
    const name = changes.name === undefined ? space.name : changes.name.trim();
    if (name.length === 0 || name.length > spaceNameMaxLength) {
      throw new ValidationError(`A space name must be 1 to ${spaceNameMaxLength} characters.`);
    }
    const description = (changes.description ?? space.description).trim();
    if (description.length > spaceDescriptionMaxLength) {
      throw new ValidationError(
        `A space description must be at most ${spaceDescriptionMaxLength} characters.`,
      );
    }
    const now = clock.now();
    const updated: Space = {
      ...space,
      name,
      description,
      visibility: changes.visibility ?? space.visibility,
      defaultRole: changes.defaultRole ?? space.defaultRole,
      updatedAt: now,
    };
    const renamed = updated.name !== space.name || updated.description !== space.description;
    const reach =
      updated.visibility !== space.visibility || updated.defaultRole !== space.defaultRole;
    if (!renamed && !reach) return space;
    store.transaction(() => {
      spaces.updateSpace(updated);
      const common = { pageId: null, spaceId: space.id, actorId: actor.id, at: now };
      if (renamed) events.append({ ...common, type: 'space.changed', data: { name } });
      if (reach) {
        events.append({
          ...common,
          type: 'space.visibility_changed',
          data: {
            visibility: updated.visibility,
            defaultRole: updated.defaultRole,
            previousVisibility: space.visibility,
            previousDefaultRole: space.defaultRole,
          },
        });
      }
    });
    return updated;
  }
}
