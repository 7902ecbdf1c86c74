/**
 * The title part of a canonical page address, computed as the server does (core `slugify`,
 * 60 characters at most, `untitled` for an empty title), so the address can follow a title while
 * it is typed. The server accepts any title part, so a difference only costs a redirect.
 */
export function titleSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug === '' ? 'untitled' : slug;
}

/** `/<space-slug>/<title-slug>-<shortId>`: the address the page is shown at. */
export function canonicalPagePath(spaceSlug: string, title: string, shortId: string): string {
  return `/${encodeURIComponent(spaceSlug)}/${titleSlug(title)}-${shortId}`;
}
