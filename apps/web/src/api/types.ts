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
