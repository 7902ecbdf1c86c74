import type { AccessStore, EventConsumer, NotificationService, PrincipalList } from '@lore/core';

export interface PageSharedConsumerOptions {
  readonly access: Pick<AccessStore, 'listGroupMembers'>;
  readonly notifications: Pick<NotificationService, 'notify'>;
}

/**
 * Tells people they were given something: added to a restricted page's lists (`page_shared` about
 * the page), or made a member of a space (`page_shared` about the space). Whether they may read
 * it is checked when the notification is made; a page that stops being restricted, or becomes
 * restricted to people who could read it anyway, tells no one.
 */
export function pageSharedConsumer(options: PageSharedConsumerOptions): EventConsumer {
  const peopleOf = (list: PrincipalList | null): Set<string> => {
    const people = new Set<string>(list?.users ?? []);
    for (const groupId of list?.groups ?? []) {
      for (const userId of options.access.listGroupMembers(groupId)) people.add(userId);
    }
    return people;
  };
  return {
    name: 'notifications-page-shared',
    types: ['page.restrictions_changed', 'space.member_set'],
    handle: async (event) => {
      if (event.type === 'page.restrictions_changed' && event.pageId !== null) {
        const { view, edit, previousView, previousEdit } = event.data;
        // Restricting a page that was open to the space gives no one anything new.
        if (previousView === null && previousEdit === null) return;
        const before = new Set([...peopleOf(previousView), ...peopleOf(previousEdit)]);
        const added = [...new Set([...peopleOf(view), ...peopleOf(edit)])].filter(
          (userId) => !before.has(userId),
        );
        if (added.length === 0) return;
        await options.notifications.notify({
          kind: 'page_shared',
          pageId: event.pageId,
          actorId: event.actorId,
          at: event.at,
          dedupeKey: `page_shared:${event.seq}`,
          recipients: added,
        });
        return;
      }
      if (event.type === 'space.member_set' && event.spaceId !== null) {
        if (event.data.previousRole !== null) return;
        const recipients =
          event.data.kind === 'user'
            ? [event.data.principalId]
            : options.access.listGroupMembers(event.data.principalId);
        await options.notifications.notify({
          kind: 'page_shared',
          pageId: null,
          spaceId: event.spaceId,
          actorId: event.actorId,
          at: event.at,
          dedupeKey: `space_member:${event.seq}`,
          recipients,
        });
      }
    },
  };
}
