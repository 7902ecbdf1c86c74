import { type Page, type PageTreeNode, pagePath, type Space } from '@lore/core';
import { z } from 'zod';

const iso = (ms: number) => new Date(ms).toISOString();

export const spaceSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Space' });

export const pageSchema = z
  .object({
    id: z.string(),
    shortId: z.string().describe('permanent short id for links: /s/<shortId>'),
    spaceId: z.string(),
    parentId: z.string().nullable(),
    position: z.string().describe('ordering key among siblings (byte order)'),
    title: z.string(),
    icon: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedBy: z.string(),
    updatedAt: z.string(),
    deletedAt: z.string().nullable().describe('set while the page is in the trash'),
    url: z
      .string()
      .describe('canonical web path, /<space-slug>/<title-slug>-<shortId>; older paths redirect'),
  })
  .meta({ id: 'Page' });

/** A page as other pages' link lists show it. */
export const pageRefSchema = z
  .object({
    id: z.string(),
    shortId: z.string(),
    title: z.string(),
    icon: z.string().nullable(),
    url: z.string(),
  })
  .meta({ id: 'PageRef' });

/** The space a listed page lives in. */
export const spaceRefSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string() })
  .meta({ id: 'SpaceRef' });

export interface TreeNodeJson {
  id: string;
  shortId: string;
  title: string;
  icon: string | null;
  url: string;
  children: TreeNodeJson[];
}

export const treeNodeSchema: z.ZodType<TreeNodeJson> = z
  .object({
    id: z.string(),
    shortId: z.string(),
    title: z.string(),
    icon: z.string().nullable(),
    url: z.string().describe('canonical web path'),
    get children() {
      return z.array(treeNodeSchema);
    },
  })
  .meta({ id: 'PageTreeNode' });

export function presentSpace(space: Space) {
  return {
    id: space.id,
    slug: space.slug,
    name: space.name,
    description: space.description,
    createdAt: iso(space.createdAt),
    updatedAt: iso(space.updatedAt),
  };
}

/** The space a page is in, as far as its address needs it. */
export interface SpaceSlug {
  readonly slug: string;
}

export function presentSpaceRef(space: Space) {
  return { id: space.id, slug: space.slug, name: space.name };
}

export function presentPageRef(page: Page, space: SpaceSlug) {
  return {
    id: page.id,
    shortId: page.shortId,
    title: page.title,
    icon: page.icon,
    url: pagePath(space.slug, page),
  };
}

export function presentPage(page: Page, space: SpaceSlug) {
  return {
    id: page.id,
    shortId: page.shortId,
    spaceId: page.spaceId,
    parentId: page.parentId,
    position: page.position,
    title: page.title,
    icon: page.icon,
    createdBy: page.createdBy,
    createdAt: iso(page.createdAt),
    updatedBy: page.updatedBy,
    updatedAt: iso(page.updatedAt),
    deletedAt: page.deletedAt === null ? null : iso(page.deletedAt),
    url: pagePath(space.slug, page),
  };
}

export function presentTree(nodes: PageTreeNode[], space: SpaceSlug): TreeNodeJson[] {
  return nodes.map((node) => ({
    id: node.id,
    shortId: node.shortId,
    title: node.title,
    icon: node.icon,
    url: pagePath(space.slug, node),
    children: presentTree(node.children, space),
  }));
}
