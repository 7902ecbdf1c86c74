import { assertWorkspaceAdmin, type DeadLetter, NotFoundError, type User } from '@lore/core';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { errorResponse } from './schemas';

const consumerSchema = z.object({
  name: z.string(),
  cursor: z.number().int().describe('the last event it finished'),
  behind: z.number().int().describe('events written after its cursor'),
  deadLetters: z.number().int(),
  retrying: z
    .object({ seq: z.number().int(), attempts: z.number().int() })
    .nullable()
    .describe('the event it is retrying now, if any'),
});

const deadLetterSchema = z.object({
  id: z.number().int(),
  consumer: z.string(),
  seq: z.number().int(),
  type: z.string(),
  pageId: z.string().nullable(),
  attempts: z.number().int(),
  error: z.string(),
  at: z.string().describe('when it was last tried'),
});

const presentLetter = (letter: DeadLetter) => ({
  ...letter,
  at: new Date(letter.at).toISOString(),
});

function assertAdmin(actor: User): void {
  assertWorkspaceAdmin(actor, 'Only admins can see and replay events.');
}

export const eventRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/admin/events',
    tag: 'Administration',
    summary:
      'The domain-event outbox: each consumer with how far behind it is and what it retries, and the events consumers gave up on (admins only)',
    access: 'user',
    responses: {
      200: {
        description: 'Consumers and dead letters',
        schema: z.object({
          lastSeq: z.number().int(),
          consumers: z.array(consumerSchema),
          deadLetters: z.array(deadLetterSchema),
        }),
      },
      403: errorResponse('Not an admin'),
    },
    handler: ({ actor, services }) => {
      assertAdmin(actor);
      return {
        status: 200,
        body: {
          lastSeq: services.events.lastSeq(),
          consumers: services.events.status(),
          deadLetters: services.events.deadLetters().map(presentLetter),
        },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/admin/events/dead-letters/:id/replay',
    tag: 'Administration',
    summary:
      'Hand a dead-lettered event to its consumer again; consumers are idempotent, so a replay of something already done changes nothing (admins only)',
    access: 'user',
    params: z.object({ id: z.string().min(1).max(20).describe("the dead letter's id") }),
    responses: {
      200: {
        description: 'What the replay did: on success the letter is gone',
        schema: z.object({
          replayed: z.boolean(),
          letter: deadLetterSchema,
          error: z.string().nullable(),
        }),
      },
      403: errorResponse('Not an admin'),
      404: errorResponse('No such dead letter (`dead_letter_not_found`)'),
    },
    handler: async ({ actor, params, services }) => {
      assertAdmin(actor);
      const id = /^\d+$/.test(params.id) ? Number(params.id) : Number.NaN;
      const outcome = Number.isSafeInteger(id) ? await services.events.replay(id) : null;
      if (!outcome) throw new NotFoundError('The dead letter', 'dead_letter_not_found');
      return {
        status: 200,
        body: {
          replayed: outcome.ok,
          letter: presentLetter(outcome.letter),
          error: outcome.ok ? null : outcome.error,
        },
      };
    },
  }),
];
