import { assertWorkspaceAdmin } from '@lore/core';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { errorResponse } from './schemas';

export const mailRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/admin/mail',
    tag: 'Administration',
    summary:
      'Whether Lore sends email (LORE_SMTP_URL is set) and its sender (LORE_MAIL_FROM), for the admin page (admins only)',
    access: 'user',
    responses: {
      200: {
        description: 'The email settings, without the server address or its password',
        schema: z.object({
          mail: z.object({
            enabled: z.boolean().describe('false: email is off until LORE_SMTP_URL is set'),
            from: z.string().nullable().describe('the sender, as LORE_MAIL_FROM says'),
          }),
        }),
      },
      403: errorResponse('Not an admin'),
    },
    handler: ({ actor, services }) => {
      assertWorkspaceAdmin(actor, 'Only admins can see the email settings.');
      const { enabled, from } = services.mail.status;
      return { status: 200, body: { mail: { enabled, from } } };
    },
  }),
];
