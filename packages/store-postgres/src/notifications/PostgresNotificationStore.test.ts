import { notificationStoreContract } from '@lore/core/testing';
import { describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../PostgresDatabase';
import { postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresNotificationStore } from './PostgresNotificationStore';
import { postgresNotificationFixture } from './postgresNotificationFixture';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresNotificationStore');

notificationStoreContract({ describe: describe.runIf(available), it }, 'PostgreSQL', () => {
  const { db, seed, close } = postgresNotificationFixture();
  return { store: new PostgresNotificationStore(db), seed, close };
});

describe.runIf(available)('PostgresNotificationStore across processes', () => {
  it('gives each pending email to one process: a claim skips rows another holds, without waiting', async () => {
    const fixture = postgresNotificationFixture();
    const other = new PostgresDatabase({ url: fixture.url });
    try {
      fixture.seed.users(['u-ada']);
      fixture.seed.space('s-1');
      fixture.seed.page('p-1', 's-1');
      const mine = new PostgresNotificationStore(fixture.db);
      const theirs = new PostgresNotificationStore(other);
      mine.addNotifications(
        ['n-1', 'n-2', 'n-3'].map((id, index) => ({
          id,
          userId: 'u-ada',
          kind: 'mentioned' as const,
          pageId: 'p-1',
          spaceId: 's-1',
          actorId: null,
          threadId: null,
          commentId: null,
          createdAt: 100 + index,
          readAt: null,
          archivedAt: null,
          dedupeKey: `key-${id}`,
          inApp: true,
          email: true,
          emailState: 'pending' as const,
          emailedAt: null,
        })),
      );
      // While this process's claim is not committed yet, the other process claims at once.
      const claimedHere = mine.transaction(() => {
        const here = mine.claimEmails('u-ada', 1_000, 60_000, 2).map((n) => n.id);
        const there = theirs.claimEmails('u-ada', 1_000, 60_000, 10).map((n) => n.id);
        expect(there).toEqual(['n-3']);
        return here;
      });
      expect(claimedHere).toEqual(['n-1', 'n-2']);
      // Committed: held by their leases, for either process.
      expect(theirs.claimEmails('u-ada', 2_000, 60_000, 10)).toEqual([]);
      expect(mine.claimEmails('u-ada', 2_000, 60_000, 10)).toEqual([]);
    } finally {
      await other.close();
      await fixture.close();
    }
  });
});
