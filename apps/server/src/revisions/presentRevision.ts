import {
  type PageAuthorship,
  type Person,
  type Revision,
  type RevisionService,
  revisionKinds,
} from '@lore/core';
import { z } from 'zod';

const iso = (ms: number) => new Date(ms).toISOString();

export const personSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    color: z.string().describe('#rrggbb, the same colour as the person’s caret and avatar'),
  })
  .meta({ id: 'Person' });

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

export const diffLineSchema = z
  .object({
    op: z.enum(['equal', 'insert', 'delete']),
    text: z.string(),
    fromLine: z.number().int().optional(),
    toLine: z.number().int().optional(),
  })
  .meta({ id: 'DiffLine' });

const runSchema = z.object({
  text: z.string(),
  author: z.string().nullable().describe('user id; null when unknown (e.g. imported content)'),
});

export const authorshipSchema = z
  .object({
    title: z.array(runSchema),
    blocks: z.array(
      z.object({
        type: z.string().describe('paragraph, heading, codeBlock, horizontalRule…'),
        level: z.number().int().optional().describe('heading level'),
        path: z.array(z.string()).describe('containers around the block, outermost first'),
        runs: z.array(runSchema),
      }),
    ),
    people: z.array(personSchema),
  })
  .meta({ id: 'PageAuthorship' });

export function presentRevision(revision: Revision) {
  return {
    id: revision.id,
    number: revision.number,
    kind: revision.kind,
    name: revision.name,
    note: revision.note,
    title: revision.title,
    createdAt: iso(revision.createdAt),
    createdBy: revision.createdBy,
    contributors: [...revision.contributors],
    restoredFrom: revision.restoredFrom,
  };
}

/** Everyone a set of revisions names, so a client can show names and colours. */
export function peopleOf(
  revisions: RevisionService,
  list: readonly (Revision | null)[],
  ...more: (string | null | undefined)[]
): Person[] {
  const ids: string[] = [];
  for (const revision of list) {
    if (!revision) continue;
    ids.push(...revision.contributors);
    if (revision.createdBy) ids.push(revision.createdBy);
  }
  for (const id of more) if (id) ids.push(id);
  return revisions.people(ids);
}

export function presentAuthorship(
  revisions: RevisionService,
  authorship: PageAuthorship<string | null>,
) {
  const ids = [...authorship.title, ...authorship.blocks.flatMap((block) => block.runs)]
    .map((run) => run.author)
    .filter((author): author is string => author !== null);
  return {
    title: authorship.title.map((run) => ({ ...run })),
    blocks: authorship.blocks.map((block) => ({
      type: block.type,
      ...(block.level !== undefined ? { level: block.level } : {}),
      path: [...block.path],
      runs: block.runs.map((run) => ({ ...run })),
    })),
    people: revisions.people(ids),
  };
}
