import { CloseCode, type CollabServer } from '@lore/collab';
import type { EventConsumer } from '@lore/core';

/**
 * Closes the editing sockets of a page moved to the trash (4404), so editors are told at once
 * rather than typing into the void, on every process that has it open. Closing a room that is
 * not open does nothing: idempotent.
 */
export function trashedRoomsConsumer(collab: CollabServer<unknown>): EventConsumer {
  return {
    name: 'trashed-rooms',
    types: ['page.trashed'],
    handle: async (event) => {
      if (event.pageId !== null) {
        await collab.closeDocumentEverywhere(event.pageId, CloseCode.NotFound, 'page deleted');
      }
    },
  };
}
