import type { DomainEventType } from '../events/DomainEvent';

/**
 * Domain events that do not become audit records: the churn of writing (a page's text, icon and
 * tags change all day long and are kept in page history instead; reactions come and go). Every
 * other event type, including ones added later, is audited without a change here.
 */
export const unauditedEventTypes: readonly DomainEventType[] = [
  'page.content_changed',
  'page.icon_changed',
  'page.tags_changed',
  'reaction.added',
  'reaction.removed',
];
