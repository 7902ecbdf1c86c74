/**
 * What an API token may do: `read` changes nothing, `write` acts as its owner except for admin
 * work, `admin` acts as its owner in full (only admins can hold one).
 */
export const tokenScopes = ['read', 'write', 'admin'] as const;

export type TokenScope = (typeof tokenScopes)[number];
