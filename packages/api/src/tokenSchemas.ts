import { tokenScopes } from '@lore/core';
import { z } from 'zod';

const scopeField = z
  .enum(tokenScopes)
  .describe('read: changes nothing; write: acts as you except admin work; admin: admins only');

/** An API token as listed; the secret itself is only ever returned once, on creation. */
export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: scopeField,
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable().describe('null: never expires'),
  })
  .meta({ id: 'ApiToken' });

export const apiTokensSchema = z.object({ tokens: z.array(apiTokenSchema) });

/** The answer to creating a token: the only time the secret `token` is visible. */
export const createdApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: scopeField,
  expiresAt: z.string().nullable(),
  token: z.string(),
});

export const newApiTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scope: scopeField.optional().describe('Default write'),
  expiresAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('ISO 8601; omit for a token that never expires'),
});

export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
export type NewApiTokenInput = z.input<typeof newApiTokenBodySchema>;
export type TokenScope = ApiToken['scope'];
