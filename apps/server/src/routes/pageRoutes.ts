import { CloseCode } from '@lore/collab';
import { titleMaxLength } from '@lore/core';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { pageSchema, presentPage, presentSpace, spaceSchema } from './presentPage';
import { errorResponse } from './schemas';

const pageParams = z.object({ id: z.string().min(1).max(100) });
const title = z.string().max(titleMaxLength * 4);

export const pageRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/pages',
    tag: 'Pages',
    summary: 'Create a page, optionally with Markdown (GFM) as its first content',
    access: 'user',
    body: z.strictObject({
      spaceId: z.string().min(1).max(100).describe('space id or slug'),
      title: title.optional(),
      parentId: z.string().min(1).max(100).nullable().optional(),
      markdown: z.string().optional(),
    }),
    responses: {
      201: { description: 'The page', schema: z.object({ page: pageSchema }) },
      403: errorResponse('Guests cannot create pages'),
      404: errorResponse('No such space or parent (`space_not_found`, `parent_not_found`)'),
    },
    handler: async ({ actor, body, services }) => {
      const page = await services.pages.createPage(actor, {
        spaceId: body.spaceId,
        title: body.title ?? '',
        parentId: body.parentId ?? null,
        ...(body.markdown !== undefined ? { markdown: body.markdown } : {}),
      });
      return { status: 201, body: { page: presentPage(page) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id',
    tag: 'Pages',
    summary:
      'A page (by id or short id) with its content as Markdown and sanitized HTML, rendered from the live document',
    access: 'user',
    params: pageParams,
    responses: {
      200: {
        description: 'The page',
        schema: z.object({
          page: pageSchema,
          space: spaceSchema,
          markdown: z.string(),
          html: z.string(),
        }),
      },
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: async ({ actor, params, services }) => {
      const { page, space, markdown, html } = await services.pages.getPage(actor, params.id);
      return {
        status: 200,
        body: { page: presentPage(page), space: presentSpace(space), markdown, html },
      };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/pages/:id',
    tag: 'Pages',
    summary: 'Rename a page; everyone editing it sees the new title at once',
    access: 'user',
    params: pageParams,
    body: z.strictObject({ title }),
    responses: {
      200: { description: 'The page', schema: z.object({ page: pageSchema }) },
      403: errorResponse('Guests cannot rename pages'),
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: async ({ actor, params, body, services }) => ({
      status: 200,
      body: { page: presentPage(await services.pages.renamePage(actor, params.id, body.title)) },
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/pages/:id',
    tag: 'Pages',
    summary: 'Move a page and its subpages to the trash',
    access: 'user',
    params: pageParams,
    responses: {
      200: { description: 'The trashed page', schema: z.object({ page: pageSchema }) },
      403: errorResponse('Guests cannot delete pages'),
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: async ({ actor, params, services }) => {
      const page = services.pages.trashPage(actor, params.id);
      // Editors of a trashed page are told so at once, rather than editing into the void.
      await services.collab.closeDocument(page.id, CloseCode.NotFound, 'page deleted');
      return { status: 200, body: { page: presentPage(page) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/pages/:id/restore',
    tag: 'Pages',
    summary: 'Bring a page back from the trash',
    access: 'user',
    params: pageParams,
    responses: {
      200: { description: 'The restored page', schema: z.object({ page: pageSchema }) },
      404: errorResponse('No such page (`page_not_found`)'),
      409: errorResponse('The page is not in the trash (`not_in_trash`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: { page: presentPage(services.pages.restorePage(actor, params.id)) },
    }),
  }),
];
