import type { AuditFilter } from '@lore/core';

/** The audit filters as the API takes them (validated by `auditFilterFields`). */
export interface AuditFilterQuery {
  readonly actor?: string | undefined;
  readonly action?: string | undefined;
  readonly targetKind?: string | undefined;
  readonly targetId?: string | undefined;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly q?: string | undefined;
}

/** Query parameters to the domain's filter: `user.*` is a prefix, times become epoch ms. */
export function auditFilterFromQuery(query: AuditFilterQuery): AuditFilter {
  const items = query.action?.split(',') ?? [];
  return {
    actorId: query.actor,
    actions: items.filter((item) => !item.endsWith('*')),
    actionPrefixes: items.filter((item) => item.endsWith('*')).map((item) => item.slice(0, -1)),
    targetKind: query.targetKind,
    targetId: query.targetId,
    since: query.since === undefined ? undefined : Date.parse(query.since),
    until: query.until === undefined ? undefined : Date.parse(query.until),
    text: query.q,
  };
}
