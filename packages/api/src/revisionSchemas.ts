import { revisionKinds, revisionNameMaxLength, revisionNoteMaxLength } from '@lore/core';
import { z } from 'zod';

/** Someone a history answer names, with the colour of their caret and avatar. */
export const personSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    color: z.string().describe('#rrggbb, the same colour as the person’s caret and avatar'),
  })
  .meta({ id: 'Person' });

/** One saved state of a page. */
export const revisionSchema = z
  .object({
    id: z.string(),
    number: z.number().int().describe('1, 2, 3… per page, in the order revisions were taken'),
    kind: z
      .enum(revisionKinds)
      .describe(
        'auto: editing paused (5 min) or ran 30 min; manual: "Save version"; before-restore / ' +
          'before-import: the content just before it was overwritten; restore: content brought back',
      ),
    name: z.string().nullable(),
    note: z.string().nullable(),
    title: z.string().describe('the page title in this revision'),
    createdAt: z.string().describe('ISO 8601'),
    createdBy: z.string().nullable().describe('who saved or restored; null for automatic ones'),
    contributors: z
      .array(z.string())
      .describe('ids of the people who edited since the previous revision'),
    restoredFrom: z.string().nullable().describe('for a restore: the revision brought back'),
  })
  .meta({ id: 'Revision' });

/** `GET /api/pages/:id/revisions`: one page of a page's history, newest first. */
export const revisionListSchema = z.object({
  lastEdit: z.object({
    by: z.string().nullable().describe('user id of the last editor'),
    at: z.string().describe('ISO 8601'),
  }),
  revisions: z.array(revisionSchema),
  nextBefore: z.number().int().nullable().describe('pass as `before` for older ones'),
  nextCaptureAt: z
    .string()
    .nullable()
    .describe('when unsaved edits become a revision automatically, if there are any'),
  people: z.array(personSchema),
});

/** `POST /api/pages/:id/revisions` when the content changed: a new revision. */
export const createdRevisionSchema = z.object({
  revision: revisionSchema,
  created: z.literal(true),
});

/** `POST /api/pages/:id/revisions` on unchanged content: the latest revision, now named. */
export const namedRevisionSchema = z.object({
  revision: revisionSchema,
  created: z.literal(false),
});

/** One revision with its content, rendered by the server. */
export const revisionContentSchema = z.object({
  revision: revisionSchema,
  title: z.string(),
  html: z.string(),
  markdown: z.string(),
  people: z.array(personSchema),
});

export const revisionBodySchema = z.object({ revision: revisionSchema });

/** The revision recording a restore and the one keeping the replaced content, if any. */
export const restoredRevisionSchema = z.object({
  revision: revisionSchema,
  before: revisionSchema.nullable(),
  changed: z.boolean(),
  people: z.array(personSchema),
});

/** One line of a Markdown line diff. */
export const diffLineSchema = z
  .object({
    op: z.enum(['equal', 'insert', 'delete']),
    text: z.string(),
    fromLine: z.number().int().optional(),
    toLine: z.number().int().optional(),
  })
  .meta({ id: 'DiffLine' });

/** `GET /api/pages/:id/diff`: two states of a page compared. */
export const pageDiffSchema = z.object({
  from: revisionSchema.nullable().describe('null: the current page'),
  to: revisionSchema.nullable().describe('null: the current page'),
  title: z.object({
    from: z.string(),
    to: z.string(),
    changed: z.boolean(),
    html: z.string(),
  }),
  html: z.string(),
  markdown: z.array(diffLineSchema),
  stats: z.object({
    insertedWords: z.number().int(),
    deletedWords: z.number().int(),
    changed: z.boolean(),
  }),
});

const runSchema = z.object({
  text: z.string(),
  author: z.string().nullable().describe('user id; null when unknown (e.g. imported content)'),
});

const authoredBlockSchema = z.object({
  type: z.string().describe('paragraph, heading, codeBlock, horizontalRule…'),
  level: z.number().int().optional().describe('heading level'),
  path: z.array(z.string()).describe('containers around the block, outermost first'),
  runs: z.array(runSchema),
});

/** Who wrote what: the live page as text runs, each with its author. */
export const authorshipSchema = z
  .object({
    title: z.array(runSchema),
    blocks: z.array(authoredBlockSchema),
    people: z.array(personSchema),
  })
  .meta({ id: 'PageAuthorship' });

/** The name and note of a revision, as saving or annotating one sends them. */
export const revisionNotesBodySchema = z.strictObject({
  name: z
    .string()
    .max(revisionNameMaxLength * 2)
    .nullable()
    .optional(),
  note: z
    .string()
    .max(revisionNoteMaxLength * 2)
    .nullable()
    .optional(),
});

export type Person = z.infer<typeof personSchema>;
export type Revision = z.infer<typeof revisionSchema>;
export type RevisionKind = Revision['kind'];
export type RevisionList = z.infer<typeof revisionListSchema>;
export type SavedRevision =
  | z.infer<typeof createdRevisionSchema>
  | z.infer<typeof namedRevisionSchema>;
export type RevisionContent = z.infer<typeof revisionContentSchema>;
export type RestoredRevision = z.infer<typeof restoredRevisionSchema>;
export type DiffLine = z.infer<typeof diffLineSchema>;
export type PageDiff = z.infer<typeof pageDiffSchema>;
export type AuthoredRun = z.infer<typeof runSchema>;
export type AuthoredBlock = z.infer<typeof authoredBlockSchema>;
export type PageAuthorship = z.infer<typeof authorshipSchema>;
export type RevisionNotes = z.input<typeof revisionNotesBodySchema>;
