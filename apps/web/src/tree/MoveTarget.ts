/**
 * Where a page goes, as `POST /api/pages/:id/move` takes it: under `parentId` (null: top level),
 * between the sibling above (`afterId`) and the one below (`beforeId`); neither means last.
 */
export interface MoveTarget {
  parentId: string | null;
  afterId: string | null;
  beforeId: string | null;
}
