import { z } from 'zod';
import { defineRoute } from '../http/route';
import {
  pageSchema,
  presentPage,
  presentPageRef,
  presentSpace,
  presentTree,
  spaceSchema,
  treeNodeSchema,
} from './presentPage';
import { errorResponse } from './schemas';

const spaceParams = z.object({ space: z.string().min(1).max(100) });

export const spaceRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/spaces',
    tag: 'Spaces',
    summary: 'List spaces',
    access: 'user',
    responses: {
      200: { description: 'Spaces', schema: z.object({ spaces: z.array(spaceSchema) }) },
    },
    handler: ({ actor, services }) => ({
      status: 200,
      body: { spaces: services.pages.listSpaces(actor).map(presentSpace) },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/spaces',
    tag: 'Spaces',
    summary: 'Create a space (admins and members)',
    access: 'user',
    body: z.strictObject({
      name: z.string().trim().min(1).max(100),
      slug: z.string().min(1).max(60).optional().describe('defaults to the name, slugified'),
      description: z.string().max(1000).optional(),
    }),
    responses: {
      201: { description: 'The space', schema: z.object({ space: spaceSchema }) },
      403: errorResponse('Guests cannot create spaces'),
      409: errorResponse('The slug is taken (`slug_taken`)'),
    },
    handler: ({ actor, body, services }) => ({
      status: 201,
      body: { space: presentSpace(services.pages.createSpace(actor, body)) },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/spaces/:space',
    tag: 'Spaces',
    summary: 'A space, by id or slug',
    access: 'user',
    params: spaceParams,
    responses: {
      200: { description: 'The space', schema: z.object({ space: spaceSchema }) },
      404: errorResponse('No such space (`space_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: { space: presentSpace(services.pages.getSpace(actor, params.space)) },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/spaces/:space/tree',
    tag: 'Spaces',
    summary: "The space's page tree (pages in the trash and under them are left out)",
    access: 'user',
    params: spaceParams,
    responses: {
      200: {
        description: 'The tree, siblings in order',
        schema: z.object({ space: spaceSchema, tree: z.array(treeNodeSchema) }),
      },
      404: errorResponse('No such space (`space_not_found`)'),
    },
    handler: ({ actor, params, services }) => {
      const space = services.pages.getSpace(actor, params.space);
      return {
        status: 200,
        body: {
          space: presentSpace(space),
          tree: presentTree(services.pages.tree(actor, space.id), space),
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/spaces/:space/trash',
    tag: 'Spaces',
    summary: "Pages in the space's trash, newest first",
    access: 'user',
    params: spaceParams,
    responses: {
      200: { description: 'Trashed pages', schema: z.object({ pages: z.array(pageSchema) }) },
      404: errorResponse('No such space (`space_not_found`)'),
    },
    handler: ({ actor, params, services }) => {
      const space = services.pages.getSpace(actor, params.space);
      return {
        status: 200,
        body: {
          pages: services.pages.trash(actor, space.id).map((page) => presentPage(page, space)),
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/spaces/:space/broken-links',
    tag: 'Spaces',
    summary:
      "Links in the space's live pages whose target is in the trash (`deleted`) or never existed (`missing`)",
    access: 'user',
    params: spaceParams,
    responses: {
      200: {
        description: 'Broken links, by source page then document order',
        schema: z.object({
          brokenLinks: z.array(
            z.object({
              source: z.object({
                id: z.string(),
                shortId: z.string(),
                title: z.string(),
                url: z.string(),
              }),
              href: z.string(),
              text: z.string(),
              reason: z.enum(['deleted', 'missing']),
            }),
          ),
        }),
      },
      404: errorResponse('No such space (`space_not_found`)'),
    },
    handler: ({ actor, params, services }) => {
      const { space, brokenLinks } = services.pageLinks.brokenLinks(actor, params.space);
      return {
        status: 200,
        body: {
          brokenLinks: brokenLinks.map((broken) => {
            const { id, shortId, title, url } = presentPageRef(broken.source, space);
            return {
              source: { id, shortId, title, url },
              href: broken.href,
              text: broken.text,
              reason: broken.reason,
            };
          }),
        },
      };
    },
  }),
];
