import type { PageRestrictions, PrincipalList } from '@lore/api';
import { ApiError } from '../api/ApiError';
import { accessApi } from './accessApi';

/** One restricted page above (or at) a page, with its lists. */
export interface RestrictedLevel {
  pageId: string;
  view: PrincipalList | null;
  edit: PrincipalList | null;
}

export interface PageAccessChain {
  /** The page's own restrictions. */
  own: PageRestrictions;
  /** The restricted pages above it, nearest first, with their lists. */
  inherited: RestrictedLevel[];
  /**
   * The groups named anywhere in the chain that the signed-in person is in, or null when they
   * may not look into groups (guests).
   */
  myGroups: ReadonlySet<string> | null;
}

/**
 * Loads a page's restrictions, those of the restricted pages above it (readable, since
 * restrictions narrow down the tree), and which of the groups they name include `userId`.
 */
export async function loadPageAccessChain(
  pageId: string,
  userId: string,
): Promise<PageAccessChain> {
  const own = await accessApi.pageRestrictions(pageId);
  const inherited = await Promise.all(
    own.inheritedFrom.map(async (id) => {
      const { view, edit } = await accessApi.pageRestrictions(id);
      return { pageId: id, view, edit };
    }),
  );
  const groupIds = new Set<string>();
  for (const level of [own, ...inherited]) {
    for (const list of [level.view, level.edit]) {
      for (const id of list?.groups ?? []) groupIds.add(id);
    }
  }
  return { own, inherited, myGroups: await groupsContaining([...groupIds], userId) };
}

async function groupsContaining(
  groupIds: string[],
  userId: string,
): Promise<ReadonlySet<string> | null> {
  try {
    const groups = await Promise.all(
      groupIds.map((id) =>
        accessApi.group(id).catch((failure: unknown) => {
          if (failure instanceof ApiError && failure.status === 404) return null;
          throw failure;
        }),
      ),
    );
    return new Set(
      groups.flatMap((group) =>
        group?.members.some((member) => member.id === userId) ? [group.group.id] : [],
      ),
    );
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 403) return null;
    throw failure;
  }
}
