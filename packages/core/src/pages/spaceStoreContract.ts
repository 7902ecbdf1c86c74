import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { Space } from './Space';
import type { SpaceStore } from './SpaceStore';

/**
 * A fresh, empty store for one test. `seed` writes the users spaces name as creators, and removes
 * a user's row as purging an account would; `isUniqueViolation` tells this implementation's
 * refusal of a duplicate key from any other error; `close` releases the store.
 */
export interface SpaceStoreFixture {
  readonly store: SpaceStore;
  readonly seed: {
    user(id: string): void;
    removeUser(id: string): void;
  };
  isUniqueViolation(error: unknown): boolean;
  close?(): void | Promise<void>;
}

const space = (id: string, fields: Partial<Space> = {}): Space => ({
  id,
  slug: id,
  name: `Space ${id}`,
  description: '',
  visibility: 'open',
  defaultRole: 'editor',
  createdBy: 'u-ada',
  createdAt: 10,
  updatedAt: 10,
  ...fields,
});

/**
 * The behaviour every `SpaceStore` implementation must share. Each implementation's test file
 * calls this once with its own factory; the suite imports no test runner.
 */
export function spaceStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => SpaceStoreFixture | Promise<SpaceStoreFixture>,
): void {
  const withStore =
    (body: (store: SpaceStore, fixture: SpaceStoreFixture) => Promise<void> | void) => async () => {
      const fixture = await open();
      try {
        for (const id of ['u-ada', 'u-bob']) fixture.seed.user(id);
        await body(fixture.store, fixture);
      } finally {
        await fixture.close?.();
      }
    };

  api.describe(`SpaceStore contract: ${name}`, () => {
    api.it(
      'keeps every field of a space and finds it by id and by slug',
      withStore((store) => {
        const stored = space('s-1', {
          slug: 'eng',
          name: 'Engineering',
          description: 'How we build things',
          visibility: 'private',
          defaultRole: 'viewer',
          createdBy: 'u-bob',
          createdAt: 1_700_000_000_123,
          updatedAt: 1_700_000_000_456,
        });
        assert.equal(store.insertSpace(stored), true);
        assert.deepEqual(store.findSpaceById('s-1'), stored);
        assert.deepEqual(store.findSpaceBySlug('eng'), stored);
        assert.equal(store.findSpaceById('s-unknown'), null);
        assert.equal(store.findSpaceBySlug('ops'), null);
        // Slugs are matched exactly.
        assert.equal(store.findSpaceBySlug('ENG'), null);
      }),
    );

    api.it(
      'answers false for a taken slug and keeps the space that has it',
      withStore((store) => {
        const first = space('s-1', { slug: 'eng', name: 'Engineering' });
        assert.equal(store.insertSpace(first), true);
        assert.equal(store.insertSpace(space('s-2', { slug: 'eng', name: 'Copy' })), false);
        assert.deepEqual(store.findSpaceBySlug('eng'), first);
        assert.equal(store.findSpaceById('s-2'), null);
        assert.deepEqual(
          store.listSpaces().map((s) => s.id),
          ['s-1'],
        );
        // A slug differing only in case is another slug.
        assert.equal(store.insertSpace(space('s-3', { slug: 'Eng' })), true);
      }),
    );

    api.it(
      'refuses a second space with a taken id',
      withStore((store, fixture) => {
        const first = space('s-1', { slug: 'eng' });
        store.insertSpace(first);
        let refused: unknown = null;
        try {
          store.insertSpace(space('s-1', { slug: 'ops' }));
        } catch (error) {
          refused = error;
        }
        assert.equal(fixture.isUniqueViolation(refused), true);
        assert.deepEqual(store.findSpaceById('s-1'), first);
        assert.equal(store.findSpaceBySlug('ops'), null);
      }),
    );

    api.it(
      'lists spaces by name, ASCII letters ignoring case, then by slug',
      withStore((store) => {
        const names: [string, string][] = [
          ['s-zed', 'Zed'],
          ['s-under', '_private'],
          ['s-umlaut', 'Ärger'],
          ['s-lower-umlaut', 'ärger'],
          ['s-beta', 'beta'],
          ['s-alpha-b', 'Alpha'],
          ['s-alpha-a', 'alpha'],
          ['s-ascii', 'Axe'],
        ];
        for (const [id, name] of names) store.insertSpace(space(id, { name }));
        // Folded to lowercase, '_' sorts before letters; letters outside ASCII are not folded, so
        // 'Ärger' and 'ärger' differ and sort after every ASCII name, by their bytes.
        assert.deepEqual(
          store.listSpaces().map((s) => s.id),
          [
            's-under',
            's-alpha-a',
            's-alpha-b',
            's-ascii',
            's-beta',
            's-zed',
            's-umlaut',
            's-lower-umlaut',
          ],
        );
      }),
    );

    api.it(
      'updates name, description, visibility, default role and update time only',
      withStore((store) => {
        const first = space('s-1', { slug: 'eng', name: 'Engineering' });
        store.insertSpace(first);
        store.insertSpace(space('s-2', { slug: 'ops', name: 'Operations' }));
        store.updateSpace({
          ...first,
          slug: 'changed',
          name: 'Platform',
          description: 'Now with docs',
          visibility: 'private',
          defaultRole: 'commenter',
          createdBy: 'u-bob',
          createdAt: 99,
          updatedAt: 20,
        });
        assert.deepEqual(store.findSpaceById('s-1'), {
          ...first,
          name: 'Platform',
          description: 'Now with docs',
          visibility: 'private',
          defaultRole: 'commenter',
          updatedAt: 20,
        });
        assert.equal(store.findSpaceBySlug('changed'), null);
        assert.equal(store.findSpaceBySlug('ops')?.name, 'Operations');
        assert.deepEqual(
          store.listSpaces().map((s) => s.name),
          ['Operations', 'Platform'],
        );
      }),
    );

    api.it(
      'reads a creator whose account row is gone as ""',
      withStore((store, fixture) => {
        store.insertSpace(space('s-1', { createdBy: 'u-bob' }));
        fixture.seed.removeUser('u-bob');
        assert.deepEqual(store.findSpaceById('s-1'), space('s-1', { createdBy: '' }));
      }),
    );
  });
}
