import type { SqlParameters } from './SqlParameters';

/**
 * What narrows every statement of one search besides its words, applied in the SQL before any
 * limit, so hits, totals and suggestions only ever count pages the searcher may see.
 */
export interface PostgresSearchScope {
  /** The spaces results may come from (readable, and requested when filtered). */
  readonly spaceIds: readonly string[];
  readonly hiddenPageIds: readonly string[];
  readonly authorIds: readonly string[];
  /** Trimmed and lowercased; a page must carry all of them. */
  readonly tags: readonly string[];
  readonly updatedAfter?: number | undefined;
  /** tsquery text of the excluded words. */
  readonly excluded?: string | undefined;
}

/** The scope as conditions on `search_index_documents d`, joined by AND. */
export function scopeConditions(scope: PostgresSearchScope, params: SqlParameters): string {
  const conditions = [`d.space_id = ANY(${params.add(scope.spaceIds)}::text[])`];
  if (scope.hiddenPageIds.length > 0) {
    conditions.push(`NOT (d.page_id = ANY(${params.add(scope.hiddenPageIds)}::text[]))`);
  }
  if (scope.authorIds.length > 0) {
    conditions.push(`d.authors && ${params.add(scope.authorIds)}::text[]`);
  }
  if (scope.tags.length > 0) conditions.push(`d.tag_keys @> ${params.add(scope.tags)}::text[]`);
  if (scope.updatedAfter !== undefined) {
    conditions.push(`d.updated_at >= ${params.add(scope.updatedAfter)}`);
  }
  if (scope.excluded !== undefined) {
    conditions.push(`NOT (d.lexemes @@ ${params.add(scope.excluded)}::tsquery)`);
  }
  return conditions.join(' AND ');
}
