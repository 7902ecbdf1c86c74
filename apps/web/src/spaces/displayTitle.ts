/** What to call a page whose title is still empty. */
export const untitled = 'Untitled';

/** A page title as shown in lists and tabs: trimmed, and never blank. */
export function displayTitle(title: string | null | undefined): string {
  const trimmed = title?.trim() ?? '';
  return trimmed === '' ? untitled : trimmed;
}
