import { z } from 'zod';

/** Someone who can be mentioned on a page, as the `@` autocomplete offers them. */
export const mentionablePersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    canRead: z.boolean().describe('Whether they can read the page (those who can come first)'),
  })
  .meta({ id: 'MentionablePerson' });

export const mentionablePeopleSchema = z.object({ people: z.array(mentionablePersonSchema) });

export const mentionableQuerySchema = z.strictObject({
  q: z
    .string()
    .max(200)
    .optional()
    .describe('What was typed after the `@`: names and emails that start with or contain it'),
  limit: z.coerce.number().int().min(1).max(50).optional().describe('At most this many (10)'),
});

export const mentionCheckBodySchema = z.strictObject({
  userIds: z.array(z.string().min(1).max(100)).min(1).max(100),
});

export const mentionCheckSchema = z.object({
  cannotRead: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe('The people named who cannot read the page: they would not be told'),
  canShare: z.boolean().describe('Whether the caller may give people access to the page (admin)'),
});
