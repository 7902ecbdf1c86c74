import { newShareBodySchema, shareSchema, sharesSchema } from '@lore/api';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { expectedOrigin } from '../http/sameOrigin';
import { presentShare } from './presentShare';
import { errorResponse } from './schemas';

const id = z.string().min(1).max(100);

export const shareRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/pages/:id/shares',
    tag: 'Sharing',
    summary:
      'Make a public, read-only link to the page (optionally with its subpages) that works without signing in. Needs edit access; guests cannot share publicly. The answer is the only one that carries the link',
    access: 'user',
    params: z.object({ id }),
    body: newShareBodySchema,
    responses: {
      201: { description: 'The new link, with its `url`', schema: shareSchema },
      400: errorResponse('An expiry that is not in the future (`invalid_request`)'),
      403: errorResponse('The caller may read the page but not edit it, or is a guest'),
      404: errorResponse('No such page, or it is in the trash (`page_not_found`)'),
    },
    handler: ({ actor, params, body, req, services }) => {
      const created = services.shares.create(actor, params.id, {
        includeSubpages: body.includeSubpages ?? false,
        allowIndexing: body.allowIndexing ?? false,
        expiresAt: body.expiresAt ? Date.parse(body.expiresAt) : null,
      });
      return {
        status: 201,
        body: presentShare(created, expectedOrigin(req, services.config), created.secret),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/shares',
    tag: 'Sharing',
    summary:
      "The page's public links that work (not revoked, not expired, their creator can still edit the page), oldest first; for people who may edit it. Their `url` is null",
    access: 'user',
    params: z.object({ id }),
    responses: {
      200: { description: 'The links', schema: sharesSchema },
      403: errorResponse('The caller may read the page but not edit it'),
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: ({ actor, params, req, services }) => {
      const origin = expectedOrigin(req, services.config);
      return {
        status: 200,
        body: {
          shares: services.shares
            .listForPage(actor, params.id)
            .map((listed) => presentShare(listed, origin)),
        },
      };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/pages/:id/shares/:shareId',
    tag: 'Sharing',
    summary:
      'Revoke a public link of the page: it stops working at once. Its creator or an admin of the space may',
    access: 'user',
    params: z.object({ id, shareId: id }),
    responses: {
      204: { description: 'Revoked' },
      403: errorResponse('Someone else made the link and the caller is not a space admin'),
      404: errorResponse(
        'No such page, or no such link of it (revoked already, or unknown) (`page_not_found`, `share_not_found`)',
      ),
    },
    handler: ({ actor, params, services }) => {
      services.shares.revoke(actor, params.id, params.shareId);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/spaces/:space/shares',
    tag: 'Sharing',
    summary:
      'Every public link that works to a page of the space, oldest first; for space admins (and workspace admins). Their `url` is null',
    access: 'user',
    params: z.object({ space: id }),
    responses: {
      200: { description: 'The links', schema: sharesSchema },
      403: errorResponse('The caller is not an admin of the space'),
      404: errorResponse('No such space (`space_not_found`)'),
    },
    handler: ({ actor, params, req, services }) => {
      const origin = expectedOrigin(req, services.config);
      return {
        status: 200,
        body: {
          shares: services.shares
            .listForSpace(actor, params.space)
            .map((listed) => presentShare(listed, origin)),
        },
      };
    },
  }),
];
