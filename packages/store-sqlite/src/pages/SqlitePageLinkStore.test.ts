import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessPolicy, isPageLive, type Page, PageLinkService, type User } from '@lore/core';
import { pageLinkStoreContract } from '@lore/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteAccessStore } from '../access/SqliteAccessStore';
import { type Db, openDatabase } from '../openDatabase';
import { SqlitePageLinkStore } from './SqlitePageLinkStore';
import { SqlitePageStore } from './SqlitePageStore';
import { SqliteSpaceStore } from './SqliteSpaceStore';

pageLinkStoreContract({ describe, it }, 'SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-link-store-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  return {
    store: new SqlitePageLinkStore(db),
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
let links: SqlitePageLinkStore;
let service: PageLinkService;

const reader: User = {
  id: 'u1',
  email: 'a@example.com',
  displayName: 'A',
  color: '#000000',
  role: 'guest',
  createdAt: 1,
};

function addPage(
  id: string,
  options: { parentId?: string | null; spaceId?: string; title?: string; position?: string } = {},
): Page {
  const page: Page = {
    id,
    shortId: `${id}234567890`.slice(0, 10),
    spaceId: options.spaceId ?? 's1',
    parentId: options.parentId ?? null,
    position: options.position ?? 'V',
    title: options.title ?? id.toUpperCase(),
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

const link = (target: Page | string, text: string, anchor: string | null = null) => {
  const shortId = typeof target === 'string' ? target : target.shortId;
  return { targetShortId: shortId, anchor, href: `/s/${shortId}`, text };
};

describe('PageLinkService on SQLite', () => {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lore-links-'));
    db = openDatabase({ path: join(dir, 'lore.db') });
    pages = new SqlitePageStore(db);
    links = new SqlitePageLinkStore(db);
    db.prepare(
      `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
     VALUES ('u1', 'a@example.com', 'A', '#000000', 'admin', 'x', 1, 1)`,
    ).run();
    const spaces = new SqliteSpaceStore(db);
    for (const [id, slug] of [
      ['s1', 'eng'],
      ['s2', 'ops'],
    ] as const) {
      spaces.insertSpace({
        id,
        slug,
        name: slug,
        description: '',
        visibility: 'open',
        defaultRole: 'editor',
        createdBy: 'u1',
        createdAt: 1,
        updatedAt: 1,
      });
    }
    // The reader, a guest, was invited to read both spaces.
    const access = new SqliteAccessStore(db);
    for (const spaceId of ['s1', 's2']) {
      access.setSpaceGrant({ spaceId, kind: 'user', principalId: 'u1', role: 'viewer' });
    }
    const policy = new AccessPolicy({ store: access, spaces, pages });
    service = new PageLinkService({ pages, spaces, links, policy });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('knows a page below a trashed one is not live', () => {
    addPage('aa');
    const child = addPage('bb', { parentId: 'aa' });
    expect(isPageLive(pages, child)).toBe(true);
    pages.setDeleted('aa', { at: 2, by: 'u1' });
    expect(isPageLive(pages, child)).toBe(false);
  });

  it('lists backlinks from live pages once, with their texts, across spaces', () => {
    const target = addPage('tt', { title: 'Target' });
    const a = addPage('aa', { title: 'Beta' });
    const b = addPage('bb', { title: 'Alpha', spaceId: 's2' });
    const trashed = addPage('cc', { title: 'Gone' });
    service.recordLinks(a.id, [link(target, 'one'), link(target, 'two'), link(target, 'one')]);
    service.recordLinks(b.id, [link(target, 'see')]);
    service.recordLinks(trashed.id, [link(target, 'old')]);
    service.recordLinks(target.id, [link(target, 'self')]);
    pages.setDeleted(trashed.id, { at: 2, by: 'u1' });
    const backlinks = service.backlinks(reader, target.id);
    expect(backlinks.map((entry) => [entry.page.id, entry.space.slug, entry.texts])).toEqual([
      ['bb', 'ops', ['see']],
      ['aa', 'eng', ['one', 'two']],
    ]);
    expect(() => service.backlinks(reader, 'nope')).toThrow(/not found/);
  });

  it('reports links to trashed and unknown pages in live pages of the space', () => {
    const source = addPage('aa', { title: 'Source' });
    const live = addPage('bb');
    const parent = addPage('cc');
    const below = addPage('dd', { parentId: parent.id });
    const gone = addPage('ee');
    service.recordLinks(source.id, [
      link(live, 'fine'),
      link(below, 'below trash'),
      link(gone, 'gone'),
      link('zzzz999999', 'never'),
    ]);
    pages.setDeleted(parent.id, { at: 2, by: 'u1' });
    pages.setDeleted(gone.id, { at: 2, by: 'u1' });
    const { brokenLinks } = service.brokenLinks(reader, 'eng');
    expect(brokenLinks.map((b) => [b.source.id, b.text, b.reason])).toEqual([
      ['aa', 'below trash', 'deleted'],
      ['aa', 'gone', 'deleted'],
      ['aa', 'never', 'missing'],
    ]);
    expect(service.brokenLinks(reader, 'ops').brokenLinks).toEqual([]);
    pages.setDeleted(source.id, { at: 3, by: 'u1' });
    expect(service.brokenLinks(reader, 's1').brokenLinks).toEqual([]);
  });

  it('drops a page’s links when the page row is deleted, and skips unknown sources', () => {
    const a = addPage('aa');
    service.recordLinks(a.id, [link('zzzz999999', 'x')]);
    service.recordLinks('nope', [link('zzzz999999', 'y')]);
    expect(links.listLinksTo('zzzz999999').map((l) => l.text)).toEqual(['x']);
    db.prepare('DELETE FROM pages WHERE id = ?').run(a.id);
    expect(links.listLinksTo('zzzz999999')).toEqual([]);
  });
});
