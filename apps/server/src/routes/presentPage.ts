import type { Page as PageJson, PageRef, Space as SpaceJson, SpaceRef, TreeNode } from '@lore/api';
import { type Page, type PageTreeNode, pagePath, type Space, type SpaceRole } from '@lore/core';

const iso = (ms: number) => new Date(ms).toISOString();

/** A space as the person asking sees it, with their own role in it. */
export function presentSpace(space: Space, role: SpaceRole): SpaceJson {
  return {
    id: space.id,
    slug: space.slug,
    name: space.name,
    description: space.description,
    visibility: space.visibility,
    defaultRole: space.defaultRole,
    role,
    createdAt: iso(space.createdAt),
    updatedAt: iso(space.updatedAt),
  };
}

/** The space a page is in, as far as its address needs it. */
export interface SpaceSlug {
  readonly slug: string;
}

export function presentSpaceRef(space: Space): SpaceRef {
  return { id: space.id, slug: space.slug, name: space.name };
}

export function presentPageRef(page: Page, space: SpaceSlug): PageRef {
  return {
    id: page.id,
    shortId: page.shortId,
    title: page.title,
    icon: page.icon,
    url: pagePath(space.slug, page),
  };
}

export function presentPage(page: Page, space: SpaceSlug): PageJson {
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

export function presentTree(nodes: PageTreeNode[], space: SpaceSlug): TreeNode[] {
  return nodes.map((node) => ({
    id: node.id,
    shortId: node.shortId,
    title: node.title,
    icon: node.icon,
    url: pagePath(space.slug, node),
    children: presentTree(node.children, space),
  }));
}
