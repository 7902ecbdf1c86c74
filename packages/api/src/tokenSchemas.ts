import { z } from 'zod';

/** An API token as listed; the secret itself is only ever returned once, on creation. */
export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const apiTokensSchema = z.object({ tokens: z.array(apiTokenSchema) });

/** The answer to creating a token: the only time the secret `token` is visible. */
export const createdApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string(),
});

export const newApiTokenBodySchema = z.strictObject({ name: z.string().trim().min(1).max(100) });

export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
