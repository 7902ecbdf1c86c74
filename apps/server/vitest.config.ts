import { defineConfig } from 'vitest/config';

/** Suites that run a second time with every store on PostgreSQL (they use no SQLite directly). */
const onPostgres = [
  'src/routes/authorizationMatrix.test.ts',
  'src/routes/accounts.test.ts',
  'src/routes/badInput.test.ts',
  'src/routes/discussionRoutes.test.ts',
  'src/discussion/commentStream.test.ts',
  'src/routes/pageTree.test.ts',
  'src/routes/pages.test.ts',
  'src/routes/revisionRoutes.test.ts',
  'src/routes/notificationRoutes.test.ts',
  'src/routes/homeRoutes.test.ts',
  'src/notifications/commentNotifications.test.ts',
  'src/discussion/commentMarks.test.ts',
  'src/notifications/pageMentions.test.ts',
  'src/routes/mentionRoutes.test.ts',
  'src/notifications/pageChangedSpam.test.ts',
  'src/collab/collabAccess.test.ts',
  'src/collab/collabEndpoint.test.ts',
  'src/attachments/attachments.test.ts',
  'src/transfer/importExport.test.ts',
  'src/http/securityHeaders.test.ts',
  'src/mail/emailRoundTrip.test.ts',
  'src/mail/unsubscribe.test.ts',
  'src/sso/oidcSignIn.test.ts',
  'src/notifications/notificationEmails.test.ts',
];

export default defineConfig({
  test: {
    // Integration tests run real servers, sockets and scrypt on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // A private PostgreSQL server for the run (suites say so when it is not installed).
    globalSetup: ['../../packages/store-postgres/src/testing/globalSetup.ts'],
    projects: [
      { extends: true, test: { name: 'sqlite' } },
      {
        extends: true,
        test: { name: 'postgres', include: onPostgres, env: { LORE_TEST_STORE: 'postgres' } },
      },
    ],
  },
});
