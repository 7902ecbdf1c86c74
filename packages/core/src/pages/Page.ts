/** A page's metadata. Its body and title live in the page's collaborative document. */
export interface Page {
  readonly id: string;
  /** Short, permanent id used in links (`/s/<shortId>`); never changes. */
  readonly shortId: string;
  readonly spaceId: string;
  readonly parentId: string | null;
  /** Fractional ordering key among siblings (see `positionBetween`). */
  readonly position: string;
  /** Derived from the document's title, kept here for lists, links and search. */
  readonly title: string;
  readonly icon: string | null;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly updatedBy: string;
  readonly updatedAt: number;
  /** Set while the page is in the trash. */
  readonly deletedAt: number | null;
  readonly deletedBy: string | null;
}

/** One node of a space's page tree, children ordered by position. */
export interface PageTreeNode {
  readonly id: string;
  readonly shortId: string;
  readonly title: string;
  readonly icon: string | null;
  readonly position: string;
  readonly children: PageTreeNode[];
}
