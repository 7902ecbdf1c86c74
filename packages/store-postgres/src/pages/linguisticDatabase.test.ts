import { randomBytes } from 'node:crypto';
import {
  pageLinkStoreContract,
  pageStoreContract,
  spaceStoreContract,
  tagStoreContract,
} from '@lore/core/testing';
import { describe, it } from 'vitest';
import { migratePostgres } from '../migrate';
import { PostgresDatabase } from '../PostgresDatabase';
import { PostgresError } from '../PostgresError';
import { PostgresPageTagStore } from '../tags/PostgresPageTagStore';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresPageLinkStore } from './PostgresPageLinkStore';
import { PostgresPageStore } from './PostgresPageStore';
import { PostgresSpaceStore } from './PostgresSpaceStore';

// The test server is initialised with C.UTF-8, whose order is byte order anyway. Production
// servers are often initialised with a language's locale, where 'a' sorts before 'B' and 'é'
// before 'f'; the orders the stores promise must not change with it. These suites run the same
// contracts on a database whose default collation is ICU's en-US.

const available = postgresAvailable();
if (!available) reportPostgresMissing('Postgres stores on an en-US database');
const api = { describe: describe.runIf(available), it };

let server: { admin: PostgresDatabase; url: URL; template: string } | null = null;

/** A fresh migrated database with en-US as its default collation. */
function openEnglishDatabase(): PostgresDatabase {
  if (!server) {
    const { db: admin, url } = createTestDatabase();
    const template = `lore_en_template_${randomBytes(6).toString('hex')}`;
    admin.exec(
      `CREATE DATABASE ${template} LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'
       TEMPLATE template0`,
    );
    server = { admin, url: new URL(url), template };
    const db = connect(template);
    try {
      migratePostgres(db);
      const collation = db.one<{ provider: string; locale: string }>(
        `SELECT datlocprovider AS provider, daticulocale AS locale FROM pg_database
         WHERE datname = current_database()`,
      );
      if (collation?.provider !== 'i' || collation.locale !== 'en-US') {
        throw new Error(
          `The database did not get the en-US collation: ${JSON.stringify(collation)}`,
        );
      }
    } finally {
      void db.close();
    }
  }
  const name = `lore_en_${randomBytes(6).toString('hex')}`;
  server.admin.exec(`CREATE DATABASE ${name} TEMPLATE ${server.template}`);
  return connect(name);
}

function connect(database: string): PostgresDatabase {
  if (!server) throw new Error('No server yet.');
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  return new PostgresDatabase({ url: url.toString() });
}

const seedUser = (db: PostgresDatabase, id: string) =>
  db.run(
    `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
     VALUES ($1, $2, $1, '#123456', 'member', 'x', 0, 0)`,
    [id, `${id}@example.com`],
  );
const seedSpace = (db: PostgresDatabase, id: string) =>
  db.run('INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES ($1, $1, $1, 0, 0)', [
    id,
  ]);
const seedPage = (
  db: PostgresDatabase,
  page: { id: string; spaceId: string; title: string; trashed?: boolean },
) =>
  db.run(
    `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at, deleted_at)
     VALUES ($1, $2, $3, 'V', $4, 0, 0, $5)`,
    [page.id, `short-${page.id}`, page.spaceId, page.title, page.trashed ? 1 : null],
  );

pageStoreContract(api, 'PostgreSQL, en-US database', () => {
  const db = openEnglishDatabase();
  return {
    store: new PostgresPageStore(db),
    seed: {
      user: (id) => seedUser(db, id),
      space: (id) => seedSpace(db, id),
      removeUser: (id) => db.run('DELETE FROM users WHERE id = $1', [id]),
    },
    isUniqueViolation: (error) => PostgresError.isUniqueViolation(error),
    close: () => db.close(),
  };
});

spaceStoreContract(api, 'PostgreSQL, en-US database', () => {
  const db = openEnglishDatabase();
  return {
    store: new PostgresSpaceStore(db),
    seed: {
      user: (id) => seedUser(db, id),
      removeUser: (id) => db.run('DELETE FROM users WHERE id = $1', [id]),
    },
    isUniqueViolation: (error) => PostgresError.isUniqueViolation(error, 'spaces_pkey'),
    close: () => db.close(),
  };
});

pageLinkStoreContract(api, 'PostgreSQL, en-US database', () => {
  const db = openEnglishDatabase();
  return {
    store: new PostgresPageLinkStore(db),
    seed: {
      space: (id) => seedSpace(db, id),
      page: (page) => seedPage(db, page),
      removePage: (id) => db.run('DELETE FROM pages WHERE id = $1', [id]),
    },
    close: () => db.close(),
  };
});

tagStoreContract(api, 'PostgreSQL, en-US database', () => {
  const db = openEnglishDatabase();
  return {
    store: new PostgresPageTagStore(db),
    seed: {
      space: (id) => seedSpace(db, id),
      page: (page) => seedPage(db, page),
      removePage: (id) => db.run('DELETE FROM pages WHERE id = $1', [id]),
    },
    close: () => db.close(),
  };
});
