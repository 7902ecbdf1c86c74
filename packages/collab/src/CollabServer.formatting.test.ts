import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanupsAfterEach } from './test/cleanupsAfterEach';
import { readThroughNewClient, startCollabHarness } from './test/collabTestHarness';

const cleanups = cleanupsAfterEach();

describe('CollabServer and formatting a writer did not know of', () => {
  it('keeps a deletion of text that the server formatted meanwhile, with Yjs’s clean-up', async () => {
    const server = await startCollabHarness();
    cleanups.push(() => server.close());
    const writer = new Y.Doc();
    const text = writer.getText('text');
    text.insert(0, 'hello world');
    await server.collab.applyServerUpdate('page-1', Y.encodeStateAsUpdate(writer));
    // The server marks "hello"; the writer has not seen it when it deletes the word.
    await server.collab.editDocument('page-1', (doc) =>
      doc.getText('text').format(0, 5, { comment: { id: 't-1' } }),
    );
    text.delete(0, 6);
    await server.collab.applyServerUpdate('page-1', Y.encodeStateAsUpdate(writer));

    expect(await readThroughNewClient(server, 'page-1')).toBe('world');
    // As stored, too.
    await server.collab.closeDocument('page-1');
    expect(await readThroughNewClient(server, 'page-1')).toBe('world');
  });
});
