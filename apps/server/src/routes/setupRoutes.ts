import { setupBodySchema, setupStatusSchema, userBodySchema } from '@lore/api';
import { defineRoute } from '../http/route';
import { setSessionCookie } from '../http/sessionCookie';
import { presentUser } from './presentUser';
import { errorResponse } from './schemas';

export const setupRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/setup',
    tag: 'Accounts',
    summary: 'Whether Lore still needs its first admin',
    access: 'public',
    responses: {
      200: { description: 'Setup state', schema: setupStatusSchema },
    },
    handler: ({ services }) => ({
      status: 200,
      body: { needsSetup: services.accounts.needsSetup() },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/setup',
    tag: 'Accounts',
    summary:
      'Create the first admin and sign in (only while no user exists, with the setup code the server logged)',
    access: 'public',
    body: setupBodySchema,
    responses: {
      201: { description: 'The admin, signed in', schema: userBodySchema },
      400: errorResponse('Invalid email, name or password'),
      403: errorResponse('The setup code is missing or wrong (`forbidden`); nothing is created'),
      409: errorResponse('Lore already has users (`already_set_up`)'),
      503: errorResponse('Too many password hashes at once (`busy`)'),
    },
    handler: async ({ req, res, body, services }) => {
      const user = await services.accounts.setupFirstAdmin(body);
      setSessionCookie(req, res, services.config, services.accounts.startSession(user, 'setup'));
      return { status: 201, body: { user: presentUser(user) } };
    },
  }),
];
