// `npm run bench:visits`: figures, not a pass/fail test.
//
// On PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) it makes a fresh database,
// migrates it and writes 500 carriers (people with accounts and live sessions), each paired with 20 recipients
// who have a family contact, plus 90,000 more recipients elsewhere: 100,000 in all. Then all 500 phones sync
// their queue of 20 visits at once, one POST /api/care/visits/batch each, through Youshe itself (buildApp, the
// whole plugin stack); a fifth of the phones send the same queue a second time at the same moment (an answer
// lost on the way). Afterwards the database is checked:
//   duplicates: visits stored more than once (rows beyond the 10,000 made, or counters above them);
//   missing:    visits a phone was told were stored but that are not there.
// Last, a tenth of the 100,000 recipients are made overdue and the missed-visit scan is timed (missed_scan_s).
// The database is dropped at the end. The last line printed is one JSON object with the figures.
import { randomBytes } from 'node:crypto';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { sha256 } from '../apps/server/src/platform/crypto.js';
import { uuidv7 } from '../apps/server/src/platform/ids.js';
import { maskAddressOf } from '../apps/server/src/platform/notify.js';
import { adminQuery, log, POOL_SIZE, urlOf } from './common.js';

const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 500);
const VISITS_EACH = Number(process.env.BENCH_VISITS_EACH ?? 20);
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 100_000);
const RESEND_SHARE = 0.2;
async function main() {
  const name = `youshe_bench_visits_${Date.now()}`;
  await adminQuery(`create database ${name}`);
  const url = urlOf(name);
  const database = await openDatabase({ kind: 'postgres', url, poolSize: POOL_SIZE });
  try {
    await migrate(database);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: url,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
    });
    const { app, services } = await buildApp({ config, database, webRoot: null, logger: false });
    const crypto = services.crypto;

    log('writing', VOLUNTEERS, 'carriers and', RECIPIENTS, 'recipients…');
    const started = Date.now();
    const ids = await database.withConnection(async (q) => {
      const root = uuidv7();
      const branch = uuidv7();
      const grid = uuidv7();
      const other = uuidv7();
      await q(
        `insert into orgs (id, parent_id, path, depth, kind, side, name) values
          ($1, null, $5, 0, 'city_committee', 'postal', '常州市邮政分公司党委'),
          ($2, $1, $6, 1, 'branch', 'postal', '北港支局党支部'),
          ($3, null, $7, 0, 'grid', 'community', '第一网格'),
          ($4, null, $8, 0, 'grid', 'community', '第二网格')`,
        [root, branch, grid, other, `/${root}/`, `/${root}/${branch}/`, `/${grid}/`, `/${other}/`],
      );
      const people = Array.from({ length: VOLUNTEERS }, () => ({
        person: uuidv7(),
        account: uuidv7(),
        token: randomBytes(32).toString('base64url'),
      }));
      await q(`insert into persons (id, org_id, name, kinds) select unnest($1::uuid[]), $2, '志愿者', array['volunteer']`, [
        people.map((p) => p.person),
        branch,
      ]);
      await q(
        `insert into accounts (id, login, password_hash, person_id)
         select a, 'v-' || a, 'x', p from unnest($1::uuid[], $2::uuid[]) as t(a, p)`,
        [people.map((p) => p.account), people.map((p) => p.person)],
      );
      await q(`insert into grants (id, account_id, role, org_id) select gen_random_uuid(), a, 'volunteer', $2 from unnest($1::uuid[]) a`, [
        people.map((p) => p.account),
        branch,
      ]);
      await q(
        `insert into sessions (token_hash, account_id, expires_at) select h, a, now() + interval '1 day' from unnest($1::text[], $2::uuid[]) as t(h, a)`,
        [people.map((p) => sha256(p.token)), people.map((p) => p.account)],
      );
      // The paired recipients: 20 per carrier, each with one family contact who gets the report.
      const paired = people.flatMap((p) => Array.from({ length: VISITS_EACH }, () => ({ id: uuidv7(), main: p.person })));
      const nameEnc = crypto.encrypt('王秀兰');
      await q(
        `insert into care_recipients (id, org_id, name_enc, name_masked, circumstances, frequency, interval_days, help_wanted, extra_items,
           main_volunteer_id, missed_after)
         select r, $3, $4, '王**', array['living_alone'], 'weekly', 7, '{}', '{}', m, now() + interval '9 days'
         from unnest($1::uuid[], $2::uuid[]) as t(r, m)`,
        [paired.map((r) => r.id), paired.map((r) => r.main), grid, nameEnc],
      );
      const to = 'family@example.com';
      const addressEnc = crypto.encrypt(to);
      const tokenEnc = crypto.encrypt(randomBytes(32).toString('base64url'));
      await q(
        `insert into care_contacts (id, recipient_id, kind, position, name, relation, channel, address_enc, address_masked, token_enc, token_hash)
         select gen_random_uuid(), r, 'family', 1, '王小明', '儿子', 'email', $2, $3, $4, md5(r::text) from unnest($1::uuid[]) r`,
        [paired.map((r) => r.id), addressEnc, maskAddressOf('email', to), tokenEnc],
      );
      await q(
        `insert into care_recipients (id, org_id, name_enc, name_masked, circumstances, frequency, interval_days, help_wanted, extra_items, missed_after)
         select gen_random_uuid(), $1, $2, '张**', array['frail'], 'weekly', 7, '{}', '{}', now() + interval '9 days'
         from generate_series(1, $3)`,
        [other, nameEnc, Math.max(0, RECIPIENTS - paired.length)],
      );
      await q('analyze');
      return { people, paired };
    });
    log('data written in', ((Date.now() - started) / 1000).toFixed(1), 's');

    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;

    // Each phone's queue: its 20 recipients, one visit each, made on the phone.
    const queues = ids.people.map((p, i) => ({
      cookie: `youshe_session=${p.token}`,
      visits: ids.paired.slice(i * VISITS_EACH, (i + 1) * VISITS_EACH).map((r) => ({
        id: uuidv7(),
        recipientId: r.id,
        visitedAt: new Date(Date.now() - 3600_000).toISOString(),
        minutes: 30,
        presence: 'visited',
        answers: { health: 'ok', meals: 'ok', sleep: 'ok', exercise: 'ok', going_out: 'ok', daily_life: 'ok', worries: 'ok' },
        helpGiven: ['cleaning'],
        concern: 'none',
        confirmation: 'verbal',
      })),
    }));
    const resenders = new Set(queues.slice(0, Math.round(queues.length * RESEND_SHARE)).map((q) => q.cookie));
    const latencies: number[] = [];
    const told = new Set<string>();
    let failures = 0;
    const send = async (q: (typeof queues)[number]) => {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/care/visits/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: q.cookie },
        body: JSON.stringify({ visits: q.visits }),
      });
      const body = (await res.json()) as { results?: { id: string; status: string }[] };
      latencies.push(performance.now() - t0);
      if (res.status !== 200 || !body.results) {
        failures++;
        return;
      }
      for (const r of body.results) if (r.status === 'created' || r.status === 'duplicate') told.add(r.id);
    };
    log(`${queues.length} phones syncing ${VISITS_EACH} visits each, ${resenders.size} of them twice at once…`);
    const t0 = performance.now();
    await Promise.all(queues.flatMap((q) => (resenders.has(q.cookie) ? [send(q), send(q)] : [send(q)])));
    const seconds = (performance.now() - t0) / 1000;
    const made = queues.length * VISITS_EACH;

    const [counts] = (
      await database.withConnection((q) =>
        q(`select (select count(*)::int from care_visits) as rows,
                  (select coalesce(sum(visit_count), 0)::int from care_recipients) as counted,
                  (select count(*)::int from outbox_messages where kind = 'care.visit_report') as reports`),
      )
    ).rows as { rows: number; counted: number; reports: number }[];
    const stored = new Set((await database.withConnection((q) => q('select id from care_visits'))).rows.map((r: { id: string }) => r.id));
    const missing = [...told].filter((id) => !stored.has(id)).length + (made - told.size);
    const duplicates = Math.max(0, counts!.rows - made) + Math.max(0, counts!.counted - made) + Math.max(0, counts!.reports - made);
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]!;
    log(`${made} visits in ${seconds.toFixed(2)} s; ${failures} failed requests; stored ${counts!.rows}, reports ${counts!.reports}`);

    // A tenth of everyone overdue: the scan must find them among 100,000 in one statement.
    await database.withConnection((q) =>
      q(
        `update care_recipients set missed_after = now() - interval '1 hour' where id in (select id from care_recipients where random() < 0.1)`,
      ),
    );
    await database.withConnection((q) => q('analyze care_recipients'));
    const s0 = performance.now();
    const missed = await services.careAlerts.scanMissed('all');
    const missedScan = (performance.now() - s0) / 1000;
    log(`missed-visit scan: ${missed} alerts among ${RECIPIENTS} recipients in ${missedScan.toFixed(2)} s`);

    await app.close();
    console.log(
      JSON.stringify({
        visits: made,
        visits_per_s: Math.round(made / seconds),
        p99_ms: Math.round(p99),
        duplicates,
        missing,
        failed_requests: failures,
        recipients: RECIPIENTS,
        missed_found: missed,
        missed_scan_s: Number(missedScan.toFixed(3)),
      }),
    );
  } finally {
    await database.close();
    await adminQuery(`drop database if exists ${name} with (force)`);
  }
}

await main();
