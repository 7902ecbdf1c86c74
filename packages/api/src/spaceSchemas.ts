import { z } from 'zod';

/** A space: a top-level group of pages with its own tree. */
export const spaceSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
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
});

export type Space = z.infer<typeof spaceSchema>;
export type SpaceRef = z.infer<typeof spaceRefSchema>;
export type NewSpaceInput = z.input<typeof newSpaceBodySchema>;
