import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { emptyPostgresDatabase, TEST_DB } from '../test/harness.js';
import { runCli } from './main.js';

/** Runs the CLI as an operator would, capturing what it prints. */
async function cli(args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { NODE_ENV: 'development', LOG_LEVEL: 'silent', ...env },
    { out: (l) => out.push(l), err: (l) => err.push(l) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const key = () => randomBytes(32).toString('base64');

/** An empty database of the engine under test, as the CLI's environment sees it. */
async function newTarget(dir: string, keys = { ENCRYPTION_KEY: key(), BLIND_INDEX_KEY: key() }) {
  const base = process.env.TEST_DATABASE_URL;
  if (TEST_DB === 'postgres' && base) {
    const target = await emptyPostgresDatabase('youshe_cli');
    return { env: { ...keys, DATABASE_URL: target.url, DATA_DIR: dir }, drop: target.drop };
  }
  return { env: { ...keys, DATA_DIR: mkdtempSync(path.join(dir, 'data-')) }, drop: async () => undefined };
}

async function count(env: NodeJS.ProcessEnv, sql: string) {
  const database = await openDatabase(loadConfig(env).database);
  try {
    return await database.withConnection(async (q) => (await q(sql)).rows[0]);
  } finally {
    await database.close();
  }
}

// Each command opens the database anew, as the real CLI does: on the embedded database that takes a moment.
describe('youshe CLI', { timeout: 120_000 }, () => {
  let dir: string;
  const drops: (() => Promise<void>)[] = [];
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'youshe-cli-'));
  });
  afterAll(async () => {
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains its usage and rejects wrong usage with exit code 2', async () => {
    const help = await cli(['help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toContain('create-admin --login');
    expect((await cli([], {})).code).toBe(2);
    const unknown = await cli(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "frobnicate"');
    const missing = await cli(['create-admin'], { DATA_DIR: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('needs --login');
    expect((await cli(['backup', '--out', 'x', '--bogus'], { DATA_DIR: dir })).code).toBe(2);
    const prod = await cli(['seed-demo'], { NODE_ENV: 'production', ENCRYPTION_KEY: key(), BLIND_INDEX_KEY: key(), DATA_DIR: dir });
    expect(prod.code).toBe(1);
    expect(prod.err).toContain('NODE_ENV=production');
  });

  it('does not open an embedded database another process holds', async () => {
    const dataDir = mkdtempSync(path.join(dir, 'locked-'));
    const env = { DATA_DIR: dataDir, ENCRYPTION_KEY: key(), BLIND_INDEX_KEY: key() };
    writeFileSync(path.join(dataDir, 'youshe.lock'), JSON.stringify({ pid: process.ppid, holder: 'the server' }));
    const refused = await cli(['migrate'], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`in use by the server (process ${process.ppid})`);
    // A lock left by a process that has ended is taken over, and released afterwards.
    writeFileSync(path.join(dataDir, 'youshe.lock'), JSON.stringify({ pid: 999_999_999, holder: 'a crashed server' }));
    const ok = await cli(['migrate'], env);
    expect(ok.code, ok.err).toBe(0);
    expect(existsSync(path.join(dataDir, 'youshe.lock'))).toBe(false);
  });

  it('creates an administrator with a generated password shown once, and refuses the same login again', async () => {
    const target = await newTarget(dir);
    drops.push(target.drop);
    const first = await cli(['create-admin', '--login', 'Ops.Admin'], target.env);
    expect(first.code, first.err).toBe(0);
    const password = first.out.match(/^\s{2}(\S{20,})$/m)?.[1];
    expect(password).toBeTruthy();
    const again = await cli(['create-admin', '--login', 'ops.admin', '--password', 'another-long-password'], target.env);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');
    const withEnv = await cli(['create-admin', '--login', 'second'], { ...target.env, YOUSHE_ADMIN_PASSWORD: 'from-the-environment' });
    expect(withEnv.code).toBe(0);
    expect(withEnv.out).not.toContain('from-the-environment');
    const rows = await count(target.env, `select string_agg(login || ':' || must_change_password, ',' order by login) as v from accounts`);
    expect(rows.v).toBe('ops.admin:1,second:0');
    // The demo is never mixed into a database of one's own.
    const seed = await cli(['seed-demo'], target.env);
    expect(seed.code).toBe(1);
    expect(seed.err).toContain('empty database');
  });

  it('seeds the demo, backs it up and restores it elsewhere with the same keys only', async () => {
    const keys = { ENCRYPTION_KEY: key(), BLIND_INDEX_KEY: key() };
    const source = await newTarget(dir, keys);
    drops.push(source.drop);
    const seeded = await cli(['seed-demo'], source.env);
    expect(seeded.code, seeded.err).toBe(0);
    expect(seeded.out).toContain('cz-officer');
    expect((await cli(['seed-demo'], source.env)).out).toContain('already loaded');

    const file = path.join(dir, 'cli-backup.gz');
    const backup = await cli(['backup', '--out', file], source.env);
    expect(backup.code, backup.err).toBe(0);
    const overwrite = await cli(['backup', '--out', file], source.env);
    expect(overwrite.code).toBe(1);
    expect(overwrite.err).toContain('already exists');

    const otherKeys = await newTarget(dir);
    drops.push(otherKeys.drop);
    const refused = await cli(['restore', '--in', file], otherKeys.env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('other encryption keys');

    const target = await newTarget(dir, keys);
    drops.push(target.drop);
    const restored = await cli(['restore', '--in', file], target.env);
    expect(restored.code, restored.err).toBe(0);
    const q = `select (select count(*) from persons)::int as p, (select count(*) from orgs)::int as o, (select count(*) from audit_log)::int as a`;
    expect(await count(target.env, q)).toEqual(await count(source.env, q));
  });
});
