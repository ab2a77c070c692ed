// `npm run bench:api`: figures, not a pass/fail test.
//
// On PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) it makes a fresh
// database, migrates it, loads the demo data, serves the app on 127.0.0.1 and loads it with autocannon
// (in a separate process, so the load generator does not share the server's event loop):
//   - an authenticated GET /api/me
//   - an organisation-tree page: GET /api/orgs?parentId=<the city committee with most children>
// The database is dropped at the end. Then the cold start on PGlite: the built server started twice
// on one data directory, the second start timed until /api/health answers (restart_health_ms), and
// once more through the whole `npm start` (npm and the build check included).
//
// The last line printed is one JSON object with the figures.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase, type Database } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { freePort } from '../apps/server/src/test/ports.js';
import { adminQuery, log, SERVER_NODE_FLAGS, urlOf } from './common.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PASSWORD = 'youshe-demo';

// ---------------------------------------------------------------------------------------------
// Database

/** The demo seed when it loads anything; otherwise a tree of five cities built from the test factories. */
async function seed(database: Database, crypto: unknown): Promise<{ login: string; password: string }> {
  const demo = await import('../apps/server/src/demo/seed.js');
  await demo.seedDemo(database.db as never, crypto as never);
  const { rows } = await database.withConnection((q) => q("select count(*)::int as n from accounts where login = 'admin'"));
  if (rows[0].n > 0) {
    log('seeded the demo data');
    return { login: 'admin', password: (demo as { DEMO_PASSWORD?: string }).DEMO_PASSWORD ?? PASSWORD };
  }
  log('the demo seed loaded nothing; seeding a five-city tree from the test factories instead');
  const f = await import('../apps/server/src/test/factories.js');
  const db = database.db;
  const group = await f.makeOrg(db, 'group', null, '中国邮政集团');
  for (const city of ['固原', '无锡', '衡阳', '常州', '赤峰']) {
    const province = await f.makeOrg(db, 'province_committee', group, `${city}所在省委`);
    const committee = await f.makeOrg(db, 'city_committee', province, `${city}市分公司党委`);
    for (let i = 1; i <= 30; i++) await f.makeOrg(db, 'branch', committee, `${city}第${i}支部`);
  }
  const admin = await f.makeAccount(db, [{ role: 'platform_admin', orgId: null }], 'bench-admin');
  return { login: admin.login, password: f.TEST_PASSWORD };
}

// ---------------------------------------------------------------------------------------------
// Load

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function autocannon(url: string, cookie: string, durationS = DURATION_S): Promise<Figures> {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const args = [bin, '-j', '-c', String(CONNECTIONS), '-d', String(durationS), '-H', `cookie:${cookie}`, url];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out);
      resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Cold start of the built server on PGlite

/**
 * Starts the server and returns the ms from spawn until /api/health answered, then stops it:
 * `node apps/server/dist/server.js`, or with `viaNpm` the whole `npm start` (build check included).
 */
async function timedStart(dataDir: string, viaNpm = false): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const started = Date.now();
  // npm runs the server under a shell: start it in a process group of its own, to stop all of it.
  const child = viaNpm
    ? spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start', '--silent'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      })
    : spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(ROOT, 'apps/server/dist/server.js')], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
  const kill = (signal: NodeJS.Signals) => (viaNpm ? process.kill(-child.pid!, signal) : child.kill(signal));
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return Date.now() - started;
      } catch {
        /* not yet */
      }
      if (Date.now() - started > 300_000) throw new Error(`server not healthy after 300 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  }
}

// ---------------------------------------------------------------------------------------------

async function apiBench() {
  const name = `youshe_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  log(`database ${name}`);
  let database: Database | null = null;
  let app: Awaited<ReturnType<typeof buildApp>>['app'] | null = null;
  try {
    database = await openDatabase({ kind: 'postgres', url: urlOf(name), poolSize: 10 });
    await migrate(database);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: urlOf(name),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
    });
    const built = await buildApp({ config, database, webRoot: null, logger: false });
    app = built.app;
    const account = await seed(database, built.services.crypto);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(account),
    });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith('youshe_session='));
    if (!cookie) throw new Error('no session cookie');

    const cities = await fetch(`${base}/api/orgs?kind=city_committee&pageSize=200`, { headers: { cookie } });
    const cityItems = ((await cities.json()) as { items: { id: string; name: string; childCount: number }[] }).items;
    if (!cityItems.length) throw new Error('no city committee to page through');
    const city = cityItems.reduce((a, b) => (b.childCount > a.childCount ? b : a));
    const treeUrl = `${base}/api/orgs?parentId=${city.id}`;
    const page = await fetch(treeUrl, { headers: { cookie } });
    const pageBody = (await page.json()) as { items: unknown[] };
    log(`tree page: children of ${city.name} (${pageBody.items.length} rows on the page)`);

    log('warming up (2 s each)…');
    await autocannon(`${base}/api/me`, cookie, 2);
    await autocannon(treeUrl, cookie, 2);
    log(`GET /api/me for ${DURATION_S} s, ${CONNECTIONS} connections…`);
    const me = await autocannon(`${base}/api/me`, cookie);
    log(`  ${me.rps.toFixed(0)} req/s, p50 ${me.p50} ms, p99 ${me.p99} ms, errors ${me.errors}, non-2xx ${me.non2xx}`);
    log(`GET ${treeUrl.replace(base, '')} for ${DURATION_S} s…`);
    const tree = await autocannon(treeUrl, cookie);
    log(`  ${tree.rps.toFixed(0)} req/s, p50 ${tree.p50} ms, p99 ${tree.p99} ms, errors ${tree.errors}, non-2xx ${tree.non2xx}`);
    if (me.non2xx || tree.non2xx || me.errors || tree.errors) log('WARNING: some requests failed; the figures are not trustworthy');
    return { me, tree, treeRows: pageBody.items.length };
  } finally {
    await app?.close();
    await database?.close();
    await adminQuery(`drop database if exists ${name} with (force)`);
    log(`dropped ${name}`);
  }
}

async function coldStart() {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/ensure-built.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (built.status !== 0) throw new Error('build failed');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'youshe-bench-'));
  try {
    log('npm start cold start: first start on an empty data directory (migrations + demo data)…');
    const first = await timedStart(dataDir);
    log(`  healthy after ${first} ms`);
    log('second start on the same data directory…');
    const second = await timedStart(dataDir);
    log(`  healthy after ${second} ms`);
    log('`npm start` on the same data directory (npm, the build check, then the server)…');
    const npmStart = await timedStart(dataDir, true);
    log(`  healthy after ${npmStart} ms`);
    return { first, second, npmStart };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const api = await apiBench();
const start = await coldStart();
const round = (n: number) => Math.round(n * 10) / 10;
console.log(
  JSON.stringify({
    me_rps: round(api.me.rps),
    me_p50_ms: api.me.p50,
    me_p99_ms: api.me.p99,
    tree_rps: round(api.tree.rps),
    tree_p50_ms: api.tree.p50,
    tree_p99_ms: api.tree.p99,
    tree_page_rows: api.treeRows,
    connections: CONNECTIONS,
    duration_s: DURATION_S,
    first_start_health_ms: start.first,
    restart_health_ms: start.second,
    npm_start_restart_health_ms: start.npmStart,
  }),
);
