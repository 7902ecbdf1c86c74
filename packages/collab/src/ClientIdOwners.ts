/**
 * Who wrote first with each Yjs client id in a room. A client id belongs to that writer: nobody
 * can add structs under someone else's id, which would make the owner's next updates look
 * already known (and be dropped) or credit them with another's writing.
 */
export class ClientIdOwners {
  readonly #owners = new Map<number, unknown>();

  /** Claims `clientIds` for `writer`; false (claiming none) when one belongs to another writer. */
  claim(writer: unknown, clientIds: readonly number[]): boolean {
    for (const clientId of clientIds) {
      const owner = this.#owners.get(clientId);
      if (owner !== undefined && owner !== writer) return false;
    }
    for (const clientId of clientIds) this.#owners.set(clientId, writer);
    return true;
  }
}
