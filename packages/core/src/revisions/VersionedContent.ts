import type { PageState } from './Revision';

/** A run of text and who (or which Yjs client) wrote it. */
export interface AuthoredRun<Author> {
  readonly text: string;
  readonly author: Author;
}

/** One block of a page (paragraph, heading, list item text…) with the authors of its text. */
export interface AuthoredBlock<Author> {
  /** Node type, e.g. `paragraph`, `heading`, `codeBlock`, `horizontalRule`. */
  readonly type: string;
  /** Heading level, for headings. */
  readonly level?: number;
  /** Types of the blocks around it, outermost first, e.g. `['bulletList', 'listItem']`. */
  readonly path: readonly string[];
  readonly runs: readonly AuthoredRun<Author>[];
}

export interface PageAuthorship<Author> {
  readonly title: readonly AuthoredRun<Author>[];
  readonly blocks: readonly AuthoredBlock<Author>[];
}

/**
 * Page content as history needs it. Implemented over the live collaborative documents, so a
 * write reaches everyone connected and merges with edits made at the same time.
 */
export interface VersionedContent {
  /**
   * Reads the page's current state and hands it to `use` synchronously, so nothing else can
   * change the page between the read and what `use` records about it.
   */
  read<T>(pageId: string, use: (state: PageState) => T): Promise<T>;
  /**
   * Makes the live page equal to `state` as an ordinary collaborative change on behalf of
   * `authorId`; resolves once it is durable.
   */
  write(pageId: string, state: PageState, authorId: string): Promise<void>;
  /** The live page's text with the Yjs client that wrote each run (null when unknown). */
  readAuthorship(pageId: string): Promise<PageAuthorship<number | null>>;
}
