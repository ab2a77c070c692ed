import { sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { attendanceOf } from '../activities/attendance.js';

/**
 * Rollups: each (organisation, month) pair's own figures in rollup_org_month, and the same summed over
 * every subtree in rollup_tree_month. Triggers mark the pairs a change touches (rollup_dirty) in the
 * transaction of the change; a flush recomputes exactly those pairs with the SQL the full rebuild uses, so
 * incremental and rebuilt figures cannot drift apart, and writers never queue behind a hot counter row.
 */

/** Serialises flushes and rebuilds: two of them recomputing one pair at once could otherwise add a delta twice. */
const ROLLUP_LOCK = 7_306_2026;
/** The marker a moved organisation leaves (see migration 0024): rebuild everything. */
const TREE_MOVED = '1900-01-01';
/** The "month" under which states (not counts over time) are kept: people cared for now. No period reaches it. */
export const STATE_MONTH = '1000-01-01';

const monthOf = (at: SQL) => sql`date_trunc('month', ${at} at time zone 'Asia/Shanghai')::date`;

/**
 * The activities a set of pairs holds, with their attendance, as the CTE `acts` the sources read. It is
 * materialised so that attendance, counted from the check-ins, is counted once per activity and not once
 * per source that reads it. A rebuild (`everything`) counts every activity's check-ins in one grouped pass;
 * a flush, which reads a few activities, counts each one's through the sign-ups' index.
 */
function activitiesHeld(within: (org: SQL, at: SQL) => SQL, everything: boolean): SQL {
  const held = sql`a.status in ('published', 'in_progress', 'closed') and ${within(sql`a.org_id`, sql`a.starts_at`)}`;
  const columns = sql`a.id, a.org_id, a.kind_id, a.status, a.outcome, ${monthOf(sql`a.starts_at`)} as month`;
  if (!everything) return sql`acts as materialized (select ${columns}, ${attendanceOf(sql`a`)} as attendance from activities a where ${held})`;
  return sql`acts as materialized (select ${columns}, a.attendance_by_hand + coalesce(c.n, 0) as attendance
    from activities a left join (select activity_id, count(*)::int as n from signups where checked_in_at is not null group by 1) c
      on c.activity_id = a.id
    where ${held})`;
}

/**
 * The figures, as rows of (org_id, month, metric, v). `within(org, at)` narrows a source to the pairs being
 * recomputed (or lets everything through for a rebuild). Each source is one domain's records; summed per pair.
 * Activities are read from the CTE `acts` (activitiesHeld).
 */
function sources(within: (org: SQL, at: SQL) => SQL): SQL[] {
  const acts = sql`acts`;
  return [
    // Activities held (closed with their figures), in all and by kind.
    sql`select org_id, month, 'activities' as metric, 1::bigint as v from ${acts} x where status = 'closed'`,
    sql`select org_id, month, 'activities:' || kind_id, 1 from ${acts} x where status = 'closed'`,
    // People reached: the activity's attendance, counted from its check-ins (plus any headcount kept by hand),
    // the same one the ledger prints and partnership goals count.
    sql`select org_id, month, 'attendance', attendance::bigint from ${acts} x where attendance > 0`,
    sql`select org_id, month, 'attendance:' || kind_id, attendance::bigint from ${acts} x where attendance > 0`,
    // The outcome figures recorded when an activity was closed (people served, households visited, …).
    sql`select x.org_id, x.month, 'outcome:' || e.key, e.value::numeric::bigint from ${acts} x, jsonb_each_text(x.outcome) e
      where x.status = 'closed' and jsonb_typeof(x.outcome -> e.key) = 'number'`,
    ...extraSources(within),
  ];
}

/** Figures of care, volunteers, stations, bookings and business outcomes (triggers in migration 0026). */
function extraSources(within: (org: SQL, at: SQL) => SQL): SQL[] {
  const day = (d: SQL) => sql`(${d}::timestamp at time zone 'Asia/Shanghai')`;
  return [
    // A visit counts twice over, as two figures: made (for the volunteer's unit, else the resident's) and
    // received (for the grid the resident lives in); the postal and the community side each see theirs.
    sql`select coalesce(pe.org_id, v.org_id), ${monthOf(sql`v.visited_at`)}, 'visits', count(*)
      from care_visits v left join persons pe on pe.id = v.volunteer_id
      where ${within(sql`coalesce(pe.org_id, v.org_id)`, sql`v.visited_at`)} group by 1, 2`,
    sql`select v.org_id, ${monthOf(sql`v.visited_at`)}, 'visits_received', count(*) from care_visits v
      where ${within(sql`v.org_id`, sql`v.visited_at`)} group by 1, 2`,
    // A state: people cared for now, summed like any figure so that a province reads one row.
    sql`select cr.org_id, ${STATE_MONTH}::date, 'care_recipients', count(*) from care_recipients cr
      where cr.status = 'active' and ${within(sql`cr.org_id`, day(sql`${STATE_MONTH}::date`))} group by 1, 2`,
    // Alerts by the month they were raised; "closed in time": resolved before they had to be escalated.
    sql`select al.org_id, ${monthOf(sql`al.created_at`)}, 'alerts', count(*) from care_alerts al
      where ${within(sql`al.org_id`, sql`al.created_at`)} group by 1, 2`,
    sql`select al.org_id, ${monthOf(sql`al.created_at`)}, 'alerts_closed_in_time', count(*) from care_alerts al
      where al.status = 'resolved' and al.escalation_level = 0 and ${within(sql`al.org_id`, sql`al.created_at`)} group by 1, 2`,
    sql`select h.org_id, ${monthOf(sql`h.started_at`)}, 'volunteer_minutes', sum(h.minutes) from volunteer_hours h
      where h.status = 'approved' and ${within(sql`h.org_id`, sql`h.started_at`)} group by 1, 2`,
    sql`select b.org_id, ${monthOf(day(sql`b.occurred_on`))}, 'outcome_records', count(*) from business_outcomes b
      where ${within(sql`b.org_id`, day(sql`b.occurred_on`))} group by 1, 2`,
    sql`select b.org_id, ${monthOf(day(sql`b.occurred_on`))}, 'outcome_amount_fen', sum(b.amount_fen) from business_outcomes b
      where ${within(sql`b.org_id`, day(sql`b.occurred_on`))} group by 1, 2`,
    // Station services: taps tallied per day, and services given to a named person.
    sql`select p.org_id, ${monthOf(day(sql`st.day`))}, 'station_services', sum(st.count) from service_tallies st join places p on p.id = st.place_id
      where ${within(sql`p.org_id`, day(sql`st.day`))} group by 1, 2`,
    sql`select p.org_id, ${monthOf(sql`sr.created_at`)}, 'station_services', count(*) from service_records sr join places p on p.id = sr.place_id
      where ${within(sql`p.org_id`, sql`sr.created_at`)} group by 1, 2`,
    sql`select c.org_id, ${monthOf(sql`bk.created_at`)}, 'bookings', count(*) from bookings bk join booking_campaigns c on c.id = bk.campaign_id
      where bk.status in ('confirmed', 'offered', 'fulfilled') and ${within(sql`c.org_id`, sql`bk.created_at`)} group by 1, 2`,
  ];
}

/** Every pair's figures (a rebuild) without `within`; with it, only the pairs it lets through (a flush). */
function figures(within?: (org: SQL, at: SQL) => SQL): SQL {
  const narrow = within ?? (() => sql`true`);
  return sql`with ${activitiesHeld(narrow, !within)}
    select org_id, month, metric, sum(v)::bigint as value from (${sql.join(sources(narrow), sql` union all `)}) f
    group by 1, 2, 3 having sum(v) <> 0`;
}

/** Every ancestor of an org including itself, from its materialised path. */
const ancestorsOf = (path: SQL) => sql`unnest(string_to_array(trim(both '/' from ${path}), '/')::uuid[])`;

interface Pair {
  orgId: string;
  month: string;
}

/** Rows of a raw statement, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  const r = result as { rows?: T[] } | T[];
  return Array.isArray(r) ? r : (r.rows ?? []);
}

async function recomputePairs(tx: Executor, pairs: Pair[]) {
  const list = sql`(select (e ->> 'o')::uuid as org_id, (e ->> 'm')::date as month
    from jsonb_array_elements(${JSON.stringify(pairs.map((p) => ({ o: p.orgId, m: p.month })))}::jsonb) e)`;
  // A pair's month in UTC bounds, so that the activities_org_starts index narrows the scan. The alias is
  // one no source uses: a source's own alias would shadow it and let every organisation through.
  const within = (org: SQL, at: SQL) =>
    sql`exists (select 1 from ${list} rollup_pair where rollup_pair.org_id = ${org}
      and ${at} >= (rollup_pair.month::timestamp at time zone 'Asia/Shanghai')
      and ${at} < ((rollup_pair.month + interval '1 month')::timestamp at time zone 'Asia/Shanghai'))`;
  const addToAncestors = (sign: SQL) => sql`insert into rollup_tree_month (org_id, month, metric, value)
    select anc, r.month, r.metric, sum(${sign} r.value) from rollup_org_month r
      join ${list} p on p.org_id = r.org_id and p.month = r.month
      join orgs o on o.id = r.org_id, ${ancestorsOf(sql`o.path`)} as anc
    group by 1, 2, 3
    on conflict (org_id, month, metric) do update set value = rollup_tree_month.value + excluded.value`;
  await tx.execute(addToAncestors(sql`-`));
  await tx.execute(sql`delete from rollup_org_month r using ${list} p where r.org_id = p.org_id and r.month = p.month`);
  await tx.execute(sql`insert into rollup_org_month (org_id, month, metric, value) ${figures(within)}`);
  await tx.execute(addToAncestors(sql``));
  await tx.execute(sql`delete from rollup_tree_month t using ${list} p join orgs o on o.id = p.org_id
    where t.value = 0 and t.month = p.month and t.org_id in (select ${ancestorsOf(sql`o.path`)})`);
}

async function rebuildInTx(tx: Executor) {
  await tx.execute(sql`delete from rollup_dirty`);
  await tx.execute(sql`delete from rollup_tree_month`);
  await tx.execute(sql`delete from rollup_org_month`);
  // In key order: an organisation's rows sit together on disk, so a dashboard reads a few pages, not thousands.
  await tx.execute(sql`insert into rollup_org_month (org_id, month, metric, value) ${figures()} order by 1, 2, 3`);
  await tx.execute(sql`insert into rollup_tree_month (org_id, month, metric, value)
    select anc, r.month, r.metric, sum(r.value) from rollup_org_month r join orgs o on o.id = r.org_id, ${ancestorsOf(sql`o.path`)} as anc
    group by 1, 2, 3 order by 1, 2, 3`);
}

/** Recomputes every figure from the records (the `youshe rebuild-rollups` command, the demo, recovery). */
export async function rebuildRollups(db: Db): Promise<{ rows: number }> {
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK})`);
    await rebuildInTx(tx);
    const [count] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from rollup_org_month`));
    return { rows: Number(count?.n ?? 0) };
  });
  // Every row was replaced: fresh statistics, so the dashboard's first queries get the plans they will keep.
  await db.execute(sql`analyze rollup_org_month`);
  await db.execute(sql`analyze rollup_tree_month`);
  return result;
}

/**
 * Brings the rollups up to date with every committed change. Cheap when nothing changed (one index probe
 * without a lock), so the dashboard calls it before each read and figures are never stale.
 */
export async function flushRollups(db: Db): Promise<{ pairs: number }> {
  const [any] = rowsOf<{ x: number }>(await db.execute(sql`select 1 as x from rollup_dirty limit 1`));
  if (!any) return { pairs: 0 };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK})`);
    // Only committed marks are visible here; marks of transactions still open stay for the next flush.
    const marked = rowsOf<{ org_id: string; month: string }>(
      await tx.execute(sql`delete from rollup_dirty returning org_id, month::text as month`),
    );
    if (!marked.length) return { pairs: 0 };
    const seen = new Map<string, Pair>();
    for (const m of marked) {
      seen.set(`${m.org_id}|${m.month}`, { orgId: m.org_id, month: m.month });
    }
    const pairs = [...seen.values()];
    if (pairs.some((p) => p.month === TREE_MOVED)) {
      await rebuildInTx(tx);
      return { pairs: pairs.length };
    }
    // Large batches in slices: one statement per few hundred pairs keeps plans and parameters small.
    for (let i = 0; i < pairs.length; i += 500) await recomputePairs(tx, pairs.slice(i, i + 500));
    return { pairs: pairs.length };
  });
}

/**
 * At start-up: a database that has records but no rollups (migrated from before they existed, or restored
 * without them) gets them built once; otherwise nothing happens.
 */
export async function ensureRollups(db: Db): Promise<boolean> {
  const [row] = rowsOf<{ missing: boolean }>(
    await db.execute(sql`select not exists (select 1 from rollup_org_month) and exists (select 1 from activities) as missing`),
  );
  if (!row?.missing) return false;
  await rebuildRollups(db);
  return true;
}
