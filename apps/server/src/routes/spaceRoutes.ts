import {
  brokenLinksSchema,
  newSpaceBodySchema,
  spaceBodySchema,
  spaceChangeBodySchema,
  spacesSchema,
  spaceTreeSchema,
  trashedPagesSchema,
} from '@lore/api';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { presentPage, presentPageRef, presentSpace, presentTree } from './presentPage';
import { errorResponse } from './schemas';

const spaceParams = z.object({ space: z.string().min(1).max(100) });

export const spaceRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/spaces',
    tag: 'Spaces',
    summary: 'The spaces the caller can see (open spaces, and private ones they are a member of)',
    access: 'user',
    responses: {
      200: { description: 'Spaces, with the caller’s role in each', schema: spacesSchema },
    },
    handler: ({ actor, services }) => ({
      status: 200,
      body: {
        spaces: services.pages
          .listSpaces(actor)
          .map(({ space, role }) => presentSpace(space, role)),
      },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/spaces',
    tag: 'Spaces',
    summary:
      'Create a space (workspace admins and members), open or private; the creator becomes its admin',
    access: 'user',
    body: newSpaceBodySchema,
    responses: {
      201: { description: 'The space', schema: spaceBodySchema },
      403: errorResponse('Guests cannot create spaces'),
      409: errorResponse('The slug is taken (`slug_taken`)'),
    },
    handler: ({ actor, body, services }) => ({
      status: 201,
      body: { space: presentSpace(services.pages.createSpace(actor, body), 'admin') },
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
      200: { description: 'The space', schema: spaceBodySchema },
      404: errorResponse('No such space, or one the caller cannot see (`space_not_found`)'),
    },
    handler: ({ actor, params, services }) => {
      const { space, role } = services.pages.getSpaceWithRole(actor, params.space);
      return { status: 200, body: { space: presentSpace(space, role) } };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/spaces/:space',
    tag: 'Spaces',
    summary: "Change a space's name, description, visibility or default role (space admins)",
    access: 'user',
    params: spaceParams,
    body: spaceChangeBodySchema,
    responses: {
      200: { description: 'The space', schema: spaceBodySchema },
      400: errorResponse('A value is out of range (`invalid_request`)'),
      403: errorResponse('The caller is not an admin of the space'),
      404: errorResponse('No such space, or one the caller cannot see (`space_not_found`)'),
    },
    handler: ({ actor, params, body, services }) => {
      const space = services.spaceSettings.update(actor, params.space, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.visibility !== undefined ? { visibility: body.visibility } : {}),
        ...(body.defaultRole !== undefined ? { defaultRole: body.defaultRole } : {}),
      });
      return {
        status: 200,
        body: { space: presentSpace(space, services.access.spaceRole(actor, space) ?? 'admin') },
      };
    },
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
        schema: spaceTreeSchema,
      },
      404: errorResponse('No such space (`space_not_found`)'),
    },
    handler: ({ actor, params, services }) => {
      const { space, role } = services.pages.getSpaceWithRole(actor, params.space);
      return {
        status: 200,
        body: {
          space: presentSpace(space, role),
          tree: presentTree(services.pages.tree(actor, space.id), space),
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/spaces/:space/trash',
    tag: 'Spaces',
    summary: "Pages in the space's trash, newest first (the space's editors and admins)",
    access: 'user',
    params: spaceParams,
    responses: {
      200: { description: 'Trashed pages', schema: trashedPagesSchema },
      403: errorResponse('The caller reads the space but is not one of its editors'),
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
        schema: brokenLinksSchema,
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
