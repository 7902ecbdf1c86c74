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
