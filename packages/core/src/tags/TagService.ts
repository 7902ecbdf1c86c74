import type { AccessPolicy } from '../access/AccessPolicy';
import type { User } from '../accounts/User';
import type { Clock } from '../Clock';
import { NotFoundError } from '../DomainError';
import type { EventLog } from '../events/EventLog';
import { isPageLive } from '../pages/isPageLive';
import type { PageStore } from '../pages/PageStore';
import { normalizeTags, tagKey } from './normalizeTags';
import type { TagCount, TagStore } from './TagStore';

export interface TagServiceOptions {
  readonly tags: TagStore;
  readonly pages: PageStore;
  /** Reading tags needs read access to the page, changing them edit access. */
  readonly policy: AccessPolicy;
  /** Where a change of tags writes `page.tags_changed`, in the same transaction. */
  readonly events: EventLog;
  readonly clock: Clock;
}

/** Page tags: reading and replacing a page's tags, and the workspace's tag list. */
export class TagService {
  readonly #tags: TagStore;
  readonly #pages: PageStore;
  readonly #policy: AccessPolicy;
  readonly #events: EventLog;
  readonly #clock: Clock;

  constructor(options: TagServiceOptions) {
    this.#tags = options.tags;
    this.#pages = options.pages;
    this.#policy = options.policy;
    this.#events = options.events;
    this.#clock = options.clock;
  }

  /** The tags of a page (live or in the trash). */
  pageTags(actor: User, pageId: string): string[] {
    return this.#tags.tagsOf(this.#policy.requirePage(actor, pageId, 'read').id);
  }

  /** Replaces a live page's tags; returns them as stored. Editors only. */
  setPageTags(actor: User, pageId: string, tags: readonly string[]): string[] {
    const readable = this.#policy.requirePage(actor, pageId, 'read');
    if (!isPageLive(this.#pages, readable)) throw new NotFoundError('The page', 'page_not_found');
    const page = this.#policy.requirePage(actor, readable.id, 'edit');
    const normalized = normalizeTags(tags);
    const current = this.#tags.tagsOf(page.id);
    const same =
      current.length === normalized.length &&
      current.every((tag, index) => tag === normalized[index]);
    // Unchanged tags write nothing, so the page is not re-indexed for nothing.
    if (!same) {
      this.#pages.transaction(() => {
        this.#tags.setTags(page.id, normalized);
        this.#events.append({
          type: 'page.tags_changed',
          pageId: page.id,
          spaceId: page.spaceId,
          actorId: actor.id,
          at: this.#clock.now(),
          data: { tags: normalized },
        });
      });
    }
    return normalized;
  }

  /**
   * Tags in use on pages the actor may read, for suggestions while typing a tag; `prefix`
   * ignores case.
   */
  listTags(actor: User, prefix = '', limit = 20): TagCount[] {
    return this.#tags.listTags(
      tagKey(prefix.trim().replace(/^#/, '')),
      Math.min(100, limit),
      this.#policy.readScope(actor),
    );
  }
}
