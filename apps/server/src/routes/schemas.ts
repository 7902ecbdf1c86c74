import { roles } from '@lore/core';
import { z } from 'zod';

/** Shapes shared by several routes' requests and responses. */
export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    color: z.string().describe('#rrggbb, used for the avatar, caret and presence'),
    role: z.enum(roles),
    createdAt: z.string().describe('ISO 8601'),
  })
  .meta({ id: 'User' });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('stable machine-readable code, e.g. invalid_request'),
      message: z.string().describe('human-readable explanation'),
    }),
  })
  .meta({ id: 'Error' });

export const emailField = z.string().trim().max(254);
export const passwordField = z.string().min(1).max(1024);
export const displayNameField = z.string().trim().min(1).max(100);

export const errorResponse = (description: string) => ({ description, schema: errorSchema });
