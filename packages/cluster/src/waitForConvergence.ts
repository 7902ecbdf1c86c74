import { type CollabClient, eventually, readTraceParagraph } from '@lore/server/testing';
import * as Y from 'yjs';

const sameStateVectors = (docs: readonly Y.Doc[]): boolean => {
  const [first, ...rest] = docs.map((doc) => Y.encodeStateVector(doc));
  return rest.every(
    (vector) =>
      first !== undefined && Buffer.compare(Buffer.from(vector), Buffer.from(first)) === 0,
  );
};

/**
 * Waits until every client is synced on its current socket, all hold the same Yjs state and show
 * the same text, and returns that text. Fails with what differed after `timeoutMs`.
 */
export async function waitForConvergence(
  clients: readonly CollabClient[],
  timeoutMs = 30_000,
): Promise<string> {
  const docs = clients.map((client) => client.doc);
  try {
    await eventually(
      () =>
        clients.every((client) => client.provider.synced) &&
        sameStateVectors(docs) &&
        new Set(docs.map(readTraceParagraph)).size === 1,
      'the clients to converge',
      timeoutMs,
    );
  } catch (error) {
    const lengths = docs.map((doc) => readTraceParagraph(doc).length).join(', ');
    const synced = clients.map((client) => client.provider.synced).join(', ');
    throw new Error(`${(error as Error).message} Text lengths: ${lengths}; synced: ${synced}.`);
  }
  return readTraceParagraph(docs[0] as Y.Doc);
}
