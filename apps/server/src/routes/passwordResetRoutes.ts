import {
  completePasswordResetBodySchema,
  linkTokenBodySchema,
  passwordResetInfoSchema,
  userBodySchema,
} from '@lore/api';
import { defineRoute } from '../http/route';
import { setSessionCookie } from '../http/sessionCookie';
import { presentUser } from './presentUser';
import { errorResponse } from './schemas';

const unusableLink = errorResponse(
  'Unknown (`reset_not_found`), already used (`link_used`) or expired (`link_expired`)',
);

export const passwordResetRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/password-resets/inspect',
    tag: 'Accounts',
    summary: 'Whose password a reset link is for (the reset page shows it before the form)',
    access: 'public',
    body: linkTokenBodySchema,
    responses: {
      200: { description: 'The account', schema: passwordResetInfoSchema },
      404: unusableLink,
      409: unusableLink,
    },
    handler: ({ body, services }) => {
      const { user, expiresAt } = services.accounts.inspectPasswordReset(body.token);
      return {
        status: 200,
        body: {
          email: user.email,
          displayName: user.displayName,
          expiresAt: new Date(expiresAt).toISOString(),
        },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/password-resets/complete',
    tag: 'Accounts',
    summary: 'Choose a new password with a reset link: every other session ends, and you sign in',
    access: 'public',
    body: completePasswordResetBodySchema,
    responses: {
      200: { description: 'Signed in with the new password', schema: userBodySchema },
      400: errorResponse('The password is too short or too long'),
      404: unusableLink,
      409: unusableLink,
    },
    handler: async ({ req, res, body, services }) => {
      const { user, sessionSecret } = await services.accounts.completePasswordReset(
        body.token,
        body.password,
      );
      setSessionCookie(req, res, services.config, sessionSecret);
      return { status: 200, body: { user: presentUser(user) } };
    },
  }),
];
