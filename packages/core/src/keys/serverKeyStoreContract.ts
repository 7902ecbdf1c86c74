import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { ServerKeyStore } from './ServerKeyStore';

/** A fresh, empty store for one test, and how to release it. */
export interface ServerKeyStoreFixture {
  readonly store: ServerKeyStore;
  /** A second store over the same database (another process of the install), when there is one. */
  readonly sibling?: () => ServerKeyStore;
  close?(): void | Promise<void>;
}

/**
 * The behaviour every `ServerKeyStore` implementation must share. Each implementation's test
 * file calls this once with its own factory; the suite imports no test runner.
 */
export function serverKeyStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => ServerKeyStoreFixture | Promise<ServerKeyStoreFixture>,
): void {
  const withStore =
    (body: (fixture: ServerKeyStoreFixture) => Promise<void> | void) => async () => {
      const fixture = await open();
      try {
        await body(fixture);
      } finally {
        await fixture.close?.();
      }
    };

  api.describe(`ServerKeyStore contract: ${name}`, () => {
    api.it(
      'stores the first candidate for a name and returns it ever after',
      withStore(({ store }) => {
        assert.equal(store.ensureKey('unsubscribe', 'key-1', 10), 'key-1');
        assert.equal(store.ensureKey('unsubscribe', 'key-2', 20), 'key-1');
        assert.equal(store.ensureKey('unsubscribe', 'key-3', 30), 'key-1');
      }),
    );

    api.it(
      'keeps one key per name',
      withStore(({ store }) => {
        assert.equal(store.ensureKey('unsubscribe', 'a-key', 10), 'a-key');
        assert.equal(store.ensureKey('other', 'b-key', 10), 'b-key');
        assert.equal(store.ensureKey('unsubscribe', 'c-key', 10), 'a-key');
        assert.equal(store.ensureKey('other', 'd-key', 10), 'b-key');
      }),
    );

    api.it(
      'gives every process of the install the same key',
      withStore(({ store, sibling }) => {
        if (!sibling) return;
        const other = sibling();
        assert.equal(other.ensureKey('unsubscribe', 'theirs', 10), 'theirs');
        assert.equal(store.ensureKey('unsubscribe', 'ours', 11), 'theirs');
      }),
    );
  });
}
