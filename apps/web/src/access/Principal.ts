/** A person or a group, as pickers and member lists show them. */
export interface Principal {
  kind: 'user' | 'group';
  id: string;
  name: string;
  /** A person's email, shown to workspace admins only (the only ones who get it). */
  email?: string;
  /** True for a guest account, who can be given the editor role at most. */
  guest?: boolean;
}

/** A key unique across people and groups. */
export const principalKey = (principal: Pick<Principal, 'kind' | 'id'>) =>
  `${principal.kind}:${principal.id}`;
