import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { Attachment } from './Attachment';
import type { AttachmentStore } from './AttachmentStore';

/** A fresh, empty store for one test; `createPage` makes a page attachments may refer to. */
export interface AttachmentStoreFixture {
  readonly store: AttachmentStore;
  createPage(pageId: string): void;
  close?(): void | Promise<void>;
}

const attachment = (id: string, pageId: string, createdAt: number): Attachment => ({
  id,
  pageId,
  filename: `${id} – résumé.png`,
  mediaType: 'image/png',
  size: 1234,
  sha256: 'ab'.repeat(32),
  createdBy: 'user-1',
  createdAt,
});

/** The behaviour every `AttachmentStore` implementation must share. */
export function attachmentStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => AttachmentStoreFixture | Promise<AttachmentStoreFixture>,
): void {
  const withStore =
    (body: (fixture: AttachmentStoreFixture) => Promise<void> | void) => async () => {
      const fixture = await open();
      try {
        await body(fixture);
      } finally {
        await fixture.close?.();
      }
    };

  api.describe(`AttachmentStore contract: ${name}`, () => {
    api.it(
      'finds what it stored, field for field, and nothing else',
      withStore(({ store, createPage }) => {
        createPage('p1');
        const stored = attachment('a1', 'p1', 10);
        store.insertAttachment(stored);
        assert.deepEqual(store.findAttachment('a1'), stored);
        assert.equal(store.findAttachment('missing'), null);
      }),
    );

    api.it(
      'refuses a second attachment with the same id',
      withStore(({ store, createPage }) => {
        createPage('p1');
        store.insertAttachment(attachment('a1', 'p1', 10));
        assert.throws(() => store.insertAttachment(attachment('a1', 'p1', 11)));
        assert.equal(store.findAttachment('a1')?.createdAt, 10);
      }),
    );

    api.it(
      "lists a page's attachments oldest first, and only that page's",
      withStore(({ store, createPage }) => {
        createPage('p1');
        createPage('p2');
        store.insertAttachment(attachment('late', 'p1', 30));
        store.insertAttachment(attachment('early', 'p1', 10));
        store.insertAttachment(attachment('other', 'p2', 20));
        assert.deepEqual(
          store.listAttachments('p1').map((item) => item.id),
          ['early', 'late'],
        );
        assert.deepEqual(store.listAttachments('p3'), []);
      }),
    );
  });
}
