import { defaultSpaceRoles, spaceRoles, spaceVisibilities } from '@lore/core';
import { z } from 'zod';

/** Who reads a space: every workspace member (`open`) or its members only (`private`). */
export const spaceVisibilitySchema = z.enum(spaceVisibilities).meta({ id: 'SpaceVisibility' });

/** A role in a space, lowest first: viewer, commenter, editor, admin. */
export const spaceRoleSchema = z.enum(spaceRoles).meta({ id: 'SpaceRole' });

/** The role an open space gives every workspace member. */
export const defaultSpaceRoleSchema = z.enum(defaultSpaceRoles).meta({ id: 'DefaultSpaceRole' });

/** A space: a top-level group of pages with its own tree. */
export const spaceSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    visibility: spaceVisibilitySchema,
    defaultRole: defaultSpaceRoleSchema.describe(
      'the role an open space gives workspace members without a grant of their own',
    ),
    role: spaceRoleSchema.describe("the caller's own role in the space"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Space' });

/** The space a listed page lives in. */
export const spaceRefSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string() })
  .meta({ id: 'SpaceRef' });

export const spaceBodySchema = z.object({ space: spaceSchema });

export const spacesSchema = z.object({ spaces: z.array(spaceSchema) });

export const newSpaceBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  slug: z.string().min(1).max(60).optional().describe('defaults to the name, slugified'),
  description: z.string().max(1000).optional(),
  visibility: spaceVisibilitySchema.optional().describe('default open'),
  defaultRole: defaultSpaceRoleSchema.optional().describe('default editor'),
});

export const spaceChangeBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  description: z.string().max(1000).optional(),
  visibility: spaceVisibilitySchema.optional(),
  defaultRole: defaultSpaceRoleSchema.optional(),
});

export type Space = z.infer<typeof spaceSchema>;
export type SpaceRef = z.infer<typeof spaceRefSchema>;
export type NewSpaceInput = z.input<typeof newSpaceBodySchema>;
export type SpaceChangeInput = z.input<typeof spaceChangeBodySchema>;
export type SpaceRole = z.infer<typeof spaceRoleSchema>;
export type SpaceVisibility = z.infer<typeof spaceVisibilitySchema>;
