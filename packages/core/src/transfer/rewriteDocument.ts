import type { JsonObject, JsonValue } from '../revisions/Revision';

/** How {@link rewriteDocument} changes a body's link targets and image sources. */
export interface DocumentRewrites {
  /** The new href of a link mark. */
  readonly link?: (href: string) => string;
  /** The new src of an image; null replaces the image with its alt text (or its old src). */
  readonly image?: (src: string) => string | null;
}

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of a page body with every link href and image src passed through `rewrites`. */
export function rewriteDocument(body: JsonObject, rewrites: DocumentRewrites): JsonObject {
  return rewriteNode(body, rewrites);
}

function rewriteNode(node: JsonObject, rewrites: DocumentRewrites): JsonObject {
  const next: Record<string, JsonValue | undefined> = { ...node };
  const attrs = node.attrs;
  if (node.type === 'image' && rewrites.image && isObject(attrs) && typeof attrs.src === 'string') {
    const src = rewrites.image(attrs.src);
    if (src === null) {
      const alt = typeof attrs.alt === 'string' && attrs.alt.trim() !== '' ? attrs.alt : attrs.src;
      return { type: 'text', text: alt, ...(node.marks ? { marks: node.marks } : {}) };
    }
    next.attrs = { ...attrs, src };
  }
  if (Array.isArray(node.marks) && rewrites.link) {
    const link = rewrites.link;
    next.marks = (node.marks as readonly JsonValue[]).map((mark) => {
      if (!isObject(mark) || mark.type !== 'link' || !isObject(mark.attrs)) return mark;
      const href = mark.attrs.href;
      return typeof href === 'string'
        ? { ...mark, attrs: { ...mark.attrs, href: link(href) } }
        : mark;
    });
  }
  if (Array.isArray(node.content)) {
    next.content = (node.content as readonly JsonValue[]).map((child) =>
      isObject(child) ? rewriteNode(child, rewrites) : child,
    );
  }
  return next;
}

/** Every link href and image src of a body, in document order. */
export function documentReferences(body: JsonObject): { links: string[]; images: string[] } {
  const links: string[] = [];
  const images: string[] = [];
  rewriteDocument(body, {
    link: (href) => {
      links.push(href);
      return href;
    },
    image: (src) => {
      images.push(src);
      return src;
    },
  });
  return { links, images };
}
