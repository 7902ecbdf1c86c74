/**
 * Marks that annotate the live document for the editor (where comment threads sit) rather
 * than being part of what the page says. They stay in the collaborative document and never
 * leave it: sanitizing for HTML, Markdown, revisions and search drops them.
 */
const ANNOTATION_MARKS: ReadonlySet<string> = new Set(['comment']);

/** Whether the mark (by name) is an annotation that never leaves the live document. */
export function isAnnotationMark(name: string): boolean {
  return ANNOTATION_MARKS.has(name);
}
