import { z } from 'zod';

/**
 * A public share link: a read-only view of one page (optionally with its subpages) that works
 * without signing in, until it is revoked or expires.
 */
export const shareSchema = z
  .object({
    id: z.string(),
    url: z
      .string()
      .nullable()
      .describe(
        'The public address of the shared view; give it to anyone. Only the answer that creates the link carries it (null in lists): Lore keeps just a hash of its secret',
      ),
    pageId: z.string(),
    pageTitle: z.string().describe("The shared page's title"),
    includeSubpages: z.boolean(),
    allowIndexing: z
      .boolean()
      .describe('false: the shared view tells search engines not to index it (noindex)'),
    expiresAt: z.string().nullable().describe('null: until revoked'),
    createdAt: z.string(),
    createdBy: z.object({ id: z.string(), displayName: z.string() }),
    lastUsedAt: z.string().nullable().describe('When the link was last opened'),
  })
  .meta({ id: 'Share' });

export const sharesSchema = z.object({ shares: z.array(shareSchema) });

export const newShareBodySchema = z.strictObject({
  includeSubpages: z.boolean().optional().describe('Default false: only this page'),
  allowIndexing: z.boolean().optional().describe('Default false'),
  expiresAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .optional()
    .describe('A future time; omitted or null for no expiry'),
});

export type Share = z.infer<typeof shareSchema>;
export type NewShareInput = z.input<typeof newShareBodySchema>;
