import type { BenchClient } from '../clients/BenchClient';
import type { CollabTarget } from '../servers/CollabTarget';

/**
 * Opens one client per entry of `docIds` (repeat an id for several clients on one page), a
 * batch at a time, and waits until each batch has synced. On failure the opened ones are closed.
 */
export async function connectClients(
  target: Pick<CollabTarget, 'connect'>,
  docIds: readonly string[],
  options: {
    batch?: number;
    timeoutMs?: number;
    afterSync?: (client: BenchClient, index: number) => void;
  } = {},
): Promise<BenchClient[]> {
  const batch = options.batch ?? 25;
  const clients: BenchClient[] = [];
  try {
    for (let start = 0; start < docIds.length; start += batch) {
      const opened = docIds.slice(start, start + batch).map((docId) => target.connect(docId));
      clients.push(...opened);
      await Promise.all(
        opened.map(async (client, offset) => {
          await client.whenSynced(options.timeoutMs ?? 60_000);
          options.afterSync?.(client, start + offset);
        }),
      );
    }
    return clients;
  } catch (error) {
    for (const client of clients) client.destroy();
    throw error;
  }
}
