import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { IdentityLink } from './IdentityLink';
import type { IdentityLinkStore } from './IdentityLinkStore';

/**
 * A fresh, empty store for one test; `seed` creates the users and groups rows refer to (a no-op
 * where nothing is enforced), and `close` releases it.
 */
export interface IdentityLinkStoreFixture {
  readonly store: IdentityLinkStore;
  readonly seed: {
    user(id: string): void;
    group(id: string): void;
  };
  close?(): void | Promise<void>;
}

const issuer = 'https://id.example.com';

const link = (subject: string, fields: Partial<IdentityLink> = {}): IdentityLink => ({
  providerId: issuer,
  subject,
  userId: 'u-ada',
  email: 'ada@example.com',
  createdAt: 10,
  lastSignInAt: 10,
  ...fields,
});

/**
 * The behaviour every `IdentityLinkStore` implementation must share. Each implementation's test
 * file calls this once with its own factory; the suite imports no test runner.
 */
export function identityLinkStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => IdentityLinkStoreFixture | Promise<IdentityLinkStoreFixture>,
): void {
  const withStore = (body: (store: IdentityLinkStore) => Promise<void> | void) => async () => {
    const fixture = await open();
    try {
      for (const id of ['u-ada', 'u-bob']) fixture.seed.user(id);
      for (const id of ['g-1', 'g-2']) fixture.seed.group(id);
      await body(fixture.store);
    } finally {
      await fixture.close?.();
    }
  };

  api.describe(`IdentityLinkStore contract: ${name}`, () => {
    api.it(
      'keeps every field of a link and finds it by provider and subject',
      withStore((store) => {
        const stored = link('sub-1', { createdAt: 20, lastSignInAt: 25 });
        assert.equal(store.insertLink(stored), true);
        assert.deepEqual(store.findLink(issuer, 'sub-1'), stored);
        assert.equal(store.findLink(issuer, 'sub-2'), null);
        assert.equal(store.findLink('https://other.example.com', 'sub-1'), null);
      }),
    );

    api.it(
      'refuses a second link for the same subject of the same provider',
      withStore((store) => {
        assert.equal(store.insertLink(link('sub-1')), true);
        assert.equal(store.insertLink(link('sub-1', { userId: 'u-bob' })), false);
        assert.equal(store.findLink(issuer, 'sub-1')?.userId, 'u-ada');
        // The same subject at another provider is another person.
        assert.equal(
          store.insertLink(link('sub-1', { providerId: 'urn:saml:idp', userId: 'u-bob' })),
          true,
        );
      }),
    );

    api.it(
      'lists the links of a user oldest first and records sign-ins',
      withStore((store) => {
        store.insertLink(link('sub-b', { createdAt: 30 }));
        store.insertLink(link('sub-a', { providerId: 'urn:saml:idp', createdAt: 20 }));
        store.insertLink(link('sub-c', { userId: 'u-bob' }));
        assert.deepEqual(
          store.listLinksOfUser('u-ada').map((l) => l.subject),
          ['sub-a', 'sub-b'],
        );
        store.touchLink(issuer, 'sub-b', 99);
        assert.equal(store.findLink(issuer, 'sub-b')?.lastSignInAt, 99);
        assert.deepEqual(store.listLinksOfUser('u-nobody'), []);
      }),
    );

    api.it(
      'remembers which groups each provider manages, once each',
      withStore((store) => {
        store.markGroupManaged(issuer, 'g-1');
        store.markGroupManaged(issuer, 'g-1');
        store.markGroupManaged(issuer, 'g-2');
        store.markGroupManaged('urn:saml:idp', 'g-2');
        assert.deepEqual(store.listManagedGroups(issuer).sort(), ['g-1', 'g-2']);
        assert.deepEqual(store.listManagedGroups('urn:saml:idp'), ['g-2']);
        assert.deepEqual(store.listManagedGroups('https://none.example.com'), []);
      }),
    );
  });
}
