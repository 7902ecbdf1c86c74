import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Notification } from '@lore/core';
import { PostgresDatabase } from '@lore/store-postgres';
import {
  createTestDatabase,
  postgresAvailable,
  reportPostgresMissing,
} from '@lore/store-postgres/testing';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { testAdmin } from '../test/adminServerPerTest';
import { expectJson } from '../test/expectJson';
import { startServerOnDataDir } from '../test/startServerOnDataDir';
import { startTestServer } from '../test/startTestServer';
import { CopyRefusedError } from './copySqliteToPostgres';
import { migrateToPostgres } from './migrateToPostgres';

const available = postgresAvailable();
if (!available) reportPostgresMissing('lore migrate --to postgres');

/** An empty PostgreSQL database (created, not migrated): what an operator hands to the command. */
function emptyDatabase(): string {
  const { db, url } = createTestDatabase();
  const name = new URL(url).pathname.slice(1);
  void db.close();
  const admin = new PostgresDatabase({ url: url.replace(`/${name}?`, '/postgres?') });
  const fresh = `${name}_empty`;
  admin.exec(`CREATE DATABASE ${fresh}`);
  void admin.close();
  return url.replace(`/${name}?`, `/${fresh}?`);
}

describe.runIf(available)('lore migrate --to postgres', () => {
  it('copies an SQLite install that then runs on PostgreSQL with the same pages, history, access and search', async () => {
    const t = await startTestServer({ LORE_STORE: 'sqlite' });
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-migrated-'));
    try {
      await t.request('/api/setup', { method: 'POST', json: testAdmin });
      const { space } = await expectJson(
        await t.request('/api/spaces', {
          method: 'POST',
          json: { name: 'People Ops', visibility: 'private' },
        }),
        201,
      );
      const pages: { id: string; markdown: string }[] = [];
      for (const [title, body] of [
        ['Parental leave', 'Sixteen weeks of **paid** leave for every parent.'],
        ['Équipe café', 'La machine à café est au 3ᵉ étage. Ünïcödé and "quotes" survive.'],
        ['Expenses', 'Submit receipts within 30 days.\n\n- [x] train\n- [ ] taxi'],
      ] as const) {
        const { page } = await expectJson(
          await t.request('/api/pages', {
            method: 'POST',
            json: { spaceId: space.slug, title, markdown: `# ${title}\n\n${body}` },
          }),
          201,
        );
        const read = await expectJson(await t.request(`/api/pages/${page.id}`), 200);
        pages.push({ id: page.id, markdown: read.markdown });
      }
      await expectJson(
        await t.request(`/api/pages/${pages[0]?.id}/tags`, {
          method: 'PUT',
          json: { tags: ['leave'] },
        }),
        200,
      );
      const { user: me } = await expectJson(await t.request('/api/me'), 200);
      const { thread } = await expectJson(
        await t.request(`/api/pages/${pages[0]?.id}/comments`, {
          method: 'POST',
          json: { body: `Adoption too? @[Ada](user:${me.id})` },
        }),
        201,
      );
      await expectJson(
        await t.request(`/api/comments/${thread.id}/comments/${thread.comments[0].id}/reactions`, {
          method: 'POST',
          json: { emoji: '👍' },
        }),
        200,
      );
      await expectJson(
        await t.request(`/api/pages/${pages[0]?.id}/reactions`, {
          method: 'POST',
          json: { emoji: '🎉' },
        }),
        200,
      );
      // Notification emails waiting or sent keep their state: none is lost or sent twice.
      const notificationStore = t.server.services.storage.notifications;
      const emailNote = (id: string): Notification => ({
        id,
        userId: me.id,
        kind: 'mentioned',
        pageId: pages[0]?.id ?? '',
        spaceId: space.id,
        actorId: me.id,
        threadId: thread.id,
        commentId: thread.comments[0].id,
        createdAt: 1_000,
        readAt: null,
        archivedAt: null,
        dedupeKey: `copy-${id}`,
        inApp: true,
        email: true,
        emailState: 'pending',
        emailedAt: null,
      });
      notificationStore.addNotifications([emailNote('n-waiting'), emailNote('n-sent')]);
      notificationStore.claimEmails(me.id, 2_000, 3_000, 10);
      notificationStore.finishEmails(['n-sent'], 'sent', 2_500);
      const waiting = notificationStore.findNotification('n-waiting');
      const sent = notificationStore.findNotification('n-sent');
      expect(sent?.emailState).toBe('sent');
      // Unsubscribe links in emails already sent must keep working after the move.
      const unsubscribe = t.server.services.mail.unsubscribeTokens.issue('u-reader', 'all');
      await t.server.close(1000);

      // A copy of the data folder's database moves; the SQLite install itself is left as it was.
      const url = emptyDatabase();
      const progress: number[] = [];
      const config = loadConfig({ LORE_DATA_DIR: t.dataDir });
      const report = await migrateToPostgres(config, {
        url,
        onCopy: (done) => progress.push(done),
      });
      expect(report.rows).toBeGreaterThan(20);
      expect(report.pagesIndexed).toBe(3);
      expect(progress.at(-1)).toBe(report.rows);
      const byTable = new Map(report.tables.map((table) => [table.table, table.rows]));
      expect(byTable.get('users')).toBe(1);
      expect(byTable.get('pages')).toBe(3);
      expect(byTable.get('page_tags')).toBe(1);
      expect(byTable.get('comment_threads')).toBe(1);
      expect(byTable.get('comments')).toBe(1);
      expect(byTable.get('comment_reactions')).toBe(1);
      expect(byTable.get('page_reactions')).toBe(1);
      // Their creator watches each page (the auto-watch consumer ran before the copy).
      expect(byTable.get('page_watches')).toBe(3);
      // What happened in the space: each page's creation at least.
      expect(byTable.get('space_activity')).toBeGreaterThanOrEqual(3);
      expect(byTable.get('server_keys')).toBe(1);
      expect(byTable.get('notifications')).toBe(2);
      expect(byTable.get('document_heads')).toBe(3);
      expect(
        (byTable.get('document_updates') ?? 0) + (byTable.get('document_snapshots') ?? 0),
      ).toBeGreaterThanOrEqual(3);

      // Lore on PostgreSQL: the same admin signs in and reads the same pages.
      const onPostgres = await startServerOnDataDir(dataDir, {
        LORE_STORE: 'postgres',
        LORE_DATABASE_URL: url,
      });
      try {
        const login = await fetch(`${onPostgres.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: onPostgres.url },
          body: JSON.stringify({ email: testAdmin.email, password: testAdmin.password }),
        });
        expect(login.status).toBe(200);
        const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
        const get = (path: string) => fetch(`${onPostgres.url}${path}`, { headers: { cookie } });
        for (const page of pages) {
          const read = await expectJson(await get(`/api/pages/${page.id}`), 200);
          expect(read.markdown).toBe(page.markdown);
        }
        const found = await expectJson(await get('/api/search?q=parental%20leave'), 200);
        expect(found.results[0]?.pageId).toBe(pages[0]?.id);
        const tagged = await expectJson(await get(`/api/pages/${pages[0]?.id}/tags`), 200);
        expect(tagged.tags).toEqual(['leave']);
        const discussed = await expectJson(await get(`/api/pages/${pages[0]?.id}/comments`), 200);
        expect(discussed.threads[0].comments[0]).toMatchObject({
          body: `Adoption too? @[Ada](user:${me.id})`,
          mentions: [me.id],
          reactions: [{ emoji: '👍', count: 1 }],
        });
        const reacted = await expectJson(await get(`/api/pages/${pages[0]?.id}/reactions`), 200);
        expect(reacted.reactions).toMatchObject([{ emoji: '🎉', count: 1 }]);
        const outsider = await fetch(`${onPostgres.url}/api/pages/${pages[1]?.id}`);
        expect(outsider.status).toBe(401);
        const copied = onPostgres.server.services.storage.notifications;
        expect(copied.findNotification('n-waiting')).toEqual(waiting);
        expect(copied.findNotification('n-sent')).toEqual(sent);
        // The lease came along too: the waiting email is taken once it ended, not before.
        expect(copied.claimEmails(me.id, 2_999, 9_000, 10)).toEqual([]);
        expect(copied.claimEmails(me.id, 3_000, 9_000, 10).map((n) => n.id)).toEqual(['n-waiting']);
        expect(onPostgres.server.services.mail.unsubscribeTokens.verify(unsubscribe)).toMatchObject(
          {
            valid: true,
            userId: 'u-reader',
          },
        );
      } finally {
        await onPostgres.close();
      }

      // A second copy into the same database is refused and changes nothing.
      await expect(migrateToPostgres(config, { url })).rejects.toThrow(CopyRefusedError);
    } finally {
      rmSync(t.dataDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
