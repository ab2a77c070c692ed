// `npm run bench:bookings`: figures, not a pass/fail test.
//
// On PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) it makes a fresh
// database, migrates it and writes, straight in SQL, one published campaign with 200 slots of 100 places
// at 20 outlets. Then 20,000 residents book at once (POST /api/public/booking-campaigns/:token/bookings
// with their admission notice number, name, phone and an Idempotency-Key), a fifth of them sending their
// submission a second time (a retry after a dropped answer), all in random order, followed by 2,000 more
// who find everything full. Each request comes from its resident's address (X-Forwarded-For, the server
// trusting its proxy), 500 keep-alive phones at a time (load.ts, a process of its own).
//
// The same requests go, after a warm-up on another campaign, to two servers taking turns (BENCH_ROUNDS
// rounds, 2 by default; each server's best round is its figure, as the machine is shared):
//   - a bare server: Fastify, a pg pool and one conditional UPDATE of the slot per request — the yardstick;
//   - Youshe itself, started as `npm start` starts it (WORKERS processes, one unless BENCH_WORKERS
//     says): validation, encryption, blind index, audit;
//   - and, for the ceiling, two servers that do nothing but parse the submission and answer with a booking
//     as Youshe does: an empty Fastify route and Node's bare http module (common.ts, emptyServer). No server
//     here can answer faster, so their rate over the bare server's is the most any ratio can be.
// After each Youshe round the database is checked: accepted (live bookings), overbooked (places beyond a
// slot's capacity, or a slot count that disagrees with its bookings), duplicates (a person with two live
// bookings, or a retry answered with a code other than the first's). Then Youshe takes the same load at
// a steady rate — the bare server's best — for the latency a phone sees when bookings do not queue behind
// each other. The database is dropped at the end. The last line printed is one JSON object.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { openDatabase, type Database } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import {
  adminQuery,
  describeCpu,
  ceilingFigures,
  EMPTY_SERVERS,
  emptyServer,
  log,
  POOL_SIZE,
  runLoad,
  shuffle,
  urlOf,
  WORKERS,
  youshe,
  type LoadFigures,
  type Query,
  type Server,
} from './common.js';

const SLOTS = Number(process.env.BENCH_SLOTS ?? 200);
const PLACES_PER_SLOT = Number(process.env.BENCH_PLACES_PER_SLOT ?? 100);
const RESIDENTS = SLOTS * PLACES_PER_SLOT;
const LATECOMERS = Number(process.env.BENCH_LATECOMERS ?? 2000);
const RETRY_SHARE = 0.2;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const OUTLETS = 20;
const ROUTE = '/api/public/booking-campaigns/:token/bookings';
/** A booking as Youshe answers one, for the empty servers to send back. */
const SAMPLE_ANSWER = {
  code: 'Kf3x9QmT2bLw8RzY5nPc',
  status: 'confirmed',
  campaignTitle: '高考新生行李免费寄递（20 公斤）',
  campaignToken: 'bench0123456789abcdef',
  slot: {
    id: '0193b2a4-5c6d-7e8f-9a0b-1c2d3e4f5a6b',
    placeName: '衡阳市蒸湘区邮政支局',
    address: null,
    startsAt: '2026-07-20T01:00:00.000Z',
    endsAt: '2026-07-20T03:00:00.000Z',
  },
  values: { notice_no: '43******21', name: '张*', phone: '138****5678' },
  labels: { notice_no: '录取通知书编号', name: '姓名', phone: '手机号' },
  waitlistPosition: null,
  offerExpiresAt: null,
  fulfilledAt: null,
  createdAt: '2026-07-01T02:03:04.000Z',
};

const FIELDS = [
  { key: 'notice_no', label: '录取通知书编号', kind: 'text', required: true, pattern: '\\d{10}', hint: '10 位数字' },
  { key: 'name', label: '姓名', kind: 'name', required: true },
  { key: 'phone', label: '手机号', kind: 'phone', required: true },
];

/** A published campaign with `slots` slots of `places` places; returns its token and slot ids. */
async function seedCampaign(q: Query, orgId: string, prefix: string, slots: number, places: number) {
  const token = `${prefix}${randomBytes(8).toString('hex')}`;
  const { rows: placeRows } = await q(
    `insert into places (id, org_id, kind, name) select gen_random_uuid(), $1, 'outlet', $2 || '营业所' || n from generate_series(1, $3) n returning id`,
    [orgId, prefix, OUTLETS],
  );
  const { rows } = await q(
    `insert into booking_campaigns (id, org_id, title, opens_at, closes_at, fields, identity_field, status, public_token)
     values (gen_random_uuid(), $1, '高考新生行李免费寄递 (20 kg)', now() - interval '1 day', now() + interval '30 days', $2, 'notice_no', 'published', $3)
     returning id`,
    [orgId, JSON.stringify(FIELDS), token],
  );
  const ids = placeRows.map((r) => r.id as string);
  const { rows: slotRows } = await q(
    `insert into booking_slots (id, campaign_id, place_id, starts_at, ends_at, capacity)
     select gen_random_uuid(), $1, ($2::uuid[])[1 + (n % $3)], now() + (n || ' hours')::interval, now() + ((n + 1) || ' hours')::interval, $4
     from generate_series(1, $5) n returning id`,
    [rows[0].id, ids, ids.length, places, slots],
  );
  return { token, slotIds: slotRows.map((r) => r.id as string) };
}

interface Req {
  p: string;
  b: string;
  ip: string;
  k: string;
  /** The resident (not sent). */
  who: number;
}

/** Every resident once, a share of them twice, shuffled; then the latecomers. Resident i wants slot i mod slots. */
function requestsOf(token: string, slotIds: string[], residents: number, latecomers: number, ipBase: number): Req[] {
  const one = (who: number, slotId: string): Req => {
    const n = ipBase + who;
    const body = {
      slotId,
      values: { notice_no: String(4300000000 + n), name: `新生${n}`, phone: `139${String(n).padStart(8, '0')}` },
      consent: true,
    };
    return {
      p: `/api/public/booking-campaigns/${token}/bookings`,
      b: JSON.stringify(body),
      ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      k: `bench-${n}-${token.slice(-6)}`,
      who,
    };
  };
  const first = Array.from({ length: residents }, (_, i) => one(i, slotIds[i % slotIds.length]!));
  const retries = shuffle([...first]).slice(0, Math.round(residents * RETRY_SHARE));
  const late = Array.from({ length: latecomers }, (_, i) => one(residents + i, slotIds[i % slotIds.length]!));
  return [...shuffle([...first, ...retries]), ...late];
}

/** The requests, in order, to the phones; each 200 answer's booking code comes back. */
const load = (server: Server, reqs: Req[], dir: string, rate = 0) =>
  runLoad(
    server.base,
    reqs.map(({ p, b, ip, k }) => ({ p, b, ip, k })),
    { dir, connections: CONNECTIONS, rate, capture: '"code":"([^"]+)"', serverPid: server.pid },
  );
type Load = LoadFigures;

function describe(label: string, r: Load) {
  const perS = r.total / r.durationS;
  const statuses = new Map<number, number>();
  for (const s of r.statuses) statuses.set(s, (statuses.get(s) ?? 0) + 1);
  log(
    `  ${label}: ${r.total} answers in ${r.durationS.toFixed(2)} s = ${perS.toFixed(0)}/s; p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms; ` +
      `errors ${r.errors}; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  log(`    ${describeCpu(r, r.cpuS / r.durationS)}`);
  return perS;
}

/** The yardstick: Fastify, a pg pool, one conditional UPDATE per booking, nothing else. */
async function bareServer(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  const app = Fastify({ logger: false });
  app.post<{ Body: { slotId: string } }>(ROUTE, async (req, reply) => {
    const r = await pool.query('update booking_slots set booked = booked + 1 where id = $1 and booked < capacity', [req.body.slotId]);
    if (r.rowCount === 1) return { code: 'ok' };
    return reply.status(409).send({ code: 'capacity_full' });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return { base: `http://127.0.0.1:${port}`, close: async () => (await app.close(), await pool.end()) };
}

async function bookingsBench() {
  const name = `youshe_bench_bookings_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  log(`database ${name}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'youshe-bench-bookings-'));
  let database: Database | null = null;
  try {
    database = await openDatabase({ kind: 'postgres', url: urlOf(name), poolSize: 2 });
    await migrate(database);
    const q: Query = (sql, params) => database!.withConnection((query) => query(sql, params));
    const f = await import('../apps/server/src/test/factories.js');
    const group = await f.makeOrg(database.db, 'group', null, '中国邮政集团');
    const org = await f.makeOrg(database.db, 'city_committee', group, '衡阳市邮政分公司党委');
    const main = await seedCampaign(q, org.id, 'bench', SLOTS, PLACES_PER_SLOT);
    const warm = await seedCampaign(q, org.id, 'warm', 20, 100);
    const reqs = requestsOf(main.token, main.slotIds, RESIDENTS, LATECOMERS, 0);
    const warmReqs = requestsOf(warm.token, warm.slotIds, 2000, 200, 1 << 20);
    log(
      `${SLOTS} slots of ${PLACES_PER_SLOT} places; ${reqs.length} submissions (${RESIDENTS} residents, ${reqs.length - RESIDENTS - LATECOMERS} retries, ${LATECOMERS} latecomers), ${CONNECTIONS} phones at once`,
    );

    const reset = async () => {
      await q('delete from bookings');
      await q('update booking_slots set booked = 0');
      await q('vacuum analyze bookings, booking_slots');
    };
    const run = async (label: string, start: (url: string) => Promise<Server>, rate = 0, fresh = true) => {
      if (fresh) await reset();
      const server = await start(urlOf(name));
      try {
        log(`${label}: warming up…`);
        await load(server, warmReqs, dir);
        log(`${label}: ${reqs.length} submissions…`);
        return await load(server, reqs, dir, rate);
      } finally {
        await server.close();
      }
    };

    const verify = async (r: Load) => {
      const { rows } = await q(
        `select
           (select count(*)::int from bookings b join booking_slots s on s.id = b.slot_id join booking_campaigns c on c.id = s.campaign_id
             where c.public_token = $1 and b.status in ('confirmed', 'offered', 'fulfilled')) as accepted,
           (select coalesce(sum(greatest(n - capacity, 0) + abs(n - booked)), 0)::int from (
              select s.capacity, s.booked, (select count(*) from bookings b where b.slot_id = s.id and b.status in ('confirmed', 'offered', 'fulfilled')) as n
              from booking_slots s join booking_campaigns c on c.id = s.campaign_id where c.public_token = $1) x) as overbooked,
           (select count(*)::int from (select identity_bidx from bookings where status <> 'cancelled' group by campaign_id, identity_bidx having count(*) > 1) d) as db_duplicates`,
        [main.token],
      );
      // A retry must be answered with its first answer's code.
      const firstCode = new Map<number, string>();
      let answerDuplicates = 0;
      reqs.forEach((req, i) => {
        if (r.statuses[i] !== 200) return;
        const seen = firstCode.get(req.who);
        if (seen === undefined) firstCode.set(req.who, r.captured[i]!);
        else if (seen !== r.captured[i]) answerDuplicates++;
      });
      const latecomersAccepted = reqs.filter((req, i) => req.who >= RESIDENTS && r.statuses[i] === 200).length;
      const row = rows[0] as { accepted: number; overbooked: number; db_duplicates: number };
      log(
        `    checked: accepted ${row.accepted}, overbooked ${row.overbooked}, duplicates ${row.db_duplicates} in the database + ${answerDuplicates} in answers; latecomers accepted ${latecomersAccepted}`,
      );
      return { accepted: row.accepted, overbooked: row.overbooked, duplicates: row.db_duplicates + answerDuplicates };
    };

    const bares: { perS: number; r: Load }[] = [];
    const ours: { perS: number; r: Load }[] = [];
    const checks: Awaited<ReturnType<typeof verify>>[] = [];
    const empties = { fastify: [] as { perS: number; r: Load }[], http: [] as { perS: number; r: Load }[] };
    for (let round = 1; round <= ROUNDS; round++) {
      const bare = await run(`round ${round}/${ROUNDS}, bare server (Fastify + pg pool, one conditional UPDATE per booking)`, bareServer);
      bares.push({ perS: describe('bare server', bare), r: bare });
      const r = await run(`round ${round}/${ROUNDS}, Youshe (the whole app)`, youshe);
      ours.push({ perS: describe('Youshe', r), r });
      checks.push(await verify(r));
      for (const { kind, label } of EMPTY_SERVERS) {
        const empty = await run(
          `round ${round}/${ROUNDS}, ${label} (no database)`,
          () => emptyServer(kind, ROUTE, SAMPLE_ANSWER),
          0,
          false,
        );
        empties[kind].push({ perS: describe(label, empty), r: empty });
      }
    }
    const best = (rounds: { perS: number; r: Load }[]) => rounds.reduce((a, b) => (b.perS > a.perS ? b : a));
    const steadyRate = Math.round(best(bares).perS);
    const steady = await run(`Youshe at a steady ${steadyRate} submissions/s (the bare server's best)`, youshe, steadyRate);
    describe('Youshe, steady', steady);
    checks.push(await verify(steady));
    return {
      bare: best(bares),
      ours: best(ours),
      emptyFastify: best(empties.fastify),
      emptyHttp: best(empties.http),
      steady,
      steadyRate,
      checks,
    };
  } finally {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
    await adminQuery(`drop database if exists ${name} with (force)`);
    log(`dropped ${name}`);
  }
}

const r = await bookingsBench();
log(
  `best rounds: Youshe ${r.ours.perS.toFixed(0)}/s (p50 ${r.ours.r.p50} ms, p99 ${r.ours.r.p99} ms), ` +
    `bare server ${r.bare.perS.toFixed(0)}/s (p50 ${r.bare.r.p50} ms, p99 ${r.bare.r.p99} ms); ` +
    `Youshe at a steady ${r.steadyRate}/s: p50 ${r.steady.p50} ms, p99 ${r.steady.p99} ms; ` +
    `ceiling: empty Fastify route ${r.emptyFastify.perS.toFixed(0)}/s, empty node:http server ${r.emptyHttp.perS.toFixed(0)}/s`,
);
log(`machine load: ${(spawnSync('uptime', { encoding: 'utf8' }).stdout || '').trim() || 'uptime not available'}`);
const round1 = (n: number) => Math.round(n * 10) / 10;
// Every Youshe round must hold: the worst of them is reported.
const accepted = r.checks.every((c) => c.accepted === RESIDENTS) ? RESIDENTS : Math.min(...r.checks.map((c) => c.accepted));
console.log(
  JSON.stringify({
    bookings_per_s: round1(r.ours.perS),
    p50_ms: r.steady.p50,
    p99_ms: r.steady.p99,
    accepted,
    overbooked: Math.max(...r.checks.map((c) => c.overbooked)),
    duplicates: Math.max(...r.checks.map((c) => c.duplicates)),
    baseline_per_s: round1(r.bare.perS),
    ratio: Math.round((r.ours.perS / r.bare.perS) * 100) / 100,
    closed_loop_p50_ms: r.ours.r.p50,
    closed_loop_p99_ms: r.ours.r.p99,
    ...ceilingFigures({ fastify: r.emptyFastify.perS, http: r.emptyHttp.perS }, r.bare.perS),
    workers: WORKERS,
  }),
);
