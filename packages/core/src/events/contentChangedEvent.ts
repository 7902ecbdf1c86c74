import type { NewDomainEvent } from './DomainEvent';
import type { ContentChangeMark } from './EventLog';

/** The `page.content_changed` event a quiet page's mark becomes. */
export function contentChangedEvent(
  mark: ContentChangeMark,
  at: number,
): NewDomainEvent<'page.content_changed'> {
  return {
    type: 'page.content_changed',
    pageId: mark.pageId,
    spaceId: null,
    actorId: null,
    at,
    data: { firstChangeAt: mark.firstAt, lastChangeAt: mark.lastAt },
  };
}
