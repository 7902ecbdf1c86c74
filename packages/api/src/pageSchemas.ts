import { pageIconMaxLength, titleMaxLength } from '@lore/core';
import { z } from 'zod';
import { spaceSchema } from './spaceSchemas';

/** A page's metadata. Its content lives in the page's collaborative document. */
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

export const pageBodySchema = z.object({ page: pageSchema });

/** A space's trash, newest first. */
export const trashedPagesSchema = z.object({ pages: z.array(pageSchema) });

/** What someone may do with a page, lowest to highest. */
export const pageAccessSchema = z
  .enum(['read', 'comment', 'edit', 'admin'])
  .describe(
    'what the caller may do with the page: read it, also comment, also edit it, or also manage its restrictions (space admins)',
  );

/** `GET /api/pages/:id`: the page, its space and, unless `content=false`, its content. */
export const pageWithContentSchema = z.object({
  page: pageSchema,
  space: spaceSchema,
  access: pageAccessSchema,
  markdown: z.string().optional().describe('absent with content=false'),
  html: z.string().optional().describe('absent with content=false'),
});

const title = z.string().max(titleMaxLength * 4);
const pageIdField = z.string().min(1).max(100);

export const newPageBodySchema = z.strictObject({
  spaceId: z.string().min(1).max(100).describe('space id or slug'),
  title: title.optional(),
  parentId: z.string().min(1).max(100).nullable().optional(),
  markdown: z.string().optional(),
});

export const pageChangeBodySchema = z.strictObject({
  title: title.optional(),
  icon: z
    .string()
    .max(pageIconMaxLength)
    .nullable()
    .optional()
    .describe('one emoji; null removes the icon'),
});

export const moveBodySchema = z.strictObject({
  spaceId: pageIdField
    .optional()
    .describe("target space id or slug; default: the parent's space, else the page's own"),
  parentId: pageIdField.nullable(),
  beforeId: pageIdField.nullable().optional().describe('the sibling just below the page'),
  afterId: pageIdField.nullable().optional().describe('the sibling just above the page'),
});

export type Page = z.infer<typeof pageSchema>;
export type PageRef = z.infer<typeof pageRefSchema>;
export type PageWithContent = z.infer<typeof pageWithContentSchema>;
export type PageAccessLevel = z.infer<typeof pageAccessSchema>;
export type NewPageInput = z.input<typeof newPageBodySchema>;
export type PageChange = z.input<typeof pageChangeBodySchema>;
export type MoveRequest = z.input<typeof moveBodySchema>;
