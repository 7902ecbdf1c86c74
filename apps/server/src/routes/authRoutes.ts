import {
  changePasswordBodySchema,
  loginBodySchema,
  profileBodySchema,
  userBodySchema,
} from '@lore/api';
import { PermissionDeniedError, UnauthenticatedError } from '@lore/core';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../http/sessionCookie';
import { clearSsoSessionCookie, hasSsoSessionCookie } from '../sso/ssoCookies';
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
      403: errorResponse(
        'Password sign-in is off (`LORE_SSO_ONLY`) and this is not a break-glass account',
      ),
      429: errorResponse(
        'Too many failed attempts: wait (`rate_limited`); see the Retry-After header',
      ),
      503: errorResponse('Too many sign-ins at once (`busy`); retry shortly'),
    },
    handler: async ({ req, res, body, services }) => {
      const accountKey = body.email.trim().toLowerCase();
      const { ssoOnly, breakGlass } = services.config.sso;
      if (ssoOnly && !breakGlass.includes(accountKey)) {
        throw new PermissionDeniedError(
          'This wiki signs people in through its identity provider only; use the single sign-on button.',
        );
      }
      const addressKey = req.ip ?? 'unknown';
      // Each attempt counts against the client's address and the account until it succeeds.
      services.loginByAddress.begin(addressKey);
      services.loginByEmail.begin(accountKey);
      const previous = readSessionCookie(req);
      let result: Awaited<ReturnType<typeof services.accounts.login>>;
      try {
        result = await services.accounts.login(body.email, body.password);
      } catch (error) {
        // Only a wrong password is a failure; a busy server takes the attempt back.
        if (!(error instanceof UnauthenticatedError)) {
          services.loginByAddress.takeBack(addressKey);
          services.loginByEmail.takeBack(accountKey);
        }
        throw error;
      }
      services.loginByEmail.succeeded(accountKey);
      services.loginByAddress.takeBack(addressKey);
      // The session id rotates at login: an id planted before login is worthless after it.
      if (previous) services.accounts.logout(previous);
      setSessionCookie(req, res, services.config, result.sessionSecret);
      return { status: 200, body: { user: presentUser(result.user) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    tag: 'Accounts',
    summary:
      'End the current session server-side and clear the cookie; a single sign-on session also names where to leave the identity provider',
    access: 'public',
    responses: {
      200: {
        description:
          'Signed out of a single sign-on session: open `redirectTo` to sign out at the identity provider too',
        schema: z.object({ redirectTo: z.string() }),
      },
      204: { description: 'Signed out (also when there was no session)' },
    },
    handler: async ({ req, res, services }) => {
      const secret = readSessionCookie(req);
      if (secret) services.accounts.logout(secret);
      clearSessionCookie(req, res, services.config);
      if (!hasSsoSessionCookie(req)) return { status: 204 };
      clearSsoSessionCookie(req, res, services.config);
      const sso = services.sso;
      const publicUrl = services.config.publicUrl;
      if (!secret || !sso || !publicUrl) return { status: 204 };
      // Without the provider's answer the person is still signed out of Lore.
      const url = await sso.relyingParty
        .endSessionUrl(new URL('/login', publicUrl).href)
        .catch(() => null);
      return url ? { status: 200, body: { redirectTo: url.href } } : { status: 204 };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout-everywhere',
    tag: 'Accounts',
    summary: 'End every session of the signed-in user, this one included',
    access: 'user',
    responses: {
      204: { description: 'Every session ended; API tokens keep working' },
      401: errorResponse('Not signed in'),
    },
    handler: ({ req, res, actor, services }) => {
      services.accounts.logoutEverywhere(actor);
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
  defineRoute({
    method: 'patch',
    path: '/api/me',
    tag: 'Accounts',
    summary: 'Change your own display name or color',
    access: 'user',
    body: profileBodySchema,
    responses: {
      200: { description: 'The updated user', schema: userBodySchema },
      400: errorResponse('Invalid name or color'),
    },
    handler: ({ actor, body, services }) => ({
      status: 200,
      body: { user: presentUser(services.accounts.updateProfile(actor, body)) },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/me/password',
    tag: 'Accounts',
    summary: 'Change your own password; your other sessions end',
    access: 'user',
    body: changePasswordBodySchema,
    responses: {
      204: { description: 'Changed; this session stays signed in' },
      400: errorResponse('The new password is too short or too long'),
      401: errorResponse('The current password is wrong (`invalid_credentials`)'),
      403: errorResponse('Sent with an API token instead of a session'),
    },
    handler: async ({ auth, body, services }) => {
      await services.accounts.changePassword(auth, body.currentPassword, body.newPassword);
      return { status: 204 };
    },
  }),
];
