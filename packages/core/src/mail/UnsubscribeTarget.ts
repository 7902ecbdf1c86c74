/**
 * Where an unsubscribe takes effect: the notification preferences of the person. `scope` is a
 * notification kind, or `all`. Must be idempotent: the same link may be used more than once.
 */
export interface UnsubscribeTarget {
  unsubscribe(userId: string, scope: string): void;
}
