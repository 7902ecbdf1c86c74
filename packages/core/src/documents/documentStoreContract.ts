import assert from 'node:assert/strict';
import type { DocumentStore } from './DocumentStore';

/** The part of a test runner the contract needs (vitest's `describe` and `it` fit). */
export interface ContractTestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>): void;
}

/** A fresh, empty store for one test, and how to release it afterwards. */
export interface DocumentStoreFixture {
  readonly store: DocumentStore;
  close?(): void | Promise<void>;
}

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

/**
 * The behaviour every `DocumentStore` implementation must share. Each implementation's test file
 * calls this once with its own factory; the suite itself imports no test runner, so it can live
 * beside the port.
 */
export function documentStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => DocumentStoreFixture | Promise<DocumentStoreFixture>,
): void {
  const withStore = (body: (store: DocumentStore) => Promise<void>) => async () => {
    const fixture = await open();
    try {
      await body(fixture.store);
    } finally {
      await fixture.close?.();
    }
  };

  api.describe(`DocumentStore contract: ${name}`, () => {
    api.it(
      'loads an unknown document as empty',
      withStore(async (store) => {
        assert.deepEqual(await store.load('nope'), {
          snapshot: null,
          snapshotSeq: 0,
          snapshotStateVector: null,
          updates: [],
          lastSeq: 0,
        });
        assert.deepEqual(await store.stats('nope'), {
          updates: 0,
          updateBytes: 0,
          snapshotBytes: 0,
          snapshotSeq: 0,
          lastSeq: 0,
        });
      }),
    );

    api.it(
      'appends batches in order with growing sequence numbers',
      withStore(async (store) => {
        assert.equal(await store.append('a', [bytes(1), bytes(2, 2)]), 2);
        assert.equal(await store.append('a', [bytes(3, 3, 3)]), 3);
        assert.equal(await store.append('a', []), 3);
        const loaded = await store.load('a');
        assert.equal(loaded.lastSeq, 3);
        assert.equal(loaded.snapshot, null);
        assert.deepEqual(
          loaded.updates.map((update) => Array.from(update)),
          [[1], [2, 2], [3, 3, 3]],
        );
        assert.deepEqual(await store.stats('a'), {
          updates: 3,
          updateBytes: 6,
          snapshotBytes: 0,
          snapshotSeq: 0,
          lastSeq: 3,
        });
      }),
    );

    api.it(
      'keeps documents apart',
      withStore(async (store) => {
        await store.append('a', [bytes(1)]);
        assert.equal(await store.append('b', [bytes(9), bytes(8)]), 2);
        assert.deepEqual(
          (await store.load('a')).updates.map((update) => Array.from(update)),
          [[1]],
        );
        assert.equal((await store.load('b')).lastSeq, 2);
      }),
    );

    api.it(
      'stores a copy of the bytes it is given',
      withStore(async (store) => {
        const update = bytes(1, 2, 3);
        await store.append('a', [update]);
        update[0] = 42;
        const loaded = await store.load('a');
        assert.deepEqual(Array.from(loaded.updates[0] ?? []), [1, 2, 3]);
      }),
    );

    api.it(
      'round-trips large and empty-looking updates byte for byte',
      withStore(async (store) => {
        const large = new Uint8Array(3 * 1024 * 1024).map((_, index) => (index * 31) % 251);
        await store.append('a', [large, bytes(0, 0)]);
        const loaded = await store.load('a');
        assert.equal(loaded.updates.length, 2);
        assert.ok(Buffer.from(loaded.updates[0] ?? []).equals(Buffer.from(large)));
        assert.deepEqual(Array.from(loaded.updates[1] ?? []), [0, 0]);
      }),
    );

    api.it(
      'compacts: replaces the snapshot and drops exactly the folded log rows',
      withStore(async (store) => {
        await store.append('a', [bytes(1), bytes(2), bytes(3)]);
        assert.equal(await store.compact('a', bytes(7, 7), 2), true);
        const loaded = await store.load('a');
        assert.deepEqual(Array.from(loaded.snapshot ?? []), [7, 7]);
        assert.equal(loaded.snapshotSeq, 2);
        assert.deepEqual(
          loaded.updates.map((update) => Array.from(update)),
          [[3]],
        );
        assert.equal(loaded.lastSeq, 3);
        assert.deepEqual(await store.stats('a'), {
          updates: 1,
          updateBytes: 1,
          snapshotBytes: 2,
          snapshotSeq: 2,
          lastSeq: 3,
        });
      }),
    );

    api.it(
      'keeps the state vector given with a snapshot, and forgets it with the next snapshot',
      withStore(async (store) => {
        await store.append('a', [bytes(1), bytes(2), bytes(3)]);
        assert.equal((await store.load('a')).snapshotStateVector, null);
        assert.equal(await store.compact('a', bytes(7, 7), 2, bytes(1, 5, 2)), true);
        assert.deepEqual(Array.from((await store.load('a')).snapshotStateVector ?? []), [1, 5, 2]);
        // A snapshot stored without one must not keep the previous snapshot's.
        assert.equal(await store.compact('a', bytes(8), 3), true);
        assert.equal((await store.load('a')).snapshotStateVector, null);
      }),
    );

    api.it(
      'keeps updates appended after the snapshot was computed',
      withStore(async (store) => {
        await store.append('a', [bytes(1), bytes(2)]);
        const upToSeq = (await store.load('a')).lastSeq;
        // Another writer appends between computing the snapshot and storing it.
        await store.append('a', [bytes(3)]);
        assert.equal(await store.compact('a', bytes(12), upToSeq), true);
        const loaded = await store.load('a');
        assert.deepEqual(
          loaded.updates.map((update) => Array.from(update)),
          [[3]],
        );
        assert.equal(loaded.snapshotSeq, 2);
      }),
    );

    api.it(
      'ignores a stale compaction that would move the snapshot backwards',
      withStore(async (store) => {
        await store.append('a', [bytes(1), bytes(2), bytes(3)]);
        assert.equal(await store.compact('a', bytes(1, 2, 3), 3), true);
        assert.equal(await store.compact('a', bytes(12), 2), false);
        assert.equal(await store.compact('a', bytes(99), 3), false);
        const loaded = await store.load('a');
        assert.deepEqual(Array.from(loaded.snapshot ?? []), [1, 2, 3]);
        assert.equal(loaded.snapshotSeq, 3);
      }),
    );

    api.it(
      'refuses to fold updates that were never appended',
      withStore(async (store) => {
        await store.append('a', [bytes(1)]);
        await assert.rejects(store.compact('a', bytes(1, 2), 2), RangeError);
        await assert.rejects(store.compact('empty', bytes(1), 1), RangeError);
        const loaded = await store.load('a');
        assert.equal(loaded.snapshot, null);
        assert.equal(loaded.updates.length, 1);
      }),
    );

    api.it(
      'never reuses a sequence number, even after the log was emptied',
      withStore(async (store) => {
        await store.append('a', [bytes(1), bytes(2)]);
        await store.compact('a', bytes(12), 2);
        assert.equal((await store.load('a')).updates.length, 0);
        assert.equal(await store.append('a', [bytes(3)]), 3);
        const loaded = await store.load('a');
        assert.equal(loaded.snapshotSeq, 2);
        assert.deepEqual(
          loaded.updates.map((update) => Array.from(update)),
          [[3]],
        );
      }),
    );

    api.it(
      'removes a document entirely',
      withStore(async (store) => {
        await store.append('a', [bytes(1), bytes(2)]);
        await store.compact('a', bytes(12), 1);
        await store.append('b', [bytes(5)]);
        await store.remove('a');
        assert.deepEqual(await store.load('a'), {
          snapshot: null,
          snapshotSeq: 0,
          snapshotStateVector: null,
          updates: [],
          lastSeq: 0,
        });
        assert.equal((await store.load('b')).updates.length, 1);
      }),
    );

    api.it(
      'rejects a batch holding something other than bytes and stores none of it',
      withStore(async (store) => {
        await store.append('a', [bytes(1)]);
        const bad = [bytes(2), 'not bytes' as unknown as Uint8Array];
        await assert.rejects(store.append('a', bad));
        const loaded = await store.load('a');
        assert.equal(loaded.lastSeq, 1);
        assert.equal(loaded.updates.length, 1);
      }),
    );
  });
}
