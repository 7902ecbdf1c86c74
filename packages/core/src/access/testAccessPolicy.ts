import type { Page } from '../pages/Page';
import type { PageStore } from '../pages/PageStore';
import type { Space } from '../pages/Space';
import { AccessPolicy } from './AccessPolicy';
import type { AccessStore } from './AccessStore';
import { MemoryAccessStore } from './MemoryAccessStore';

/** A space for tests: open, members edit; fields given override. */
export function testSpace(fields: Partial<Space> & { id: string }): Space {
  return {
    slug: fields.id,
    name: fields.id,
    description: '',
    visibility: 'open',
    defaultRole: 'editor',
    createdBy: '',
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  };
}

/**
 * An `AccessPolicy` over page lookups a test already has, with the given spaces (by default one
 * open space with id `space`) and an access store (in memory unless given).
 */
export function testAccessPolicy(options: {
  pages: Pick<PageStore, 'findPageById' | 'findPageByShortId'> &
    Partial<Pick<PageStore, 'listDescendantIds'>>;
  spaces?: readonly Space[];
  store?: AccessStore;
}): { policy: AccessPolicy; store: AccessStore } {
  const store = options.store ?? new MemoryAccessStore();
  const spaces = options.spaces ?? [testSpace({ id: 'space' })];
  const pages = options.pages;
  const policy = new AccessPolicy({
    store,
    spaces: {
      findSpaceById: (id) => spaces.find((space) => space.id === id) ?? null,
      findSpaceBySlug: (slug) => spaces.find((space) => space.slug === slug) ?? null,
      listSpaces: () => [...spaces],
    },
    pages: {
      findPageById: (id) => pages.findPageById(id),
      findPageByShortId: (shortId) => pages.findPageByShortId(shortId),
      listDescendantIds: (id) => pages.listDescendantIds?.(id) ?? [],
    },
  });
  return { policy, store };
}

/** Page lookups over a map of pages, for `testAccessPolicy`. */
export function pageLookups(pages: ReadonlyMap<string, Page>) {
  const descendants = (id: string): string[] =>
    [...pages.values()]
      .filter((page) => page.parentId === id)
      .flatMap((page) => [page.id, ...descendants(page.id)]);
  return {
    findPageById: (id: string) => pages.get(id) ?? null,
    findPageByShortId: (shortId: string) =>
      [...pages.values()].find((page) => page.shortId === shortId) ?? null,
    listDescendantIds: descendants,
  };
}
