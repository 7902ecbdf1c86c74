import { isValidHeadingId } from './isValidHeadingId';
import { slugifyHeading } from './slugifyHeading';

/** A heading as seen by {@link assignHeadingIds}: its current id and its text. */
export interface HeadingIdCandidate {
  id: unknown;
  text: string;
  /** True when this heading's id should yield to an equal id elsewhere (e.g. just pasted). */
  yields?: boolean;
}

/**
 * Decides the id of every heading of a document, in document order.
 *
 * Ids already present, valid and unique are kept, so an anchor never moves when other parts
 * of the page change. Missing or invalid ids are derived from the heading text; a duplicate
 * keeps its id on the heading that does not yield (else the first one) and the others get a
 * fresh one. New ids never reuse an id that is in use: `intro`, `intro-2`, `intro-3`…
 */
export function assignHeadingIds(headings: readonly HeadingIdCandidate[]): string[] {
  const owner = new Map<string, number>();
  headings.forEach((heading, index) => {
    if (!isValidHeadingId(heading.id)) return;
    const current = owner.get(heading.id);
    if (current === undefined || (headings[current]?.yields && !heading.yields)) {
      owner.set(heading.id, index);
    }
  });
  const used = new Set(owner.keys());
  return headings.map((heading, index) => {
    if (isValidHeadingId(heading.id) && owner.get(heading.id) === index) return heading.id;
    const base = slugifyHeading(heading.text);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}
