import type { AccessPolicy, Actor } from '../access/AccessPolicy';
import type { AccountStore } from '../accounts/AccountStore';
import type { UserAccount } from '../accounts/User';

export interface MentionDirectoryOptions {
  readonly people: Pick<AccountStore, 'listUsers'>;
  readonly policy: AccessPolicy;
}

/** Someone who may be mentioned on a page, and whether they can read it. */
export interface MentionablePerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly canRead: boolean;
}

/** What mentioning these people on a page would run into. */
export interface MentionCheck {
  /** Mentioned people who cannot read the page (they would not be told). */
  readonly cannotRead: readonly { readonly id: string; readonly name: string }[];
  /** Whether the caller may give people access to the page (they are its admin). */
  readonly canShare: boolean;
}

/** How well a person matches what was typed: 0 starts with it, 1 contains it, null neither. */
function matchRank(person: UserAccount, query: string): number | null {
  if (query === '') return 0;
  const name = person.displayName.toLowerCase();
  const email = person.email.toLowerCase();
  if (name.startsWith(query) || email.startsWith(query)) return 0;
  if (name.split(/\s+/).some((word) => word.startsWith(query))) return 0;
  if (name.includes(query) || email.includes(query)) return 1;
  return null;
}

/**
 * Who can be mentioned on a page, for the editor's `@` autocomplete, and what mentioning some
 * people would run into. Only people who may comment on the page may ask (a mention is written
 * in a comment or in the page), and only active accounts are offered.
 */
export class MentionDirectory {
  readonly #people: Pick<AccountStore, 'listUsers'>;
  readonly #policy: AccessPolicy;

  constructor(options: MentionDirectoryOptions) {
    this.#people = options.people;
    this.#policy = options.policy;
  }

  /**
   * People whose name or email starts with (or contains) `query`, case-insensitively: those who
   * can read the page first, then better matches, then by name; at most `limit`.
   * @throws NotFoundError / PermissionDeniedError unless the actor may comment on the page.
   */
  mentionable(actor: Actor, pageId: string, query: string, limit: number): MentionablePerson[] {
    const page = this.#policy.requirePage(actor, pageId, 'comment');
    const typed = query.trim().toLowerCase();
    const candidates = this.#people
      .listUsers()
      .filter((person) => person.disabledAt === null)
      .flatMap((person) => {
        const rank = matchRank(person, typed);
        return rank === null ? [] : [{ person, rank }];
      });
    const ranked = candidates.map(({ person, rank }) => ({
      person,
      rank,
      canRead: this.#policy.pageAccess(person, page) !== 'none',
    }));
    ranked.sort(
      (a, b) =>
        Number(b.canRead) - Number(a.canRead) ||
        a.rank - b.rank ||
        a.person.displayName.localeCompare(b.person.displayName) ||
        a.person.id.localeCompare(b.person.id),
    );
    return ranked.slice(0, limit).map(({ person, canRead }) => ({
      id: person.id,
      name: person.displayName,
      email: person.email,
      canRead,
    }));
  }

  /**
   * Which of these people cannot read the page, and whether the actor could give them access.
   * Unknown ids are left out.
   * @throws NotFoundError / PermissionDeniedError unless the actor may comment on the page.
   */
  check(actor: Actor, pageId: string, userIds: readonly string[]): MentionCheck {
    const { page, access } = this.#policy.requirePageAccess(actor, pageId, 'comment');
    const wanted = new Set(userIds);
    const cannotRead = this.#people
      .listUsers()
      .filter((person) => wanted.has(person.id))
      .filter(
        (person) => person.disabledAt !== null || this.#policy.pageAccess(person, page) === 'none',
      )
      .map((person) => ({ id: person.id, name: person.displayName }));
    return { cannotRead, canShare: access === 'admin' };
  }
}
