import {
  newUserBodySchema,
  oneTimeLinkSchema,
  peopleSchema,
  updateUserBodySchema,
  userBodySchema,
  usersSchema,
  workspaceAdminsSchema,
} from '@lore/api';
import { z } from 'zod';
import { oneTimeLinkUrl } from '../http/oneTimeLinkUrl';
import { defineRoute } from '../http/route';
import { presentUser } from './presentUser';
import { errorResponse } from './schemas';

const userParams = z.object({ id: z.string().min(1).max(100) });

export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/users',
    tag: 'Accounts',
    summary: 'List every user, disabled ones included (admins only)',
    access: 'user',
    responses: {
      200: { description: 'Users', schema: usersSchema },
      403: errorResponse('Not an admin (or a token without the admin scope)'),
    },
    handler: ({ actor, services }) => ({
      status: 200,
      body: { users: services.accounts.listUsers(actor).map(presentUser) },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/people',
    tag: 'Accounts',
    summary:
      'The enabled people, by name and email, for workspace members and admins to pick from when they give access (guests may not list people)',
    access: 'user',
    responses: {
      200: { description: 'People, by name', schema: peopleSchema },
      403: errorResponse('Guests cannot list people'),
    },
    handler: ({ actor, services }) => ({
      status: 200,
      body: {
        people: services.accounts.people(actor).map((person) => ({
          id: person.id,
          displayName: person.displayName,
          email: person.email,
          guest: person.role === 'guest',
        })),
      },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/workspace/admins',
    tag: 'Accounts',
    summary:
      'The display names of the enabled workspace admins (anyone signed in): whom to ask for access',
    access: 'user',
    responses: {
      200: { description: 'Workspace admins, by name', schema: workspaceAdminsSchema },
    },
    handler: ({ services }) => ({
      status: 200,
      body: {
        admins: services.accounts.workspaceAdminNames().map((displayName) => ({ displayName })),
      },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/users',
    tag: 'Accounts',
    summary: 'Create a user (admins only)',
    access: 'user',
    body: newUserBodySchema,
    responses: {
      201: { description: 'The new user', schema: userBodySchema },
      403: errorResponse('Not an admin'),
      409: errorResponse('The email is taken (`email_taken`)'),
    },
    handler: async ({ actor, body, services }) => {
      const user = await services.accounts.createUser(actor, body);
      return { status: 201, body: { user: presentUser(user) } };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/users/:id',
    tag: 'Accounts',
    summary:
      "Change a user's role or disable/enable them (admins only); disabling ends their sessions at once",
    access: 'user',
    params: userParams,
    body: updateUserBodySchema,
    responses: {
      200: { description: 'The user as changed', schema: userBodySchema },
      403: errorResponse('Not an admin'),
      404: errorResponse('No such user (`user_not_found`)'),
      409: errorResponse('That would leave no enabled admin (`last_admin`)'),
    },
    handler: ({ actor, params, body, services }) => ({
      status: 200,
      body: {
        user: presentUser(
          services.accounts.updateAccount(actor, params.id, {
            ...(body.role !== undefined ? { role: body.role } : {}),
            ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
          }),
        ),
      },
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/users/:id',
    tag: 'Accounts',
    summary:
      'Delete a user (admins only): their content stays, shown as "Former user"; their sessions and tokens end',
    access: 'user',
    params: userParams,
    responses: {
      204: { description: 'Deleted' },
      403: errorResponse('Not an admin'),
      404: errorResponse('No such user (`user_not_found`)'),
      409: errorResponse('The last enabled admin (`last_admin`)'),
    },
    handler: ({ actor, params, services }) => {
      services.accounts.deleteAccount(actor, params.id);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/users/:id/password-reset',
    tag: 'Accounts',
    summary:
      'Make a one-time password-reset link for a user (admins only) to hand over; older links stop working',
    access: 'user',
    params: userParams,
    responses: {
      201: { description: 'The link', schema: oneTimeLinkSchema },
      403: errorResponse('Not an admin'),
      404: errorResponse('No such user (`user_not_found`)'),
    },
    handler: ({ req, actor, params, services }) => {
      const link = services.accounts.createPasswordReset(actor, params.id);
      return {
        status: 201,
        body: {
          id: link.id,
          url: oneTimeLinkUrl(req, services.config, 'reset-password', link.secret),
          expiresAt: new Date(link.expiresAt).toISOString(),
        },
      };
    },
  }),
];
