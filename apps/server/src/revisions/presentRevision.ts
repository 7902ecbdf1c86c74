import type { PageAuthorship as PageAuthorshipJson, Revision as RevisionJson } from '@lore/api';
import type { PageAuthorship, Person, Revision, RevisionService } from '@lore/core';

const iso = (ms: number) => new Date(ms).toISOString();

export function presentRevision(revision: Revision): RevisionJson {
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
): PageAuthorshipJson {
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
