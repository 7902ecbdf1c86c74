import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { AccountStore, ApiTokenRecord, InviteRecord, NewUser } from './AccountStore';

/** A fresh, empty store for one test, and how to release it afterwards. */
export interface AccountStoreFixture {
  readonly store: AccountStore;
  close?(): void | Promise<void>;
}

const user = (id: string, email: string, fields: Partial<NewUser> = {}): NewUser => ({
  id,
  email,
  displayName: id,
  color: '#1f6feb',
  role: 'member',
  passwordHash: 'scrypt$x',
  createdAt: 1,
  ...fields,
});

const token = (
  id: string,
  fields: Partial<ApiTokenRecord> & { tokenHash?: string } = {},
): ApiTokenRecord & { tokenHash: string } => ({
  id,
  userId: 'a',
  name: `token ${id}`,
  tokenHash: `hash-${id}`,
  scope: 'write',
  createdAt: 1,
  lastUsedAt: null,
  expiresAt: null,
  revokedAt: null,
  ...fields,
});

const invite = (
  id: string,
  fields: Partial<InviteRecord> & { tokenHash?: string } = {},
): InviteRecord & { tokenHash: string } => ({
  id,
  email: `${id}@example.com`,
  role: 'guest',
  createdBy: 'a',
  createdAt: 1,
  expiresAt: 100,
  acceptedAt: null,
  revokedAt: null,
  tokenHash: `hash-${id}`,
  ...fields,
});

/**
 * The behaviour every `AccountStore` implementation must share. Each implementation's test file
 * calls this once with its own factory; the suite imports no test runner.
 */
export function accountStoreContract(
  api: ContractTestApi,
  name: string,
  open: () => AccountStoreFixture | Promise<AccountStoreFixture>,
): void {
  const withStore = (body: (store: AccountStore) => Promise<void> | void) => async () => {
    const fixture = await open();
    try {
      await body(fixture.store);
    } finally {
      await fixture.close?.();
    }
  };

  api.describe(`AccountStore contract: ${name}`, () => {
    api.it(
      'keeps emails unique ignoring the case of A-Z, and only of A-Z',
      withStore((store) => {
        assert.equal(store.insertUser(user('a', 'a@example.com')), true);
        assert.equal(store.insertUser(user('b', 'A@EXAMPLE.com')), false);
        assert.equal(store.findUserByEmail('a@EXAMPLE.COM')?.id, 'a');
        assert.equal(store.countUsers(), 1);
        // Letters outside A-Z are compared as they are, as SQLite's NOCASE does.
        assert.equal(store.insertUser(user('e1', 'émile@example.com')), true);
        assert.equal(store.insertUser(user('e2', 'Émile@example.com')), true);
        assert.equal(store.findUserByEmail('ÉMILE@example.com')?.id, 'e2');
        assert.equal(store.findUserByEmail('émile@EXAMPLE.com')?.id, 'e1');
        assert.equal(store.findUserByEmail('nobody@example.com'), null);
        assert.equal(store.countUsers(), 3);
      }),
    );

    api.it(
      'refuses a second user with the same id',
      withStore((store) => {
        store.insertUser(user('a', 'a@example.com'));
        assert.throws(() => store.insertUser(user('a', 'other@example.com')));
        assert.equal(store.findUserById('a')?.email, 'a@example.com');
        assert.equal(store.findUserByEmail('other@example.com'), null);
      }),
    );

    api.it(
      'inserts a first user only while there is none',
      withStore((store) => {
        assert.equal(store.insertFirstUser(user('a', 'a@example.com')), true);
        assert.equal(store.insertFirstUser(user('b', 'b@example.com')), false);
        assert.deepEqual(
          store.listUsers().map((u) => u.id),
          ['a'],
        );
      }),
    );

    api.it(
      'lists accounts by name ignoring the case of A-Z, then by email, without deleted ones',
      withStore((store) => {
        store.insertUser(user('bob', 'bob@example.com', { displayName: 'bob' }));
        store.insertUser(user('alice-2', 'B-alice@example.com', { displayName: 'Alice' }));
        store.insertUser(user('alice-1', 'a-alice@example.com', { displayName: 'alice' }));
        store.insertUser(user('zed', 'zed@example.com', { displayName: 'Zed' }));
        store.insertUser(user('emile', 'emile@example.com', { displayName: 'Émile' }));
        store.insertUser(user('under', 'under@example.com', { displayName: '_under' }));
        store.insertUser(user('gone', 'gone@example.com', { displayName: 'Aaron' }));
        store.tombstoneUser('gone', 5);
        // Byte order after folding A-Z: "_" sorts before letters, "É" after every ASCII one.
        assert.deepEqual(
          store.listUsers().map((u) => u.id),
          ['under', 'alice-1', 'alice-2', 'bob', 'zed', 'emile'],
        );
        assert.deepEqual(store.listUsers()[0], {
          id: 'under',
          email: 'under@example.com',
          displayName: '_under',
          color: '#1f6feb',
          role: 'member',
          createdAt: 1,
          disabledAt: null,
        });
      }),
    );

    api.it(
      'keeps sessions, touches them, expires them by time and ends them per user',
      withStore((store) => {
        store.insertUser(user('a', 'a@example.com'));
        store.insertUser(user('b', 'b@example.com'));
        const session = { userId: 'a', createdAt: 1, lastSeenAt: 1 };
        store.insertSession({ ...session, idHash: 'h1', expiresAt: 10 });
        store.insertSession({ ...session, idHash: 'h2', expiresAt: 100 });
        store.insertSession({ ...session, idHash: 'h3', expiresAt: 50 });
        store.insertSession({ ...session, idHash: 'h4', userId: 'b', expiresAt: 5_000 });
        assert.throws(() => store.insertSession({ ...session, idHash: 'h1', expiresAt: 10 }));
        // Expired means "at or before now".
        assert.equal(store.deleteExpiredSessions(50), 2);
        assert.equal(store.findSession('h1'), null);
        assert.equal(store.findSession('h3'), null);
        assert.deepEqual(store.findSession('h2'), {
          idHash: 'h2',
          userId: 'a',
          createdAt: 1,
          lastSeenAt: 1,
          expiresAt: 100,
        });
        store.touchSession('h2', 60, 1_060);
        assert.deepEqual(store.findSession('h2'), {
          idHash: 'h2',
          userId: 'a',
          createdAt: 1,
          lastSeenAt: 60,
          expiresAt: 1_060,
        });
        assert.equal(store.deleteExpiredSessions(1_000), 0);
        store.insertSession({ ...session, idHash: 'h5', expiresAt: 2_000 });
        assert.deepEqual(store.deleteSessionsOfUser('a', 'h5'), ['h2']);
        assert.deepEqual(store.deleteSessionsOfUser('a'), ['h5']);
        assert.deepEqual(store.deleteSessionsOfUser('a'), []);
        store.deleteSession('h4');
        assert.equal(store.findSession('h4'), null);
      }),
    );

    api.it(
      "lists a user's live tokens newest first and revokes only the owner's active token",
      withStore((store) => {
        store.insertUser(user('a', 'a@example.com'));
        store.insertUser(user('b', 'b@example.com'));
        store.insertToken(token('t', { scope: 'read', expiresAt: 500 }));
        store.insertToken(token('t-new', { createdAt: 3, scope: 'admin' }));
        store.insertToken(token('t-b', { userId: 'b', createdAt: 2 }));
        assert.throws(() => store.insertToken(token('t-dup', { tokenHash: 'hash-t' })));
        assert.deepEqual(store.findTokenByHash('hash-t'), {
          id: 't',
          userId: 'a',
          name: 'token t',
          scope: 'read',
          createdAt: 1,
          lastUsedAt: null,
          expiresAt: 500,
          revokedAt: null,
        });
        assert.deepEqual(
          store.listTokens('a').map((t) => t.id),
          ['t-new', 't'],
        );
        store.touchToken('t', 7);
        assert.equal(store.findTokenById('t')?.lastUsedAt, 7);
        assert.equal(store.revokeToken('b', 't', 5), false);
        assert.equal(store.revokeToken('a', 't', 5), true);
        assert.equal(store.revokeToken('a', 't', 6), false);
        assert.equal(store.findTokenByHash('hash-t')?.revokedAt, 5);
        assert.deepEqual(
          store.listTokens('a').map((t) => t.id),
          ['t-new'],
        );
        assert.equal(store.findTokenById('nope'), null);
        assert.equal(store.findTokenByHash('nope'), null);
      }),
    );

    api.it(
      'changes accounts, counts enabled admins and tombstones deleted ones',
      withStore((store) => {
        store.insertUser(user('a', 'a@example.com', { role: 'admin' }));
        store.insertUser(user('b', 'b@example.com', { role: 'admin' }));
        assert.equal(store.countEnabledAdmins(), 2);
        store.updateUser('b', { disabledAt: 7 }, 7);
        assert.equal(store.countEnabledAdmins(), 1);
        store.updateUser('b', { displayName: 'Bee', color: '#000000' }, 8);
        assert.deepEqual(store.findUserById('b'), {
          id: 'b',
          email: 'b@example.com',
          displayName: 'Bee',
          color: '#000000',
          role: 'admin',
          passwordHash: 'scrypt$x',
          createdAt: 1,
          disabledAt: 7,
          deletedAt: null,
        });
        store.updateUser('b', { role: undefined, passwordHash: 'scrypt$y' }, 9);
        store.updateUser('b', { disabledAt: null, role: 'member' }, 9);
        assert.deepEqual(store.findUserById('b'), {
          id: 'b',
          email: 'b@example.com',
          displayName: 'Bee',
          color: '#000000',
          role: 'member',
          passwordHash: 'scrypt$y',
          createdAt: 1,
          disabledAt: null,
          deletedAt: null,
        });
        store.insertSession({
          idHash: 's1',
          userId: 'b',
          createdAt: 1,
          lastSeenAt: 1,
          expiresAt: 99,
        });
        store.insertSession({
          idHash: 's2',
          userId: 'b',
          createdAt: 1,
          lastSeenAt: 1,
          expiresAt: 99,
        });
        assert.deepEqual(store.deleteSessionsOfUser('b', 's2'), ['s1']);
        store.insertToken(token('tb', { userId: 'b' }));
        const reset = { userId: 'b', createdBy: 'a', createdAt: 1, expiresAt: 100, usedAt: null };
        store.insertPasswordReset({ ...reset, id: 'r', tokenHash: 'rh' });
        store.tombstoneUser('b', 10);
        assert.equal(store.findSession('s2'), null);
        assert.equal(store.findTokenById('tb')?.revokedAt, 10);
        assert.equal(store.findPasswordResetByHash('rh'), null);
        assert.deepEqual(store.findUserById('b'), {
          id: 'b',
          email: 'deleted-b@invalid',
          displayName: 'Former user',
          color: '#6e7781',
          role: 'member',
          passwordHash: '!',
          createdAt: 1,
          disabledAt: 10,
          deletedAt: 10,
        });
        assert.equal(store.findUserByEmail('b@example.com'), null);
        assert.deepEqual(
          store.listUsers().map((u) => u.id),
          ['a'],
        );
        assert.equal(store.countUsers(), 2, 'the tombstone stays');
        assert.equal(store.insertUser(user('b2', 'b@example.com')), true, 'the email is free');
      }),
    );

    api.it(
      'lists open invites newest first and accepts or revokes each once',
      withStore((store) => {
        store.insertUser(user('a', 'a@example.com'));
        store.insertInvite(invite('i'));
        store.insertInvite(invite('i-new', { createdAt: 3, role: 'admin' }));
        store.insertInvite(invite('i-short', { createdAt: 2, expiresAt: 50 }));
        assert.throws(() => store.insertInvite(invite('i-dup', { tokenHash: 'hash-i' })));
        assert.deepEqual(
          store.listOpenInvites(49).map((i) => i.id),
          ['i-new', 'i-short', 'i'],
        );
        assert.deepEqual(
          store.listOpenInvites(50).map((i) => i.id),
          ['i-new', 'i'],
        );
        assert.deepEqual(store.listOpenInvites(100), []);
        assert.deepEqual(store.findInviteByHash('hash-i-new'), {
          id: 'i-new',
          email: 'i-new@example.com',
          role: 'admin',
          createdBy: 'a',
          createdAt: 3,
          expiresAt: 100,
          acceptedAt: null,
          revokedAt: null,
        });
        assert.equal(store.acceptInvite('i', 5), true);
        assert.equal(store.acceptInvite('i', 6), false);
        assert.equal(store.revokeInvite('i', 6), false);
        assert.equal(store.findInviteByHash('hash-i')?.acceptedAt, 5);
        assert.equal(store.revokeInvite('i-new', 7), true);
        assert.equal(store.acceptInvite('i-new', 8), false);
        assert.equal(store.findInviteByHash('hash-i-new')?.revokedAt, 7);
        assert.deepEqual(
          store.listOpenInvites(10).map((i) => i.id),
          ['i-short'],
        );
        assert.equal(store.findInviteByHash('nope'), null);
      }),
    );

    api.it(
      'uses reset links and the setup code once',
      withStore((store) => {
        store.insertUser(user('a', 'a@example.com'));
        const reset = { userId: 'a', createdBy: 'a', createdAt: 1, expiresAt: 100, usedAt: null };
        store.insertPasswordReset({ ...reset, id: 'r1', tokenHash: 'r1h' });
        store.retirePasswordResets('a', 2);
        store.insertPasswordReset({ ...reset, id: 'r2', tokenHash: 'r2h' });
        assert.equal(store.findPasswordResetByHash('r1h')?.usedAt, 2);
        assert.deepEqual(store.findPasswordResetByHash('r2h'), { ...reset, id: 'r2' });
        assert.equal(store.usePasswordReset('r2', 3), true);
        assert.equal(store.usePasswordReset('r2', 4), false);
        assert.equal(store.findPasswordResetByHash('r2h')?.usedAt, 3);
        assert.equal(store.findPasswordResetByHash('nope'), null);

        assert.equal(store.readSetupCode(), null);
        store.saveSetupCode('ABCD', 1);
        store.saveSetupCode('EFGH', 2);
        assert.equal(store.readSetupCode(), 'EFGH');
        store.deleteSetupCode();
        assert.equal(store.readSetupCode(), null);
      }),
    );

    api.it(
      'runs work in a transaction: its result is returned, a throw undoes all of it',
      withStore((store) => {
        assert.equal(
          store.transaction(() => store.insertUser(user('a', 'a@example.com'))),
          true,
        );
        assert.throws(
          () =>
            store.transaction(() => {
              store.insertUser(user('b', 'b@example.com'));
              store.updateUser('a', { displayName: 'Changed' }, 2);
              store.saveSetupCode('ABCD', 2);
              throw new Error('undo');
            }),
          /undo/,
        );
        assert.equal(store.findUserById('b'), null);
        assert.equal(store.findUserById('a')?.displayName, 'a');
        assert.equal(store.readSetupCode(), null);
        assert.equal(store.countUsers(), 1);
      }),
    );
  });
}
