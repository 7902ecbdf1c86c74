import { forgetOfflinePages } from './forgetOfflinePages';

const ownerKey = 'lore.offlineOwner';

/**
 * Records whose pages this device keeps offline. When someone else signs in, the pages kept for
 * the previous person are deleted first, even if they never logged out.
 */
export async function claimOfflinePages(userId: string): Promise<void> {
  let owner: string | null = null;
  try {
    owner = localStorage.getItem(ownerKey);
    localStorage.setItem(ownerKey, userId);
  } catch {
    // Without storage there is no owner to compare; keep what is there.
    return;
  }
  if (owner !== null && owner !== userId) await forgetOfflinePages();
}
