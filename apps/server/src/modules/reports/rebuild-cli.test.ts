import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { emptyPostgresDatabase, TEST_DB } from '../../test/harness.js';

const dir = mkdtempSync(path.join(tmpdir(), 'youshe-rebuild-'));
const key = () => randomBytes(32).toString('base64');
let drop = async () => undefined as void;
afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

/** An empty database of the engine under test, as the CLI's environment sees it. */
async function target(): Promise<NodeJS.ProcessEnv> {
  const env = { NODE_ENV: 'development', LOG_LEVEL: 'silent', ENCRYPTION_KEY: key(), BLIND_INDEX_KEY: key(), DATA_DIR: dir };
  const base = process.env.TEST_DATABASE_URL;
  if (TEST_DB !== 'postgres' || !base) return env;
  const target = await emptyPostgresDatabase('youshe_rebuild');
  drop = target.drop;
  return { ...env, DATABASE_URL: target.url };
}

it('`youshe rebuild-rollups` recomputes the figures from the records', { timeout: 120_000 }, async () => {
  const env = await target();
  const out: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
  expect(await runCli(['migrate'], env, io)).toBe(0);
  // Records written in bulk with the rollups left behind (as an import or a restore might leave them).
  const database = await openDatabase(loadConfig(env).database);
  const figures = async () =>
    (await database.withConnection((q) => q(`select metric, value::int as value from rollup_tree_month order by metric`))).rows;
  try {
    await database.withConnection(async (q) => {
      await q(
        `insert into orgs (id, path, depth, kind, side, name) values ('01900000-0000-7000-8000-000000000001', '/01900000-0000-7000-8000-000000000001/', 0, 'branch', 'postal', '支部')`,
      );
      await q(`insert into activities (id, org_id, kind_id, title, starts_at, ends_at, status, public_token, attendance_by_hand)
        values (gen_random_uuid(), '01900000-0000-7000-8000-000000000001', 'donation', '捐书', now(), now(), 'closed', 'tok-rebuild-cli', 42)`);
      await q(`delete from rollup_dirty`);
    });
    expect(await figures()).toEqual([]);
  } finally {
    await database.close();
  }
  expect(await runCli(['rebuild-rollups'], env, io)).toBe(0);
  expect(out.join('\n')).toMatch(/Rebuilt the dashboard rollups .*: 4 figures/);
  const after = await openDatabase(loadConfig(env).database);
  try {
    const rows = (await after.withConnection((q) => q(`select metric, value::int as value from rollup_tree_month order by metric`))).rows;
    expect(rows).toEqual([
      { metric: 'activities', value: 1 },
      { metric: 'activities:donation', value: 1 },
      { metric: 'attendance', value: 42 },
      { metric: 'attendance:donation', value: 42 },
    ]);
  } finally {
    await after.close();
  }
});
