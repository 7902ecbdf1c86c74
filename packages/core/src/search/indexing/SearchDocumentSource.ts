import type { SearchDocument } from '../SearchDocument';

/** Builds what the index should hold for a page from the page's document and metadata. */
export interface SearchDocumentSource {
  /** The page's search document, or null when it must not be found (trashed, deleted). */
  load(pageId: string): Promise<SearchDocument | null>;
  /** Ids of every page that should be searchable, for a full rebuild. */
  searchablePageIds(): string[];
}
