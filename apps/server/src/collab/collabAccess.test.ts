import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../Services';
import {
  type AccessWorld,
  type ActorName,
  actorNames,
  buildAccessWorld,
  deadCredentialActors,
  live,
  pageAccess,
  type ResourceName,
  resourceNames,
} from '../test/accessWorld';
import { bodyText, collabClient, eventually, typeInto } from '../test/collabClient';
import { startTestServer } from '../test/startTestServer';

/**
 * The collaboration door for every person and kind of page, with the stock y-websocket
 * provider: joining needs read access (else 4403; pages in or under the trash 4404; no
 * credentials 4401), writing needs edit access (else the connection is read-only: edits are
 * dropped and never stored).
 */
const t = await startTestServer();
const services: Services = t.server.runtime.services;
let world: AccessWorld;

beforeAll(async () => {
  world = await buildAccessWorld(t);
});
afterAll(async () => {
  await t.close();
});

type Outcome = 'write' | 'read' | `closed ${number}`;

function expected(actor: ActorName, resource: ResourceName): Outcome {
  if (actor === 'anonymous' || deadCredentialActors.includes(actor)) return 'closed 4401';
  if (!live[resource]) return 'closed 4404';
  const access = pageAccess[actor][resource];
  if (access === 'none') return 'closed 4403';
  return access === 'edit' || access === 'admin' ? 'write' : 'read';
}

const stored = async (pageId: string) =>
  (await services.pages.getPage(world.admin, pageId)).markdown;

describe('the collaboration door', () => {
  it('lets each person join and write exactly as the model says', async () => {
    const table: string[] = [`${''.padEnd(13)}${resourceNames.map((r) => r.padEnd(13)).join('')}`];
    const failures: string[] = [];
    let n = 0;
    for (const actor of actorNames) {
      const { token = null, cookie } = world.people.get(actor) ?? {};
      const row: string[] = [];
      for (const resource of resourceNames) {
        const pageId = world.fixtures.get(resource)?.pageId ?? '';
        const client = collabClient(
          t.url,
          pageId,
          cookie ? { cookie, origin: t.url } : token ? { token } : {},
        );
        let outcome: Outcome;
        try {
          const joined = await Promise.race([
            client.synced().then(() => true),
            client.closed().then(() => false),
          ]);
          if (!joined) {
            outcome = `closed ${client.closeCodes[0] ?? 0}`;
          } else {
            const mark = ` ws-mark-${++n}`;
            typeInto(client.doc, mark);
            const want = expected(actor, resource);
            if (want === 'write') {
              await eventually(async () => (await stored(pageId)).includes(mark), 'the edit');
            } else {
              await new Promise((resolve) => setTimeout(resolve, 300));
            }
            outcome = (await stored(pageId)).includes(mark) ? 'write' : 'read';
            // A reader keeps their local text; the server never took it.
            if (outcome === 'read') expect(bodyText(client.doc)).toContain(mark.trim());
          }
        } finally {
          client.destroy();
        }
        row.push(outcome);
        if (outcome !== expected(actor, resource)) {
          failures.push(
            `${actor} on ${resource}: ${outcome}, expected ${expected(actor, resource)}`,
          );
        }
      }
      table.push(`${actor.padEnd(13)}${row.map((cell) => cell.padEnd(13)).join('')}`);
    }
    console.log(`Collaboration door (join and write):\n${table.join('\n')}`);
    expect(failures).toEqual([]);
  }, 120_000);

  it('decides a join in well under a millisecond', () => {
    const editor = world.people.get('editor')?.user ?? null;
    const pageId = world.fixtures.get('restricted')?.pageId ?? '';
    const page = services.pageStore.findPageById(pageId);
    expect(page).not.toBeNull();
    const runs = 2_000;
    const started = performance.now();
    for (let run = 0; run < runs; run++) {
      services.access.pageAccess(editor, services.pageStore.findPageById(pageId) ?? pageId);
    }
    const each = (performance.now() - started) / runs;
    const engine = services.storage.engine;
    console.log(`A join's access check on ${engine}: ${(each * 1000).toFixed(1)} µs`);
    expect(services.access.pageAccess(editor, pageId)).toBe('edit');
    // In-process SQLite reads; on PostgreSQL each read is a network round trip (see docs/scaling.md).
    expect(each).toBeLessThan(engine === 'sqlite' ? 0.5 : 20);
  });
});
