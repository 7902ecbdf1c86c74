import {
  type ApiToken,
  apiTokensSchema,
  createdApiTokenSchema,
  newApiTokenBodySchema,
} from '@lore/api';
import type { ApiTokenRecord } from '@lore/core';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { errorResponse } from './schemas';

const presentToken = (token: ApiTokenRecord): ApiToken => ({
  id: token.id,
  name: token.name,
  createdAt: new Date(token.createdAt).toISOString(),
  lastUsedAt: token.lastUsedAt === null ? null : new Date(token.lastUsedAt).toISOString(),
});

export const tokenRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/tokens',
    tag: 'API tokens',
    summary: "List the signed-in user's active API tokens",
    access: 'user',
    responses: {
      200: { description: 'Tokens', schema: apiTokensSchema },
    },
    handler: ({ actor, services }) => ({
      status: 200,
      body: { tokens: services.accounts.listTokens(actor).map(presentToken) },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/tokens',
    tag: 'API tokens',
    summary: 'Create an API token; the secret is returned once and stored only as a hash',
    access: 'user',
    body: newApiTokenBodySchema,
    responses: {
      201: {
        description: 'The token; send it as `Authorization: Bearer <token>`',
        schema: createdApiTokenSchema,
      },
    },
    handler: ({ actor, body, services }) => {
      const { token, secret } = services.accounts.createToken(actor, body.name);
      return { status: 201, body: { id: token.id, name: token.name, token: secret } };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/tokens/:id',
    tag: 'API tokens',
    summary: 'Revoke one of your API tokens',
    access: 'user',
    params: z.object({ id: z.string().min(1).max(100) }),
    responses: {
      204: { description: 'Revoked' },
      404: errorResponse('No such active token of yours (`token_not_found`)'),
    },
    handler: ({ actor, params, services }) => {
      services.accounts.revokeToken(actor, params.id);
      return { status: 204 };
    },
  }),
];
