/**
 * How large and deep a page document may be. One definition, enforced wherever content enters
 * (the collaboration guard, Markdown and HTML import, paste, the REST API, restore) and used to
 * repair documents stored before the limits existed. Each limit is far above what real pages
 * use; `docs/collaboration.md` gives the measured maxima and the margins.
 */
export interface DocumentLimits {
  /** Nodes on the path below the document root, the deepest text included. */
  readonly maxDepth: number;
  /** Nodes in the whole document (elements: blocks, images, line breaks; not text runs). */
  readonly maxNodes: number;
  /** Characters in one text block (a paragraph, heading or code block) or in the title. */
  readonly maxTextLength: number;
  /** Characters in one attribute value (a link's address, an image's description…). */
  readonly maxAttributeLength: number;
  /** Rows in one table. */
  readonly maxTableRows: number;
  /** Cells in one table row. */
  readonly maxTableColumns: number;
}

export const documentLimits: DocumentLimits = Object.freeze({
  maxDepth: 64,
  maxNodes: 50_000,
  maxTextLength: 200_000,
  maxAttributeLength: 8_192,
  maxTableRows: 1_000,
  maxTableColumns: 100,
});

/** The limit's name as errors, logs and docs spell it. */
export type DocumentLimitName = keyof DocumentLimits;

/**
 * What reading a stored document holds it to: only the depth, the one limit whose excess can
 * break a converter (they recurse). The others are held at the door and repaired by the
 * doctor check, never silently on a read.
 */
export const readLimits: DocumentLimits = Object.freeze({
  ...documentLimits,
  maxNodes: Number.POSITIVE_INFINITY,
  maxTextLength: Number.POSITIVE_INFINITY,
  maxAttributeLength: Number.POSITIVE_INFINITY,
  maxTableRows: Number.POSITIVE_INFINITY,
  maxTableColumns: Number.POSITIVE_INFINITY,
});
