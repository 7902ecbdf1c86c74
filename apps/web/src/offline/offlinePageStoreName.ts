/** Prefix of the IndexedDB databases that keep pages on this device. */
export const offlinePageStorePrefix = 'lore-page-';

/** The IndexedDB database that keeps one page's document on this device. */
export function offlinePageStoreName(pageId: string): string {
  return `${offlinePageStorePrefix}${pageId}`;
}
