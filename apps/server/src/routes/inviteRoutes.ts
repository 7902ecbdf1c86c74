import {
  acceptInviteBodySchema,
  type Invite,
  inviteInfoSchema,
  invitesSchema,
  linkTokenBodySchema,
  newInviteBodySchema,
  oneTimeLinkSchema,
  userBodySchema,
} from '@lore/api';
import type { InviteRecord } from '@lore/core';
import { z } from 'zod';
import { oneTimeLinkUrl } from '../http/oneTimeLinkUrl';
import { defineRoute } from '../http/route';
import { setSessionCookie } from '../http/sessionCookie';
import { presentUser } from './presentUser';
import { errorResponse } from './schemas';

const presentInvite = (invite: InviteRecord): Invite => ({
  id: invite.id,
  email: invite.email,
  role: invite.role,
  createdAt: new Date(invite.createdAt).toISOString(),
  expiresAt: new Date(invite.expiresAt).toISOString(),
});

const unusableLink = errorResponse(
  'Unknown (`invite_not_found`), already used (`link_used`) or expired (`link_expired`)',
);

export const inviteRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/invites',
    tag: 'Accounts',
    summary: 'Invite someone (admins only): a one-time link with which they create their account',
    access: 'user',
    body: newInviteBodySchema,
    responses: {
      201: { description: 'The link to hand over', schema: oneTimeLinkSchema },
      403: errorResponse('Not an admin'),
      409: errorResponse('Someone already has this email (`email_taken`)'),
    },
    handler: ({ req, actor, body, services }) => {
      const link = services.accounts.createInvite(actor, {
        email: body.email,
        ...(body.role ? { role: body.role } : {}),
      });
      return {
        status: 201,
        body: {
          id: link.id,
          url: oneTimeLinkUrl(req, services.config, 'invite', link.secret),
          expiresAt: new Date(link.expiresAt).toISOString(),
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/invites',
    tag: 'Accounts',
    summary: 'Invites not yet accepted, revoked or expired (admins only)',
    access: 'user',
    responses: {
      200: { description: 'Open invites', schema: invitesSchema },
      403: errorResponse('Not an admin'),
    },
    handler: ({ actor, services }) => ({
      status: 200,
      body: { invites: services.accounts.listInvites(actor).map(presentInvite) },
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/invites/:id',
    tag: 'Accounts',
    summary: 'Revoke an open invite (admins only)',
    access: 'user',
    params: z.object({ id: z.string().min(1).max(100) }),
    responses: {
      204: { description: 'Revoked; the link no longer works' },
      403: errorResponse('Not an admin'),
      404: errorResponse('No such open invite (`invite_not_found`)'),
    },
    handler: ({ actor, params, services }) => {
      services.accounts.revokeInvite(actor, params.id);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/invites/inspect',
    tag: 'Accounts',
    summary: 'What an invite link is for (the invite page shows it before the form)',
    access: 'public',
    body: linkTokenBodySchema,
    responses: {
      200: { description: 'The invite', schema: inviteInfoSchema },
      404: unusableLink,
      409: unusableLink,
    },
    handler: ({ body, services }) => {
      const invite = services.accounts.inspectInvite(body.token);
      return {
        status: 200,
        body: {
          email: invite.email,
          role: invite.role,
          expiresAt: new Date(invite.expiresAt).toISOString(),
        },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/invites/accept',
    tag: 'Accounts',
    summary: 'Accept an invite: create the account with a name and password, and sign in',
    access: 'public',
    body: acceptInviteBodySchema,
    responses: {
      201: { description: 'The new user, signed in', schema: userBodySchema },
      400: errorResponse('Invalid name or password'),
      404: unusableLink,
      409: unusableLink,
    },
    handler: async ({ req, res, body, services }) => {
      const { user, sessionSecret } = await services.accounts.acceptInvite(body.token, {
        displayName: body.displayName,
        password: body.password,
      });
      setSessionCookie(req, res, services.config, sessionSecret);
      return { status: 201, body: { user: presentUser(user) } };
    },
  }),
];
