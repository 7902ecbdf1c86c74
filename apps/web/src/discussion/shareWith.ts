import type { Space } from '@lore/api';
import { accessApi } from '../access/accessApi';

/**
 * Lets someone read a page, as the page's sharing dialog would: added to the page's own view
 * restriction when it has one, else made a viewer of the space (space admins only; the server
 * refuses others). A restriction on a page above can still keep them out.
 */
export async function shareWith(pageId: string, space: Space, userId: string): Promise<void> {
  const own = await accessApi.pageRestrictions(pageId);
  if (own.view) {
    if (own.view.users.includes(userId)) return;
    await accessApi.setPageRestrictions(pageId, {
      view: { ...own.view, users: [...own.view.users, userId] },
      edit: own.edit,
    });
    return;
  }
  await accessApi.setSpaceMember(space.slug, 'user', userId, 'viewer');
}
