import { assertWorkspaceAdmin } from '@lore/core';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { errorResponse } from '../routes/schemas';

export const ssoRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/auth/providers',
    tag: 'Accounts',
    summary: 'How people can sign in: with a password, and through which identity provider',
    access: 'public',
    responses: {
      200: {
        description: 'The sign-in methods',
        schema: z.object({
          password: z
            .boolean()
            .describe('false when LORE_SSO_ONLY is on (break-glass accounts still may)'),
          providers: z.array(
            z.object({
              id: z.literal('oidc'),
              displayName: z.string().describe('for the button: "Sign in with <displayName>"'),
              startUrl: z.string().describe('open this (add ?returnTo=/path) to sign in'),
            }),
          ),
        }),
      },
    },
    handler: ({ services }) => {
      const { oidc, ssoOnly } = services.config.sso;
      return {
        status: 200,
        body: {
          password: !ssoOnly,
          providers: oidc
            ? [{ id: 'oidc' as const, displayName: oidc.displayName, startUrl: '/auth/oidc' }]
            : [],
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/admin/sso',
    tag: 'Administration',
    summary: 'The single sign-on settings, for the admin page (admins only; never the secret)',
    access: 'user',
    responses: {
      200: {
        description: 'The OpenID Connect settings, or null when single sign-on is off',
        schema: z.object({
          sso: z.object({
            oidc: z
              .object({
                issuer: z.string(),
                clientId: z.string(),
                redirectUri: z.string().describe('register this at the provider'),
                displayName: z.string(),
                scopes: z.array(z.string()),
                groupsClaim: z.string().nullable(),
                defaultRole: z.enum(['admin', 'member', 'guest']),
              })
              .nullable(),
            ssoOnly: z.boolean(),
            breakGlass: z.array(z.string()),
          }),
        }),
      },
      403: errorResponse('Not an admin'),
    },
    handler: ({ actor, services }) => {
      assertWorkspaceAdmin(actor, 'Only admins can see the single sign-on settings.');
      const { oidc, ssoOnly, breakGlass } = services.config.sso;
      return {
        status: 200,
        body: {
          sso: {
            oidc: oidc && {
              issuer: oidc.issuer.href,
              clientId: oidc.clientId,
              redirectUri: oidc.redirectUri,
              displayName: oidc.displayName,
              scopes: [...oidc.scopes],
              groupsClaim: oidc.groupsClaim,
              defaultRole: oidc.defaultRole,
            },
            ssoOnly,
            breakGlass: [...breakGlass],
          },
        },
      };
    },
  }),
];
