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
    disabled: z.boolean().describe('Disabled accounts cannot sign in; admins enable them again'),
  })
  .meta({ id: 'User' });

export const emailField = z.string().trim().max(254);
export const passwordField = z.string().min(1).max(1024);
export const displayNameField = z.string().trim().min(1).max(100);

/** `{ user }`: what signing in, setting up, creating a user and `GET /api/me` answer. */
export const userBodySchema = z.object({ user: userSchema });

export const usersSchema = z.object({ users: z.array(userSchema) });

/** The enabled workspace admins, by display name only: whom to ask for access. */
export const workspaceAdminsSchema = z.object({
  admins: z.array(z.object({ displayName: z.string() }).meta({ id: 'WorkspaceAdmin' })),
});

/** `GET /api/people`: the enabled people, for members to pick from when they give access. */
export const peopleSchema = z.object({
  people: z.array(
    z
      .object({
        id: z.string(),
        displayName: z.string(),
        email: z.string(),
        guest: z.boolean().describe('guests can be space editors at most'),
      })
      .meta({ id: 'Person' }),
  ),
});

export const setupStatusSchema = z.object({ needsSetup: z.boolean() });

export const loginBodySchema = z.strictObject({ email: emailField, password: passwordField });

export const setupBodySchema = z.strictObject({
  setupCode: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'The one-time code the server logs at its first start (`lore setup-code`); required, a missing or wrong one is answered 403',
    ),
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

/** `PATCH /api/users/:id`: what an admin changes on an account. */
export const updateUserBodySchema = z
  .strictObject({
    role: z.enum(roles).optional(),
    disabled: z.boolean().optional().describe('true disables the account, false enables it'),
  })
  .refine((body) => body.role !== undefined || body.disabled !== undefined, {
    message: 'Send role, disabled or both.',
  });

/** `PATCH /api/me`: what anyone changes about themselves. */
export const profileBodySchema = z
  .strictObject({
    displayName: displayNameField.optional(),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be #rrggbb')
      .optional(),
  })
  .refine((body) => body.displayName !== undefined || body.color !== undefined, {
    message: 'Send displayName, color or both.',
  });

export const changePasswordBodySchema = z.strictObject({
  currentPassword: passwordField,
  newPassword: passwordField,
});

/** A one-time link (invite or password reset) to hand to someone; the secret is in the URL. */
export const oneTimeLinkSchema = z.object({
  id: z.string(),
  url: z.string().describe('Works once, until expiresAt'),
  expiresAt: z.string().describe('ISO 8601'),
});

export const newInviteBodySchema = z.strictObject({
  email: emailField,
  role: z.enum(roles).optional().describe('Default member'),
});

export const inviteSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(roles),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Invite' });

export const invitesSchema = z.object({ invites: z.array(inviteSchema) });

/** The secret of a one-time link, sent in the body so it stays out of access logs. */
export const linkTokenBodySchema = z.strictObject({ token: z.string().min(1).max(200) });

export const inviteInfoSchema = z.object({
  email: z.string(),
  role: z.enum(roles),
  expiresAt: z.string(),
});

export const acceptInviteBodySchema = z.strictObject({
  token: z.string().min(1).max(200),
  displayName: displayNameField,
  password: passwordField,
});

export const passwordResetInfoSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  expiresAt: z.string(),
});

export const completePasswordResetBodySchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: passwordField,
});

export const collabTicketSchema = z.object({
  ticket: z.string().describe('Pass as `?ticket=` when opening `/collab/<pageId>`; works once'),
  expiresAt: z.string(),
});

export type User = z.infer<typeof userSchema>;
export type UserRole = User['role'];
export type WorkspaceAdmins = z.infer<typeof workspaceAdminsSchema>;
export type People = z.infer<typeof peopleSchema>;
export type SetupInput = z.input<typeof setupBodySchema>;
export type NewUserInput = z.input<typeof newUserBodySchema>;
export type UpdateUserInput = z.input<typeof updateUserBodySchema>;
export type ProfileInput = z.input<typeof profileBodySchema>;
export type ChangePasswordInput = z.input<typeof changePasswordBodySchema>;
export type OneTimeLink = z.infer<typeof oneTimeLinkSchema>;
export type NewInviteInput = z.input<typeof newInviteBodySchema>;
export type Invite = z.infer<typeof inviteSchema>;
export type InviteInfo = z.infer<typeof inviteInfoSchema>;
export type AcceptInviteInput = z.input<typeof acceptInviteBodySchema>;
export type PasswordResetInfo = z.infer<typeof passwordResetInfoSchema>;
export type CollabTicket = z.infer<typeof collabTicketSchema>;
