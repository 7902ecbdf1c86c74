import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { BlobStore } from './BlobStore';

/** A fresh, empty store for one test; `count` tells how many distinct blobs it holds. */
export interface BlobStoreFixture {
  readonly store: BlobStore;
  count(): number | Promise<number>;
  close?(): void | Promise<void>;
}

const blob = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
};

async function collect(stream: AsyncIterable<Uint8Array | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** The behaviour every `BlobStore` implementation must share. */
export function blobStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => BlobStoreFixture | Promise<BlobStoreFixture>,
): void {
  const withStore = (body: (fixture: BlobStoreFixture) => Promise<void>) => async () => {
    const fixture = await open();
    try {
      await body(fixture);
    } finally {
      await fixture.close?.();
    }
  };

  api.describe(`BlobStore contract: ${name}`, () => {
    api.it(
      'reads back what it stored, whole and as a stream',
      withStore(async ({ store }) => {
        const { bytes, sha256 } = blob('hello, attachments');
        assert.equal(await store.has(sha256), false);
        await store.put(sha256, bytes);
        assert.equal(await store.has(sha256), true);
        assert.deepEqual(Buffer.from(await store.read(sha256)), Buffer.from(bytes));
        assert.equal(await collect(store.stream(sha256)), 'hello, attachments');
      }),
    );

    api.it(
      'stores the same bytes once',
      withStore(async ({ store, count }) => {
        const first = blob('same bytes');
        const second = blob('other bytes');
        await store.put(first.sha256, first.bytes);
        await store.put(first.sha256, first.bytes);
        await store.put(second.sha256, second.bytes);
        assert.equal(await count(), 2);
      }),
    );

    api.it(
      'rejects reads of a missing blob',
      withStore(async ({ store }) => {
        const missing = blob('never stored').sha256;
        await assert.rejects(store.read(missing));
        await assert.rejects(collect(store.stream(missing)));
      }),
    );
  });
}
