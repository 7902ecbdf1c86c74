import {
  backlinksSchema,
  moveBodySchema,
  newPageBodySchema,
  pageBodySchema,
  pageChangeBodySchema,
  pageWithContentSchema,
  suggestedPagesSchema,
} from '@lore/api';
import {
  type Page,
  suggestLimitDefault,
  suggestLimitMax,
  titleMaxLength,
  type User,
} from '@lore/core';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import type { Services } from '../Services';
import { presentPage, presentPageRef, presentSpace, presentSpaceRef } from './presentPage';
import { errorResponse } from './schemas';

const pageParams = z.object({ id: z.string().min(1).max(100) });

/** A space the actor reads (they read a page in it), with their role. */

/** A page with its address, which needs the slug of the space it is in. */
const present = (services: Services, actor: User, page: Page) =>
  presentPage(page, services.pages.getSpace(actor, page.spaceId));

export const pageRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/pages',
    tag: 'Pages',
    summary: 'Create a page, optionally with Markdown (GFM) as its first content',
    access: 'user',
    body: newPageBodySchema,
    responses: {
      201: { description: 'The page', schema: pageBodySchema },
      403: errorResponse('The caller may read the space or the parent but not add pages there'),
      404: errorResponse('No such space or parent (`space_not_found`, `parent_not_found`)'),
      413: errorResponse(
        'The Markdown would make a page past a structure limit (`document_too_large`; the message names the limit)',
      ),
    },
    handler: async ({ actor, body, services }) => {
      const page = await services.pages.createPage(actor, {
        spaceId: body.spaceId,
        title: body.title ?? '',
        parentId: body.parentId ?? null,
        ...(body.markdown !== undefined ? { markdown: body.markdown } : {}),
      });
      return { status: 201, body: { page: present(services, actor, page) } };
    },
  }),
  defineRoute({
    method: 'get',
    // Registered before `/api/pages/:id`, which would otherwise take "suggest" for an id.
    path: '/api/pages/suggest',
    tag: 'Pages',
    summary:
      'Pages to offer while typing a link: titles starting with q first, then a word starting with it, then containing it; recently updated pages when q is empty',
    access: 'user',
    query: z.object({
      q: z.string().max(titleMaxLength).default(''),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(suggestLimitMax)
        .default(suggestLimitDefault)
        .describe(`default ${suggestLimitDefault}, at most ${suggestLimitMax}`),
    }),
    responses: {
      200: {
        description: 'Matching live pages, best first',
        schema: suggestedPagesSchema,
      },
    },
    handler: ({ actor, query, services }) => ({
      status: 200,
      body: {
        pages: services.pages.suggestPages(actor, query.q, query.limit).map(({ page, space }) => ({
          ...presentPageRef(page, space),
          space: presentSpaceRef(space),
        })),
      },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id',
    tag: 'Pages',
    summary:
      'A page (by id or short id) with its content as Markdown and sanitized HTML, rendered from the live document',
    access: 'user',
    params: pageParams,
    query: z.object({
      content: z
        .enum(['true', 'false'])
        .default('true')
        .describe(
          'false: the page and its space only, without rendering the document (what an editor needs, as it syncs the content itself)',
        ),
    }),
    responses: {
      200: {
        description: 'The page',
        schema: pageWithContentSchema,
      },
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: async ({ actor, params, query, services }) => {
      if (query.content === 'false') {
        const { page, space, role, access } = services.pages.getPageInfo(actor, params.id);
        return {
          status: 200,
          body: { page: presentPage(page, space), space: presentSpace(space, role), access },
        };
      }
      const { page, space, role, access, markdown, html } = await services.pages.getPage(
        actor,
        params.id,
      );
      // Reading the page means its watcher has seen its changes.
      services.watches.recordView(actor.id, page.id);
      return {
        status: 200,
        body: {
          page: presentPage(page, space),
          space: presentSpace(space, role),
          access,
          markdown,
          html,
        },
      };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/pages/:id',
    tag: 'Pages',
    summary: 'Rename a page (everyone editing it sees the new title at once) and/or set its icon',
    access: 'user',
    params: pageParams,
    body: pageChangeBodySchema,
    responses: {
      200: { description: 'The page', schema: pageBodySchema },
      400: errorResponse('The icon is not a single emoji (`invalid_request`)'),
      403: errorResponse('The caller may read the page but not edit it'),
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: async ({ actor, params, body, services }) => {
      const page = await services.pages.updatePage(actor, params.id, {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.icon !== undefined ? { icon: body.icon } : {}),
      });
      return { status: 200, body: { page: present(services, actor, page) } };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/pages/:id',
    tag: 'Pages',
    summary: 'Move a page and its subpages to the trash',
    access: 'user',
    params: pageParams,
    responses: {
      200: { description: 'The trashed page', schema: pageBodySchema },
      403: errorResponse('The caller may read the page but not edit it'),
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: async ({ actor, params, services }) => {
      // Its editors are told by the trashed-rooms consumer of the page.trashed event.
      const page = services.pages.trashPage(actor, params.id);
      return { status: 200, body: { page: present(services, actor, page) } };
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
      200: { description: 'The restored page', schema: pageBodySchema },
      403: errorResponse('The caller may read the page but not edit it'),
      404: errorResponse('No such page (`page_not_found`)'),
      409: errorResponse('The page is not in the trash (`not_in_trash`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: { page: present(services, actor, services.pages.restorePage(actor, params.id)) },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/pages/:id/move',
    tag: 'Pages',
    summary:
      'Move a page with its subpages: under a parent (null: top level), between two siblings, optionally into another space',
    access: 'user',
    params: pageParams,
    body: moveBodySchema,
    responses: {
      200: { description: 'The moved page', schema: pageBodySchema },
      400: errorResponse('The siblings are not children of the parent (`invalid_position`)'),
      403: errorResponse('The caller may not edit the page, or not add pages where it would land'),
      404: errorResponse(
        'No such page, parent or space (`page_not_found`, `parent_not_found`, `space_not_found`)',
      ),
      409: errorResponse('The parent is the page itself or below it (`move_cycle`)'),
    },
    handler: ({ actor, params, body, services }) => {
      const page = services.pages.movePage(actor, params.id, {
        parentId: body.parentId,
        ...(body.spaceId !== undefined ? { spaceId: body.spaceId } : {}),
        ...(body.beforeId != null ? { beforeId: body.beforeId } : {}),
        ...(body.afterId != null ? { afterId: body.afterId } : {}),
      });
      return { status: 200, body: { page: present(services, actor, page) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/backlinks',
    tag: 'Pages',
    summary: 'Live pages linking to this page, each once, with the texts of their links',
    access: 'user',
    params: pageParams,
    responses: {
      200: {
        description: 'Backlinks, by source title',
        schema: backlinksSchema,
      },
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: {
        backlinks: services.pageLinks.backlinks(actor, params.id).map((backlink) => ({
          page: presentPageRef(backlink.page, backlink.space),
          space: presentSpaceRef(backlink.space),
          texts: backlink.texts,
        })),
      },
    }),
  }),
];
