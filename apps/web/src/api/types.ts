/** A person who can sign in to Lore, as the API presents them. */
export interface User {
  id: string;
  email: string;
  displayName: string;
  /** `#rrggbb`, used for the avatar and for the user's cursor when editing together. */
  color: string;
  role: UserRole;
  createdAt: string;
}

export type UserRole = 'admin' | 'member' | 'guest';

/** An API token as listed; the secret itself is only ever returned once, on creation. */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The answer to creating a token: the only time the secret `token` is visible. */
export interface CreatedApiToken {
  id: string;
  name: string;
  token: string;
}

export interface SetupInput {
  email: string;
  displayName: string;
  password: string;
}

export interface NewUserInput {
  email: string;
  displayName: string;
  password: string;
  role: UserRole;
}

/** A space: a top-level group of pages with its own tree. */
export interface Space {
  id: string;
  slug: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

/** A page's metadata. Its content lives in the page's collaborative document. */
export interface Page {
  id: string;
  /** Permanent short id for links: `/s/<shortId>`. */
  shortId: string;
  spaceId: string;
  parentId: string | null;
  position: string;
  title: string;
  icon: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /** Set while the page is in the trash. */
  deletedAt: string | null;
  /** Canonical address in the web app: `/<space-slug>/<title-slug>-<shortId>`. */
  url: string;
}

/** A page in a space's tree, with its subpages in order. */
export interface TreeNode {
  id: string;
  shortId: string;
  title: string;
  icon: string | null;
  /** Canonical address in the web app: `/<space-slug>/<title-slug>-<shortId>`. */
  url: string;
  children: TreeNode[];
}

/** A page as `GET /api/pages/:id` returns it, rendered from the live document. */
export interface PageWithContent {
  page: Page;
  space: Space;
  markdown: string;
  html: string;
}

export interface NewSpaceInput {
  name: string;
  slug?: string;
  description?: string;
}

export interface NewPageInput {
  /** The space's id or slug. */
  spaceId: string;
  title?: string;
  parentId?: string | null;
  markdown?: string;
}
