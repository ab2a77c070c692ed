// `npm run bench:dashboard`: figures, not a pass/fail test.
//
// On PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) it (re)creates the
// database youshe_bench_dashboard, migrates it and generates, with set-based SQL, one province: 13 cities,
// their counties and branches (5,000 organisations), 200,000 activities over the last twelve months,
// 5,000,000 attendances (sign-ups checked in) and 1,000,000 care visits (with 50,000 people cared for).
// BENCH_SCALE (default 1) scales the records, not the tree, for a loaded machine: the figures say which.
// Triggers are off while loading (session_replication_role = replica), as for a bulk import; then the
// rollups are built from scratch (rebuild_s). Through the real app (buildApp + inject, signed in as a
// platform admin) it then asks for the province's dashboard and random branches' (p95 of BENCH_REQUESTS
// each, after a warm-up), and times a city's annual report as Word (report_s).
// The last line printed is one JSON object with the figures. BENCH_KEEP=1 keeps the database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.js';
import { rebuildRollups } from '../apps/server/src/modules/reports/rollups.js';

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'youshe_bench_dashboard';
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ORGS = 5000;
const ACTIVITIES = Math.round(200_000 * SCALE);
const ATTENDANCE_PER_ACTIVITY = 25;
const VISITS = Math.round(1_000_000 * SCALE);
const RECIPIENTS = Math.max(100, Math.round(VISITS / 20));
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const PASSWORD = 'bench-dashboard-pass';

const log = (...args: unknown[]) => console.log('[bench]', ...args);
const urlOf = (name: string) => {
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! * 10) / 10;
};

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** The province, in set-based SQL: 13 cities, 30 counties each, the rest branches spread over the counties. */
const BRANCHES = ORGS - 1 - 13 - 13 * 30;

async function generate(c: pg.Client) {
  // Modulo a constant (not a column of the other side) lets the planner hash-join the spreads below.
  const kinds = Number((await c.query(`select count(*) as n from activity_kinds`)).rows[0].n);
  const timed = async (label: string, sql: string, params: unknown[] = []) => {
    const t0 = Date.now();
    const r = await c.query(sql, params);
    log(`${label}: ${r.rowCount ?? ''} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  // A bulk load: no triggers, no foreign-key checks; the rollups are built afterwards from scratch.
  await c.query(`set session_replication_role = replica`);
  await timed(
    'province',
    `insert into orgs (id, parent_id, path, depth, kind, side, name) values ('00000000-0000-7000-8000-000000000001', null, '/00000000-0000-7000-8000-000000000001/', 0, 'province_committee', 'postal', '江苏省邮政分公司党委')`,
  );
  await timed(
    'cities',
    `insert into orgs (id, parent_id, path, depth, kind, side, name)
     select x.id, p.id, p.path || x.id || '/', 1, 'city_committee', 'postal', '城市' || x.n || '邮政分公司党委'
     from orgs p, (select n, gen_random_uuid() as id from generate_series(1, 13) n) x where p.depth = 0`,
  );
  await timed(
    'counties',
    `insert into orgs (id, parent_id, path, depth, kind, side, name)
     select x.id, p.id, p.path || x.id || '/', 2, 'county_committee', 'postal', p.name || '·县' || x.n
     from orgs p cross join lateral (select n, gen_random_uuid() as id from generate_series(1, 30) n where p.depth = 1) x where p.depth = 1`,
  );
  await timed(
    'branches',
    `with counties as (select id, path, name, row_number() over (order by id) - 1 as i from orgs where depth = 2)
     insert into orgs (id, parent_id, path, depth, kind, side, name)
     select b.id, c.id, c.path || b.id || '/', 3, 'branch', 'postal', c.name || '·支部' || b.k
     from (select k, gen_random_uuid() as id from generate_series(1, $1::int) k) b join counties c on c.i = b.k % 390`,
    [BRANCHES],
  );
  await timed(
    'activities',
    `with branches as (select id, row_number() over (order by id) - 1 as i from orgs where depth = 3),
          kinds as (select id, row_number() over (order by id) - 1 as i from activity_kinds),
          a as (select k, now() - (random() * interval '360 days') as starts_at from generate_series(1, $1::int) k)
     insert into activities (id, org_id, kind_id, title, starts_at, ends_at, status, public_token, outcome, closed_at)
     select gen_random_uuid(), b.id, kd.id, '共建活动 ' || a.k, a.starts_at, a.starts_at + interval '2 hours',
            case when a.k % 10 = 0 then 'published' else 'closed' end, md5(a.k::text || random()::text),
            jsonb_build_object('people_served', 20 + a.k % 50), a.starts_at + interval '3 hours'
     from a join branches b on b.i = a.k % $2::int join kinds kd on kd.i = a.k % $3::int`,
    [ACTIVITIES, BRANCHES, kinds],
  );
  await timed('organisers', `insert into activity_organisers (activity_id, org_id) select id, org_id from activities`);
  await timed(
    'attendances',
    `insert into signups (id, activity_id, code, name, status, walkin, consent_at, checked_in_at, checkin_method)
     select gen_random_uuid(), a.id, md5(a.id::text || n::text), '居民' || n, 'confirmed', false, a.starts_at, a.starts_at + interval '5 minutes', 'self'
     from activities a cross join generate_series(1, ${ATTENDANCE_PER_ACTIVITY}) n`,
  );
  await timed(
    'care recipients',
    `with branches as (select id, row_number() over (order by id) - 1 as i from orgs where depth = 3)
     insert into care_recipients (id, org_id, name_masked, circumstances, frequency, interval_days, help_wanted, extra_items, missed_after)
     select gen_random_uuid(), b.id, '张*', '{living_alone}', 'weekly', 7, '{}', '{}', now() + interval '7 days'
     from generate_series(1, $1::int) k join branches b on b.i = k % $2::int`,
    [RECIPIENTS, BRANCHES],
  );
  await timed(
    'visits',
    `with r as (select id, org_id, row_number() over (order by id) - 1 as i from care_recipients)
     insert into care_visits (id, recipient_id, org_id, visited_at, minutes, presence, help_given, concern, confirmation)
     select gen_random_uuid(), r.id, r.org_id, now() - (random() * interval '360 days'), 30, 'home', '{}', 'none', 'signature'
     from generate_series(1, $1::int) k join r on r.i = k % $2::int`,
    [VISITS, RECIPIENTS],
  );
  await c.query(`set session_replication_role = origin`);
  await timed('analyze', 'analyze');
}

async function main() {
  // BENCH_REUSE=1 measures again on the database a BENCH_KEEP=1 run left (no new data, same figures).
  const reuse = process.env.BENCH_REUSE === '1';
  if (!reuse) {
    await admin(`drop database if exists ${NAME} with (force)`);
    await admin(`create database ${NAME}`);
  }
  log(`database ${NAME}, scale ${SCALE}: ${ACTIVITIES} activities, ${ACTIVITIES * ATTENDANCE_PER_ACTIVITY} attendances, ${VISITS} visits`);
  const database = await openDatabase({ kind: 'postgres', url: urlOf(NAME), poolSize: 10 });
  try {
    await migrate(database);
    const c = new pg.Client({ connectionString: urlOf(NAME) });
    await c.connect();
    const t0 = Date.now();
    try {
      if (!reuse) await generate(c);
    } finally {
      await c.end();
    }
    const generate_s = (Date.now() - t0) / 1000;

    const r0 = Date.now();
    const { rows } = await rebuildRollups(database.db);
    const rebuild_s = (Date.now() - r0) / 1000;
    log(`rollups rebuilt: ${rows} own figures in ${rebuild_s.toFixed(1)} s`);

    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: urlOf(NAME),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
    });
    const { app } = await buildApp({ config, database, webRoot: null, logger: false });
    const q = (sql: string, params?: unknown[]) => database.withConnection((run) => run(sql, params));
    await q(`delete from accounts where login = 'bench-admin'`);
    await q(`insert into accounts (id, login, password_hash) values (gen_random_uuid(), 'bench-admin', $1)`, [
      await hashPassword(PASSWORD),
    ]);
    await q(
      `insert into grants (id, account_id, role, org_id) select gen_random_uuid(), id, 'platform_admin', null from accounts where login = 'bench-admin'`,
    );
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'bench-admin', password: PASSWORD } });
    const cookie = (login.headers['set-cookie'] as string[] | string | undefined)?.toString().match(/youshe_session=[^;]+/)?.[0];
    if (!cookie) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);

    const province = (await q(`select id from orgs where depth = 0`)).rows[0].id as string;
    const city = (await q(`select id from orgs where depth = 1 order by name limit 1`)).rows[0].id as string;
    const branches = (await q(`select id from orgs where depth = 3 order by random() limit 500`)).rows.map((r) => r.id as string);
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const from = `${Number(month.slice(0, 4)) - 1}-${month.slice(5, 7)}`;

    const time = async (url: string) => {
      const s = process.hrtime.bigint();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return { ms: Number(process.hrtime.bigint() - s) / 1e6, body: res };
    };
    const check = (await time(`/api/dashboard?orgId=${province}&from=${from}&to=${month}`)).body.json();
    log(
      `province: ${check.totals.activities} activities held, ${check.totals.attendance} attendances, ${check.totals.visits ?? 0} visits, ${check.children.length} cities`,
    );
    for (let i = 0; i < 20; i++) await time(`/api/dashboard?orgId=${province}&from=${from}&to=${month}`);
    const provinceMs: number[] = [];
    for (let i = 0; i < REQUESTS; i++) provinceMs.push((await time(`/api/dashboard?orgId=${province}&from=${from}&to=${month}`)).ms);
    const branchMs: number[] = [];
    for (let i = 0; i < REQUESTS; i++)
      branchMs.push((await time(`/api/dashboard?orgId=${branches[i % branches.length]}&from=${from}&to=${month}`)).ms);

    const rep0 = Date.now();
    const report = await time(`/api/reports/download?orgId=${city}&period=year&date=${month}-01&format=docx`);
    const report_s = (Date.now() - rep0) / 1000;
    log(`city annual report: ${report.body.rawPayload.length} bytes`);
    await app.close();
    console.log(
      JSON.stringify({
        scale: SCALE,
        orgs: ORGS,
        activities: ACTIVITIES,
        attendances: ACTIVITIES * ATTENDANCE_PER_ACTIVITY,
        visits: VISITS,
        generate_s: Math.round(generate_s * 10) / 10,
        province_p95_ms: p95(provinceMs),
        branch_p95_ms: p95(branchMs),
        rebuild_s: Math.round(rebuild_s * 100) / 100,
        report_s: Math.round(report_s * 100) / 100,
      }),
    );
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP !== '1') await admin(`drop database if exists ${NAME} with (force)`);
  }
}

await main();
