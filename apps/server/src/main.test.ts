import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoreProcess } from './test/spawnLoreServer';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('starts, answers /healthz, and on SIGTERM closes connections and the database cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lore-main-'));
    dirs.push(dataDir);
    const proc = startLoreProcess({
      LORE_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LORE_LOG_LEVEL: 'info',
    });
    let url = '';
    for (let i = 0; i < 300 && !url; i++) {
      await new Promise((r) => setTimeout(r, 100));
      url = /"url":"(http:[^"]+)"/.exec(proc.output())?.[1] ?? '';
    }
    expect(url, proc.output()).not.toBe('');
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });

    proc.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toContain('stopped cleanly');
    // A clean close checkpoints the WAL into the main file and removes it.
    expect(existsSync(join(dataDir, 'lore.db-wal'))).toBe(false);
    const db = new Database(join(dataDir, 'lore.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);

  it('exits with code 2 and names the bad variable when the configuration is invalid', async () => {
    const proc = startLoreProcess({ PORT: 'not-a-port' });
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toContain('PORT');
    expect(proc.output()).toContain('docs/configuration.md');
  }, 60_000);
});
