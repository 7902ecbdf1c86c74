import { z } from 'zod';
import { spaceRoleSchema } from './spaceSchemas';

/** A member of a space: a person or a group, with a role in it. */
export const spaceMemberSchema = z
  .object({
    kind: z.enum(['user', 'group']),
    id: z.string().describe('the user id or group id'),
    name: z.string().describe("the person's display name or the group's name"),
    role: spaceRoleSchema,
  })
  .meta({ id: 'SpaceMember' });

export const spaceMembersSchema = z.object({ members: z.array(spaceMemberSchema) });
export const spaceMemberBodySchema = z.object({ member: spaceMemberSchema });

export const spaceMemberRoleBodySchema = z.strictObject({ role: spaceRoleSchema });

/** A group of people, granted roles in spaces and named in page restrictions. */
export const groupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Group' });

export const groupsSchema = z.object({ groups: z.array(groupSchema) });

/** A group with its members. */
export const groupWithMembersSchema = z.object({
  group: groupSchema,
  members: z.array(
    z.object({ id: z.string(), displayName: z.string() }).meta({
      id: 'GroupMember',
    }),
  ),
});

export const groupBodySchema = z.object({ group: groupSchema });

export const groupNameBodySchema = z.strictObject({ name: z.string().trim().min(1).max(100) });

/** People and groups named by a page restriction. */
export const principalListSchema = z
  .strictObject({
    users: z.array(z.string().min(1).max(100)).max(500).default([]),
    groups: z.array(z.string().min(1).max(100)).max(500).default([]),
  })
  .meta({ id: 'PrincipalList' });

export const pageRestrictionsBodySchema = z.strictObject({
  view: principalListSchema
    .nullable()
    .describe('who may read the page and its subpages (with the edit list); null: not restricted'),
  edit: principalListSchema
    .nullable()
    .describe('who may edit the page and its subpages; null: not restricted'),
});

export const pageRestrictionsSchema = z.object({
  view: principalListSchema.nullable(),
  edit: principalListSchema.nullable(),
  inheritedFrom: z
    .array(z.string())
    .describe('ids of restricted pages above this one, nearest first; their lists apply too'),
});

export type SpaceMember = z.infer<typeof spaceMemberSchema>;
export type Group = z.infer<typeof groupSchema>;
export type GroupWithMembers = z.infer<typeof groupWithMembersSchema>;
export type PrincipalList = z.infer<typeof principalListSchema>;
export type PageRestrictions = z.infer<typeof pageRestrictionsSchema>;
export type PageRestrictionsInput = z.input<typeof pageRestrictionsBodySchema>;
