import { offlinePageStorePrefix } from './offlinePageStoreName';

/**
 * Deletes every page kept on this device for offline use, so the next person to sign in on a
 * shared computer cannot read them. Browsers without `indexedDB.databases()` keep them.
 */
export async function forgetOfflinePages(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => name?.startsWith(offlinePageStorePrefix) === true)
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = () => resolve();
            request.onerror = () => resolve();
            // An open editor tab holds the database; it is deleted once that tab lets go.
            request.onblocked = () => resolve();
          }),
      ),
  );
}
