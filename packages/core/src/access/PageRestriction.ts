/** People and groups named by a page restriction. */
export interface PrincipalList {
  readonly users: readonly string[];
  readonly groups: readonly string[];
}

/**
 * Limits a page and every page below it to fewer people than its space. `view` null: no limit
 * on reading; `edit` null: no limit on editing. People on the edit list may also read. Each
 * restricted page above a page applies too (they intersect), and a restriction never gives
 * more than the space role does.
 */
export interface PageRestriction {
  readonly pageId: string;
  readonly view: PrincipalList | null;
  readonly edit: PrincipalList | null;
  readonly updatedBy: string;
  readonly updatedAt: number;
}

export const emptyPrincipalList: PrincipalList = { users: [], groups: [] };
