import { afterEach, describe, expect, it } from 'vitest';
import { apiTokenFor } from '../test/apiTokenFor';
import { expectJson } from '../test/expectJson';
import { startServerOnDataDir } from '../test/startServerOnDataDir';
import type { JsonBody, TestServer } from '../test/startTestServer';
import { startTestServer } from '../test/startTestServer';

const admin = { email: 'ada@example.com', displayName: 'Ada', password: 'analytical-engine' };
const password = 'a long password';
const agent = 'AuditTest/1.0 (X11)';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(env: Record<string, string> = {}) {
  const t = await startTestServer(env);
  servers.push(t);
  const { user } = await expectJson(
    await t.request('/api/setup', {
      method: 'POST',
      json: admin,
      headers: { 'user-agent': agent },
    }),
    201,
  );
  const token = apiTokenFor(t.server.services.accounts, user, 'audit', 'admin').secret;
  const audit = async (query = ''): Promise<JsonBody> =>
    expectJson(
      await t.request(`/api/admin/audit${query}`, {
        anonymous: true,
        headers: { authorization: `Bearer ${token}` },
      }),
      200,
    );
  const addMember = async (email: string, displayName = email.split('@')[0] ?? email) => {
    const created = await expectJson(
      await t.request('/api/users', {
        method: 'POST',
        json: { email, displayName, password, role: 'member' },
      }),
      201,
    );
    return created.user.id as string;
  };
  return { t, admin: user, token, audit, addMember };
}

/** RFC 4180 as a spreadsheet reads it, to check the export from the outside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('the audit log over HTTP', () => {
  it('records sign-ins, failed sign-ins, role changes and exports with the address, trusting X-Forwarded-For only from trusted proxies', async () => {
    for (const [trust, expected] of [
      ['false', /^(::ffff:)?127\.0\.0\.1$/],
      ['127.0.0.1/8,::1', /^198\.51\.100\.7$/],
    ] as const) {
      const { t, audit, addMember, admin: ada } = await start({ LORE_TRUST_PROXY: trust });
      const from = { 'x-forwarded-for': '10.9.1.1, 198.51.100.7', 'user-agent': agent };
      const failed = await t.request('/api/auth/login', {
        method: 'POST',
        anonymous: true,
        headers: from,
        json: { email: 'ada@example.com', password: 'not the password' },
      });
      expect(failed.status).toBe(401);
      const grace = await addMember('grace@example.com', 'Grace');
      await expectJson(
        await t.request(`/api/users/${grace}`, {
          method: 'PATCH',
          headers: from,
          json: { role: 'admin' },
        }),
        200,
      );
      await expectJson(
        await t.request('/api/spaces', { method: 'POST', json: { name: 'Handbook' } }),
        201,
      );
      const exported = await t.request('/api/spaces/handbook/export?format=markdown', {
        headers: from,
      });
      expect(exported.status).toBe(200);
      await exported.arrayBuffer();

      const { records } = await audit();
      const find = (action: string) => records.find((record: JsonBody) => record.action === action);
      expect(find('user.sign_in_failed')).toMatchObject({
        actor: { id: null },
        target: { kind: 'user', id: ada.id, label: 'ada@example.com' },
        userAgent: agent,
        details: { reason: 'wrong_password' },
      });
      expect(find('user.sign_in_failed').address).toMatch(expected);
      expect(find('user.role_changed')).toMatchObject({
        actor: { id: ada.id, name: 'Ada', email: 'ada@example.com' },
        target: { kind: 'user', id: grace, label: 'Grace (grace@example.com)' },
        userAgent: agent,
        details: { role: 'admin', previousRole: 'member' },
      });
      expect(find('user.role_changed').address).toMatch(expected);
      expect(find('space.exported')).toMatchObject({
        actor: { id: ada.id },
        target: { kind: 'space', label: 'Handbook' },
        details: { format: 'markdown' },
      });
      expect(find('space.exported').address).toMatch(expected);
      // The first admin's own sign-in at setup, from the test's own address.
      const setupSignIn = records.find(
        (record: JsonBody) => record.action === 'user.signed_in' && record.details.via === 'setup',
      );
      expect(setupSignIn).toMatchObject({
        actor: { id: ada.id },
        details: { via: 'setup' },
        userAgent: agent,
      });
      // Whoever held the setup code created the first admin: that person.
      const setup = records.find(
        (record: JsonBody) => record.action === 'user.created' && record.details.via === 'setup',
      );
      expect(setup.actor).toEqual({ id: ada.id, name: 'Ada', email: 'ada@example.com' });
      expect(setupSignIn.address).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    }
  });

  it('keeps a change and its record together: neither commits without the other', async () => {
    const { t, audit, addMember } = await start();
    const grace = await addMember('grace@example.com');
    const db = t.server.services.db;
    const roleOf = () =>
      (db.prepare('SELECT role FROM users WHERE id = ?').get(grace) as { role: string }).role;
    const count = (table: string, column: string, value: string) =>
      (
        db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`).get(value) as {
          n: number;
        }
      ).n;

    // The record cannot be written: the change does not happen.
    db.exec(`CREATE TRIGGER refuse_record BEFORE INSERT ON audit_log WHEN NEW.action = 'user.role_changed'
      BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
    const refused = await t.request(`/api/users/${grace}`, {
      method: 'PATCH',
      json: { role: 'admin' },
    });
    expect(refused.status).toBe(500);
    expect(roleOf()).toBe('member');
    expect(count('domain_events', 'type', 'user.role_changed')).toBe(0);
    db.exec('DROP TRIGGER refuse_record');

    // The change fails after its role change was recorded: the record goes with it.
    db.exec(`CREATE TRIGGER refuse_disable BEFORE INSERT ON domain_events WHEN NEW.type = 'user.disabled'
      BEGIN SELECT RAISE(ABORT, 'disable refused'); END`);
    const failed = await t.request(`/api/users/${grace}`, {
      method: 'PATCH',
      json: { role: 'admin', disabled: true },
    });
    expect(failed.status).toBe(500);
    expect(roleOf()).toBe('member');
    expect(count('audit_log', 'action', 'user.role_changed')).toBe(0);
    db.exec('DROP TRIGGER refuse_disable');

    // And when it succeeds, both are there.
    await expectJson(
      await t.request(`/api/users/${grace}`, { method: 'PATCH', json: { role: 'admin' } }),
      200,
    );
    expect(roleOf()).toBe('admin');
    expect(count('audit_log', 'action', 'user.role_changed')).toBe(1);
    const [latest] = (await audit('?action=user.role_changed')).records;
    expect(latest.target.id).toBe(grace);
  });

  it('filters by actor, action, target, time and text, and pages with a cursor', async () => {
    const { t, audit, addMember, admin: ada } = await start();
    const people: string[] = [];
    for (let i = 0; i < 7; i++) people.push(await addMember(`p${i}@example.com`, `Person ${i}`));
    await expectJson(
      await t.request('/api/groups', { method: 'POST', json: { name: 'Finance' } }),
      201,
    );

    const everything = (await audit('?limit=200')).records;
    expect(everything.length).toBeGreaterThan(8);
    const ids = everything.map((record: JsonBody) => record.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    // Pages of three, newest first, without gaps or repeats.
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const page: JsonBody = await audit(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.records.length).toBeLessThanOrEqual(3);
      paged.push(...page.records.map((record: JsonBody) => record.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(ids);

    const created = (await audit('?action=user.created')).records;
    expect(created).toHaveLength(8);
    const accountActions = (await audit('?action=user.*')).records;
    expect(accountActions.every((record: JsonBody) => record.action.startsWith('user.'))).toBe(
      true,
    );
    const groupOrCreated = (await audit('?action=group.*,user.created')).records;
    expect(groupOrCreated.map((record: JsonBody) => record.action)).toContain('group.created');
    expect(groupOrCreated).toHaveLength(
      created.length + groupOrCreated.filter((r: JsonBody) => r.action.startsWith('group.')).length,
    );

    const byAda = (await audit(`?actor=${ada.id}&action=user.created`)).records;
    // Her own account at setup, and the seven she added.
    expect(byAda).toHaveLength(8);
    expect((await audit(`?actor=${people[0]}`)).records).toEqual([]);
    const aboutOne = (await audit(`?targetKind=user&targetId=${people[3]}`)).records;
    expect(aboutOne.map((record: JsonBody) => record.action)).toEqual(['user.created']);
    expect((await audit('?q=PERSON%205')).records.map((r: JsonBody) => r.target?.id)).toEqual([
      people[5],
    ]);
    expect((await audit('?q=finance')).records.map((r: JsonBody) => r.action)).toContain(
      'group.created',
    );

    const middle = everything[Math.floor(everything.length / 2)];
    const since = (await audit(`?since=${encodeURIComponent(middle.at)}`)).records;
    expect(since.every((record: JsonBody) => record.at >= middle.at)).toBe(true);
    expect((await audit('?until=2000-01-01')).records).toEqual([]);
    expect((await audit('?since=2000-01-01T00:00:00Z&limit=200')).records).toHaveLength(
      everything.length,
    );

    for (const bad of [
      '?since=yesterday',
      '?until=2026-13-45',
      '?since=2026-02-01&until=2026-01-01',
      '?limit=0',
      '?limit=1000',
      '?cursor=abc',
      '?action=DROP%20TABLE',
      '?actr=someone',
      `?q=${'x'.repeat(201)}`,
    ]) {
      const response = await t.request(`/api/admin/audit${bad}`);
      expect(response.status, bad).toBe(400);
      expect((await response.json()).error.code).toBeTruthy();
    }
  });

  it('exports CSV with a header row, escaping and defused formulas, and JSON', async () => {
    const { t, addMember } = await start();
    const evil = '=HYPERLINK("http://evil.example","click")';
    await addMember('evil@example.com', evil);
    await addMember('plain@example.com', 'Smith, "Jo"');
    await addMember('dash@example.com', '-2+3');
    await addMember('at@example.com', '@SUM(A1)');

    const response = await t.request('/api/admin/audit/export?format=csv&action=user.created');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?lore-audit-\d{4}-\d\d-\d\d\.csv"?$/,
    );
    const text = await response.text();
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'id',
      'time',
      'action',
      'actor_id',
      'actor_name',
      'actor_email',
      'target_kind',
      'target_id',
      'target_label',
      'space_id',
      'address',
      'user_agent',
      'details',
    ]);
    expect(rows).toHaveLength(6);
    const labels = rows.slice(1).map((row) => row[8]);
    expect(labels).toContain(`'${evil} (evil@example.com)`);
    expect(labels).toContain('Smith, "Jo" (plain@example.com)');
    expect(labels).toContain("'-2+3 (dash@example.com)");
    expect(labels).toContain("'@SUM(A1) (at@example.com)");
    // No cell a spreadsheet would run.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(JSON.parse(rows[1]?.[12] ?? '')).toMatchObject({ role: 'member', via: 'admin' });

    const json = await t.request('/api/admin/audit/export?format=json&action=user.*');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const records = JSON.parse(await json.text());
    expect(records.filter((record: JsonBody) => record.action === 'user.created')).toHaveLength(5);
    expect(records[0].id).toBeGreaterThan(records.at(-1).id);

    // Taking the log away is recorded too.
    const exports = await expectJson(
      await t.request('/api/admin/audit?action=audit.exported'),
      200,
    );
    expect(exports.records.map((record: JsonBody) => record.details.format)).toEqual([
      'json',
      'csv',
    ]);
    expect((await t.request('/api/admin/audit/export?format=xml')).status).toBe(400);
  });

  it('is for workspace admins with an admin-scope credential only', async () => {
    const { t, admin: ada } = await start();
    const accounts = t.server.services.accounts;
    const member = await accounts.createUser(null, {
      email: 'm@example.com',
      displayName: 'M',
      password,
    });
    const memberToken = apiTokenFor(accounts, member, 'm').secret;
    const adminWriteToken = apiTokenFor(accounts, ada, 'w', 'write').secret;
    for (const secret of [memberToken, adminWriteToken]) {
      for (const path of ['/api/admin/audit', '/api/admin/audit/export']) {
        const response = await t.request(path, {
          anonymous: true,
          headers: { authorization: `Bearer ${secret}` },
        });
        expect(response.status, path).toBe(403);
      }
    }
    expect((await t.request('/api/admin/audit', { anonymous: true })).status).toBe(401);
  });
});

describe('audit retention', () => {
  it('removes records past LORE_AUDIT_RETENTION_DAYS at start, and keeps everything with 0', async () => {
    const { t } = await start();
    const db = t.server.services.db;
    const day = 86_400_000;
    const insert = db.prepare(
      "INSERT INTO audit_log (at, action, details) VALUES (?, 'test.old', '{}')",
    );
    insert.run(Date.now() - 400 * day);
    insert.run(Date.now() - 40 * day);
    insert.run(Date.now() - 20 * day);
    const dataDir = t.dataDir;
    await t.server.close(1000);
    const olds = (server: { server: { services: { db: typeof db } } }) =>
      (
        server.server.services.db
          .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'test.old'")
          .get() as { n: number }
      ).n;

    const forever = await startServerOnDataDir(dataDir, { LORE_AUDIT_RETENTION_DAYS: '0' });
    expect(olds(forever)).toBe(3);
    await forever.close();
    const byDefault = await startServerOnDataDir(dataDir);
    expect(olds(byDefault)).toBe(2);
    await byDefault.close();
    const month = await startServerOnDataDir(dataDir, { LORE_AUDIT_RETENTION_DAYS: '30' });
    expect(olds(month)).toBe(1);
    // Newer records (the setup's) are untouched.
    expect(
      month.server.services.audit.query(null, { limit: 10, actions: ['user.created'] }).records,
    ).toHaveLength(1);
    await month.close();
  });
});
