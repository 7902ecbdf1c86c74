import { roles } from '@lore/core';
import { z } from 'zod';

/** A person who can sign in to Lore, as the API presents them. */
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

export const emailField = z.string().trim().max(254);
export const passwordField = z.string().min(1).max(1024);
export const displayNameField = z.string().trim().min(1).max(100);

/** `{ user }`: what signing in, setting up, creating a user and `GET /api/me` answer. */
export const userBodySchema = z.object({ user: userSchema });

export const usersSchema = z.object({ users: z.array(userSchema) });

export const setupStatusSchema = z.object({ needsSetup: z.boolean() });

export const loginBodySchema = z.strictObject({ email: emailField, password: passwordField });

export const setupBodySchema = z.strictObject({
  email: emailField,
  displayName: displayNameField,
  password: passwordField,
});

export const newUserBodySchema = z.strictObject({
  email: emailField,
  displayName: displayNameField,
  password: passwordField,
  role: z.enum(roles).optional(),
});

export type User = z.infer<typeof userSchema>;
export type UserRole = User['role'];
export type SetupInput = z.input<typeof setupBodySchema>;
export type NewUserInput = z.input<typeof newUserBodySchema>;
