import type { AccessStore } from '../access/AccessStore';
import type { AccountStore } from '../accounts/AccountStore';
import type { PageStore } from '../pages/PageStore';
import type { SpaceStore } from '../pages/SpaceStore';
import type { AuditDirectory } from './AuditDirectory';

export interface StoreAuditDirectoryOptions {
  readonly people: Pick<AccountStore, 'findUserById'>;
  readonly pages: Pick<PageStore, 'findPageById'>;
  readonly spaces: Pick<SpaceStore, 'findSpaceById'>;
  readonly groups: Pick<AccessStore, 'findGroupById'>;
}

/** The audit directory over the stores, read inside the writer's transaction. */
export class StoreAuditDirectory implements AuditDirectory {
  readonly #options: StoreAuditDirectoryOptions;

  constructor(options: StoreAuditDirectoryOptions) {
    this.#options = options;
  }

  person(id: string) {
    const user = this.#options.people.findUserById(id);
    if (!user) return null;
    return { name: user.displayName, email: user.deletedAt === null ? user.email : null };
  }

  page(id: string) {
    const page = this.#options.pages.findPageById(id);
    return page ? { title: page.title, spaceId: page.spaceId } : null;
  }

  space(id: string): string | null {
    return this.#options.spaces.findSpaceById(id)?.name ?? null;
  }

  group(id: string): string | null {
    return this.#options.groups.findGroupById(id)?.name ?? null;
  }
}
