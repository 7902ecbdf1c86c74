import * as Y from 'yjs';

/** Whether every document has seen exactly the same updates (equal state vectors). */
export function stateVectorsEqual(docs: readonly Y.Doc[]): boolean {
  const [first, ...rest] = docs;
  if (!first) return true;
  const reference = Buffer.from(Y.encodeStateVector(first));
  return rest.every((doc) => reference.equals(Y.encodeStateVector(doc)));
}
