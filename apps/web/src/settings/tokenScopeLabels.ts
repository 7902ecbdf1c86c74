import type { TokenScope } from '@lore/api';

/** How each token scope is named in the interface. */
export const tokenScopeLabels: Readonly<Record<TokenScope, string>> = {
  read: 'Read only',
  write: 'Read and write',
  admin: 'Administration',
};

/** What a token of each scope may do, in one sentence. */
export const tokenScopeDescriptions: Readonly<Record<TokenScope, string>> = {
  read: 'Read only: the token reads what you can read and changes nothing.',
  write: 'Read and write: the token acts as you, except for administration.',
  admin: 'Administration: the token can also manage people, groups and settings, as you can.',
};
