import * as Y from 'yjs';
import type { Connection } from './Connection';
import { encodeSyncUpdate } from './protocol/serverMessages';
import type { QueuedUpdate } from './QueuedUpdate';

/** Most updates merged into one relayed message. */
const relayMergeLimit = 32;

/**
 * Sends a stored batch to a room's clients; only ever called once the store holds the batch.
 * Updates go out merged, up to {@link relayMergeLimit} per message and the same message for
 * everyone, so under load (when group commit makes batches larger) the relay costs one send per
 * client per few dozen keystrokes rather than one per keystroke. The limit keeps merging cheap:
 * merging n updates costs more than n times one. A client whose own updates are part of a
 * message skips them as already known, as with servers that echo every update; a client that
 * sent a whole message's updates gets nothing.
 */
export function relayBatch(
  batch: readonly QueuedUpdate[],
  connections: Iterable<Connection>,
): void {
  for (let start = 0; start < batch.length; start += relayMergeLimit) {
    const run = batch.slice(start, start + relayMergeLimit);
    const [first] = run;
    if (!first) return;
    const from = run.every((queued) => queued.from === first.from) ? first.from : null;
    let message: Uint8Array | null = null;
    for (const connection of connections) {
      if (from !== null && connection === from) continue;
      message ??= encodeSyncUpdate(
        run.length === 1 ? first.update : Y.mergeUpdates(run.map((queued) => queued.update)),
      );
      connection.send(message);
    }
  }
}
