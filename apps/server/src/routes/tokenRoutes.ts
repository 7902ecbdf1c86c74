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

const isoOrNull = (at: number | null) => (at === null ? null : new Date(at).toISOString());

const presentToken = (token: ApiTokenRecord): ApiToken => ({
  id: token.id,
  name: token.name,
  scope: token.scope,
  createdAt: new Date(token.createdAt).toISOString(),
  lastUsedAt: isoOrNull(token.lastUsedAt),
  expiresAt: isoOrNull(token.expiresAt),
});

export const tokenRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/tokens',
    tag: 'API tokens',
    summary: "List the signed-in user's API tokens that are not revoked (expired ones included)",
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
    summary:
      'Create an API token (signed in with a session, not a token); the secret is returned once and stored only as a hash',
    access: 'user',
    body: newApiTokenBodySchema,
    responses: {
      201: {
        description: 'The token; send it as `Authorization: Bearer <token>`',
        schema: createdApiTokenSchema,
      },
      400: errorResponse('Invalid name, or an expiry in the past'),
      403: errorResponse('Sent with an API token, or an admin scope asked by a non-admin'),
    },
    handler: ({ auth, body, services }) => {
      const { token, secret } = services.accounts.createToken(auth, {
        name: body.name,
        ...(body.scope ? { scope: body.scope } : {}),
        ...(body.expiresAt ? { expiresAt: Date.parse(body.expiresAt) } : {}),
      });
      return {
        status: 201,
        body: {
          id: token.id,
          name: token.name,
          scope: token.scope,
          expiresAt: isoOrNull(token.expiresAt),
          token: secret,
        },
      };
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
