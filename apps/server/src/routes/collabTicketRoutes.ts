import { collabTicketSchema } from '@lore/api';
import { defineRoute } from '../http/route';
import { errorResponse } from './schemas';

export const collabTicketRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/collab/tickets',
    tag: 'Collaboration',
    summary:
      'A single-use ticket (30 s) for opening a collaboration socket as `?ticket=`, so no long-lived secret goes in a URL',
    access: 'user',
    readsOnly: true,
    responses: {
      201: { description: 'The ticket', schema: collabTicketSchema },
      401: errorResponse('Not signed in'),
    },
    handler: ({ auth, services }) => {
      const { ticket, expiresAt } = services.accounts.issueCollabTicket(auth);
      return { status: 201, body: { ticket, expiresAt: new Date(expiresAt).toISOString() } };
    },
  }),
];
