/** A page's document rendered for readers and clients. */
export interface RenderedPage {
  readonly markdown: string;
  /** Sanitized HTML rendered with the document schema. */
  readonly html: string;
  readonly text: string;
}

/**
 * The collaborative documents behind pages, as the domain needs them. Implemented over the
 * live Yjs rooms, so changes reach everyone connected and are durable when the promise resolves.
 */
export interface PageContent {
  /** Writes a new page's first document state: its title and a body from Markdown. */
  create(pageId: string, title: string, markdown: string): Promise<void>;
  /** Replaces the document's title as a collaborative change. */
  setTitle(pageId: string, title: string): Promise<void>;
  render(pageId: string): Promise<RenderedPage>;
}
