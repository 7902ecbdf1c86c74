import type { SpaceActivityJson } from '@lore/api';

const verbs: Record<SpaceActivityJson['kind'], string> = {
  created: 'created',
  edited: 'edited',
  commented: 'commented on',
  moved: 'moved',
  renamed: 'renamed',
  deleted: 'moved to the trash',
  restored: 'restored',
};

/** "Sam edited Runbook": who did what to which page. */
export function describeActivity(row: SpaceActivityJson): string {
  const who = row.actor?.name ?? 'Lore';
  return `${who} ${verbs[row.kind]} ${row.page.title.trim() || 'Untitled'}`;
}
