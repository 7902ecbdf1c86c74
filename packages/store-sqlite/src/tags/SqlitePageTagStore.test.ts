import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessPolicy, type Page, TagService, type User } from '@lore/core';
import { tagStoreContract } from '@lore/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteAccessStore } from '../access/SqliteAccessStore';
import { SqliteEventLog } from '../events/SqliteEventLog';
import { type Db, openDatabase } from '../openDatabase';
import { SqlitePageStore } from '../pages/SqlitePageStore';
import { SqliteSpaceStore } from '../pages/SqliteSpaceStore';
import { SqlitePageTagStore } from './SqlitePageTagStore';

tagStoreContract({ describe, it }, 'SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-tag-store-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  return {
    store: new SqlitePageTagStore(db),
    seed: {
      space: (id) =>
        db
          .prepare(
            'INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES (?, ?, ?, 0, 0)',
          )
          .run(id, id, id),
      page: (page) =>
        db
          .prepare(
            `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at,
                                deleted_at)
             VALUES (?, ?, ?, 'V', ?, 0, 0, ?)`,
          )
          .run(page.id, `short-${page.id}`, page.spaceId, page.title, page.trashed ? 1 : null),
      removePage: (id) => db.prepare('DELETE FROM pages WHERE id = ?').run(id),
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

let dir: string;
let db: Db;
let pages: SqlitePageStore;
let service: TagService;

const user = (role: User['role']): User => ({
  id: 'u1',
  email: 'a@example.com',
  displayName: 'A',
  color: '#000000',
  role,
  createdAt: 1,
});

function addPage(id: string): Page {
  const page: Page = {
    id,
    shortId: `${id}234567890`.slice(0, 10),
    spaceId: 's1',
    parentId: null,
    position: 'V',
    title: id,
    icon: null,
    createdBy: 'u1',
    createdAt: 1,
    updatedBy: 'u1',
    updatedAt: 1,
    deletedAt: null,
    deletedBy: null,
  };
  pages.insertPage(page);
  return page;
}

/** Pages whose tags changed, by the events written since the outbox was last cleared. */
const outbox = () =>
  db
    .prepare("SELECT page_id FROM domain_events WHERE type = 'page.tags_changed' ORDER BY page_id")
    .pluck()
    .all() as string[];

describe('TagService on SQLite', () => {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lore-tags-'));
    db = openDatabase({ path: join(dir, 'lore.db') });
    pages = new SqlitePageStore(db);
    db.prepare(
      `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
     VALUES ('u1', 'a@example.com', 'A', '#000000', 'admin', 'x', 1, 1)`,
    ).run();
    const spaces = new SqliteSpaceStore(db);
    spaces.insertSpace({
      id: 's1',
      slug: 'eng',
      name: 'Engineering',
      description: '',
      visibility: 'open',
      defaultRole: 'editor',
      createdBy: 'u1',
      createdAt: 1,
      updatedAt: 1,
    });
    // The guests of these tests were invited to read the space.
    const access = new SqliteAccessStore(db);
    access.setSpaceGrant({ spaceId: 's1', kind: 'user', principalId: 'u1', role: 'viewer' });
    service = new TagService({
      tags: new SqlitePageTagStore(db),
      pages,
      policy: new AccessPolicy({ store: access, spaces, pages }),
      events: new SqliteEventLog(db),
      clock: { now: () => 1 },
    });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores normalized tags in order and writes page.tags_changed with them', () => {
    addPage('p1');
    db.exec('DELETE FROM domain_events');
    expect(
      service.setPageTags(user('member'), 'p1', ['Onboarding', ' #HR ', 'onboarding']),
    ).toEqual(['Onboarding', 'HR']);
    expect(service.pageTags(user('guest'), 'p1')).toEqual(['Onboarding', 'HR']);
    expect(outbox()).toEqual(['p1']);

    // The same tags again write nothing, so nothing is re-indexed.
    db.exec('DELETE FROM domain_events');
    service.setPageTags(user('member'), 'p1', ['Onboarding', 'HR']);
    expect(outbox()).toEqual([]);
    service.setPageTags(user('member'), 'p1', ['HR']);
    expect(outbox()).toEqual(['p1']);
    expect(service.pageTags(user('guest'), 'p1')).toEqual(['HR']);
  });

  it('lists tags of live pages by use, filtered by prefix ignoring case', () => {
    for (const id of ['p1', 'p2', 'p3']) addPage(id);
    service.setPageTags(user('admin'), 'p1', ['Onboarding', 'HR']);
    service.setPageTags(user('admin'), 'p2', ['onboarding', 'Holidays']);
    service.setPageTags(user('admin'), 'p3', ['HR', 'Hiring']);
    expect(service.listTags(user('guest'))).toEqual([
      { tag: 'HR', pages: 2 },
      { tag: 'Onboarding', pages: 2 },
      { tag: 'Hiring', pages: 1 },
      { tag: 'Holidays', pages: 1 },
    ]);
    expect(service.listTags(user('guest'), 'h').map((entry) => entry.tag)).toEqual([
      'HR',
      'Hiring',
      'Holidays',
    ]);
    pages.setDeleted('p3', { at: 2, by: 'u1' });
    expect(service.listTags(user('guest'), 'hi')).toEqual([]);
  });

  it('lets only editors change tags, and only on live pages', () => {
    addPage('p1');
    expect(() => service.setPageTags(user('guest'), 'p1', ['x'])).toThrow(/not change/);
    pages.setDeleted('p1', { at: 2, by: 'u1' });
    expect(() => service.setPageTags(user('member'), 'p1', ['x'])).toThrow(/not found/);
    expect(() => service.setPageTags(user('member'), 'nope', ['x'])).toThrow(/not found/);
    // Trashed pages are for the space's editors.
    expect(service.pageTags(user('member'), 'p1')).toEqual([]);
    expect(() => service.pageTags(user('guest'), 'p1')).toThrow(/not found/);
  });

  it('lists only tags of pages the user may read', () => {
    addPage('p1');
    addPage('p2');
    service.setPageTags(user('admin'), 'p1', ['Payroll']);
    service.setPageTags(user('admin'), 'p2', ['Payroll', 'Launch']);
    new SqliteAccessStore(db).setPageRestriction({
      pageId: 'p2',
      view: { users: ['someone-else'], groups: [] },
      edit: null,
      updatedBy: 'u1',
      updatedAt: 1,
    });
    expect(service.listTags(user('guest'))).toEqual([{ tag: 'Payroll', pages: 1 }]);
    expect(service.listTags(user('admin')).map((entry) => entry.tag)).toEqual([
      'Payroll',
      'Launch',
    ]);
  });
});
