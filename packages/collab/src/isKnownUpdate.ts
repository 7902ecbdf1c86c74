import * as Y from 'yjs';

/**
 * Whether a decoded update would change nothing in `doc`: every struct it carries is already
 * integrated and every range it deletes is already deleted. Answers without copying the document,
 * which matters because each client answers the server's sync step 1 with its whole delete set.
 */
export function isKnownUpdate(doc: Y.Doc, update: ReturnType<typeof Y.decodeUpdate>): boolean {
  const store = doc.store;
  for (const struct of update.structs) {
    // A gap (skip) beyond what is known also answers false: the slow path then decides.
    if (struct.id.clock + struct.length > Y.getState(store, struct.id.client)) return false;
  }
  for (const [client, ranges] of update.ds.clients) {
    const known = Y.getState(store, client);
    const structs = store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (len === 0) continue;
      if (!structs || clock + len > known) return false;
      for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
        const struct = structs[index] as Y.AbstractStruct;
        if (struct.id.clock >= clock + len) break;
        if (!struct.deleted) return false;
      }
    }
  }
  return true;
}
