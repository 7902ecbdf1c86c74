import type { Page } from './Page';
import type { Space } from './Space';

/** A link from one page's document to a wiki page, as kept in the links index. */
export interface PageLink {
  readonly sourcePageId: string;
  /** The target's permanent short id; the target may not exist (any more). */
  readonly targetShortId: string;
  /** The heading id after `#`, if any. */
  readonly anchor: string | null;
  /** The href as written in the document. */
  readonly href: string;
  /** The link's visible text. */
  readonly text: string;
}

/** A live page linking to another, with the texts of all its links there. */
export interface Backlink {
  readonly page: Page;
  readonly space: Space;
  readonly texts: string[];
}

/** Why a link's target cannot be opened: in the trash (or below a trashed page), or never existed. */
export type BrokenLinkReason = 'deleted' | 'missing';

/** A link in a live page whose target cannot be opened. */
export interface BrokenLink {
  readonly source: Page;
  readonly href: string;
  readonly text: string;
  readonly reason: BrokenLinkReason;
}
