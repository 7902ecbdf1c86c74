import { loginBodySchema, userBodySchema } from '@lore/api';
import { defineRoute } from '../http/route';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../http/sessionCookie';
import { presentUser } from './presentUser';
import { errorResponse } from './schemas';

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    tag: 'Accounts',
    summary: 'Sign in with email and password; starts a new session (cookie)',
    access: 'public',
    body: loginBodySchema,
    responses: {
      200: { description: 'Signed in', schema: userBodySchema },
      401: errorResponse('Wrong email or password (`invalid_credentials`)'),
      429: errorResponse('Too many attempts (`rate_limited`); see the Retry-After header'),
    },
    handler: async ({ req, res, body, services }) => {
      const emailKey = body.email.toLowerCase();
      // Count per address and per account; a failure in either check counts in neither twice.
      services.loginByAddress.hit(req.ip ?? 'unknown');
      services.loginByEmail.hit(emailKey);
      const previous = readSessionCookie(req);
      const { user, sessionSecret } = await services.accounts.login(body.email, body.password);
      services.loginByEmail.reset(emailKey);
      // The session id rotates at login: an id planted before login is worthless after it.
      if (previous) services.accounts.logout(previous);
      setSessionCookie(req, res, services.config, sessionSecret);
      return { status: 200, body: { user: presentUser(user) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    tag: 'Accounts',
    summary: 'End the current session server-side and clear the cookie',
    access: 'public',
    responses: { 204: { description: 'Signed out (also when there was no session)' } },
    handler: ({ req, res, services }) => {
      const secret = readSessionCookie(req);
      if (secret) services.accounts.logout(secret);
      clearSessionCookie(req, res, services.config);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/me',
    tag: 'Accounts',
    summary: 'The signed-in user',
    access: 'user',
    responses: {
      200: { description: 'The user', schema: userBodySchema },
      401: errorResponse('Not signed in'),
    },
    handler: ({ actor }) => ({ status: 200, body: { user: presentUser(actor) } }),
  }),
];
