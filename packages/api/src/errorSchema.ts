import { z } from 'zod';

/** The body of every failed API call. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('stable machine-readable code, e.g. invalid_request'),
      message: z.string().describe('human-readable explanation'),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorSchema>;
