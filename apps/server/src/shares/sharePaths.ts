/**
 * The addresses of the public shared view. Share secrets are 43 characters, page short ids 10,
 * so `/s/<secret>` never reads as a page's short address `/s/<shortId>`.
 */
export const sharedViewStylesheetPath = '/s/-/shared.css';

/** The shared page itself. */
export function sharedViewPath(secret: string): string {
  return `/s/${secret}`;
}

/** A subpage of a share that includes subpages. */
export function sharedSubpagePath(secret: string, shortId: string): string {
  return `/s/${secret}/p/${shortId}`;
}

/** A file attached to one of the shared pages. */
export function sharedFilePath(secret: string, attachmentId: string, filename: string): string {
  return `/s/${secret}/files/${encodeURIComponent(attachmentId)}/${encodeURIComponent(filename)}`;
}

/** The share secret and page short id (null: the shared page) of a path of the view. */
export function parseSharedPath(path: string): { secret: string; shortId: string | null } | null {
  const match = /^\/s\/([A-Za-z0-9_-]{43})(?:\/p\/([0-9a-km-z]{10}))?\/?$/.exec(path);
  if (!match?.[1]) return null;
  return { secret: match[1], shortId: match[2] ?? null };
}
