import {
  changedCharacters,
  type DomainEvent,
  decodePageState,
  type PageState,
  type RevisionStore,
} from '@lore/core';
import { type JSONContent, jsonToPlainText } from '@lore/schema';

type ContentChanged = Extract<DomainEvent, { type: 'page.content_changed' }>;

/** How many past revisions are looked at to find the one before a change. */
const revisionsLookedAt = 20;

const textOf = (state: PageState) =>
  `${state.title}\n${jsonToPlainText(state.body as JSONContent)}`;

/**
 * What a `page.content_changed` event does not carry: who made the change, and how big it is.
 * Editors come from page history (the edits pending a revision, and revisions taken since the
 * change began), which every process writes to the database; the size is the text changed
 * since the page's last revision before the change, so a burst of small edits adds up.
 */
export class PageChangeReader {
  readonly #revisions: RevisionStore;
  readonly #readState: (pageId: string) => Promise<PageState>;

  /** `readState` reads the page as it is now (without making a room load it). */
  constructor(revisions: RevisionStore, readState: (pageId: string) => Promise<PageState>) {
    this.#revisions = revisions;
    this.#readState = readState;
  }

  /** The people whose edits are in the change (and the event's actor, if it names one). */
  editors(event: ContentChanged): string[] {
    const pageId = event.pageId as string;
    const editors = new Set<string>();
    if (event.actorId !== null) editors.add(event.actorId);
    for (const userId of this.#revisions.pendingEdits(pageId)?.contributors ?? []) {
      editors.add(userId);
    }
    for (const revision of this.#revisions.listRevisions(pageId, { limit: revisionsLookedAt })) {
      if (revision.createdAt < event.data.firstChangeAt) break;
      for (const userId of revision.contributors) editors.add(userId);
    }
    return [...editors];
  }

  /**
   * The page as it was at the last revision taken before the change began (null when there is
   * none: the page is new), with that revision's content hash, and as it is now.
   */
  async states(
    event: ContentChanged,
  ): Promise<{ before: PageState | null; beforeHash: string | null; after: PageState }> {
    const pageId = event.pageId as string;
    const baseline = this.#revisions
      .listRevisions(pageId, { limit: revisionsLookedAt })
      .find((revision) => revision.createdAt < event.data.firstChangeAt);
    const before = baseline
      ? decodePageState(this.#revisions.readState(pageId, baseline.contentHash))
      : null;
    return {
      before,
      beforeHash: baseline?.contentHash ?? null,
      after: await this.#readState(pageId),
    };
  }

  /** Characters inserted and removed since the last revision taken before the change began. */
  async changedCharacters(event: ContentChanged): Promise<number> {
    const { before, after } = await this.states(event);
    return changedCharacters(before ? textOf(before) : '', textOf(after));
  }
}
