import { newUserBodySchema, userBodySchema, usersSchema } from '@lore/api';
import { defineRoute } from '../http/route';
import { presentUser } from './presentUser';
import { errorResponse } from './schemas';

export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/users',
    tag: 'Accounts',
    summary: 'List every user (admins only)',
    access: 'user',
    responses: {
      200: { description: 'Users', schema: usersSchema },
      403: errorResponse('Not an admin'),
    },
    handler: ({ actor, services }) => ({
      status: 200,
      body: { users: services.accounts.listUsers(actor).map(presentUser) },
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
];
