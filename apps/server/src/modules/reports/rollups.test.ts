import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { ensureRollups, flushRollups, rebuildRollups, rowsOf } from './rollups.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let czSecretary: Client, czOfficer: Client, czVolunteer: Client, admin: Client;

/** A published activity of the unit, two hours from `startsAt` (01:00 UTC of some day). */
async function publishedActivity(client: Client, orgId: string, kindId: string, startsAt: string) {
  const a = (
    await client.inject({
      method: 'POST',
      url: '/api/activities',
      payload: { orgId, kindId, title: `活动 ${startsAt}`, startsAt, endsAt: startsAt.replace('T01', 'T03'), location: '社区活动室' },
    })
  ).json<{ id: string }>();
  const published = await client.inject({ method: 'POST', url: `/api/activities/${a.id}/transition`, payload: { to: 'published' } });
  expect(published.statusCode, published.body).toBe(200);
  return published.json<{ id: string; publicToken: string }>();
}

async function holdActivity(
  client: Client,
  orgId: string,
  kindId: string,
  startsAt: string,
  walkins: number,
  outcome: Record<string, number>,
) {
  const a = await publishedActivity(client, orgId, kindId, startsAt);
  // Simultaneous walk-ins: every one must count once.
  const res = await Promise.all(
    Array.from({ length: walkins }, (_, i) =>
      client.inject({ method: 'POST', url: `/api/activities/${a.id}/checkins`, payload: { walkin: { name: `居民${i}`, phone: null } } }),
    ),
  );
  expect(res.map((r) => r.statusCode)).toEqual(res.map(() => 200));
  const closed = await client.inject({ method: 'POST', url: `/api/activities/${a.id}/transition`, payload: { to: 'closed', outcome } });
  expect(closed.statusCode, closed.body).toBe(200);
  return a.id;
}

async function snapshot() {
  const own = rowsOf<{ k: string }>(
    await t.database.db.execute(sql`select org_id || ' ' || month || ' ' || metric || '=' || value as k from rollup_org_month order by 1`),
  );
  const tree = rowsOf<{ k: string }>(
    await t.database.db.execute(sql`select org_id || ' ' || month || ' ' || metric || '=' || value as k from rollup_tree_month order by 1`),
  );
  return { own: own.map((r) => r.k), tree: tree.map((r) => r.k) };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  [czSecretary, czOfficer, czVolunteer, admin] = await signInAll(
    t.app,
    [w.czSecretary.login, w.czOfficer.login, w.czVolunteer.login, w.admin.login],
    TEST_PASSWORD,
  );
});
afterAll(() => t.close());

describe('dashboard rollups', () => {
  it('counts activities held, people reached and outcome figures per subtree and month, and drills down', async () => {
    await holdActivity(czSecretary, w.czBranch.id, 'donation', '2026-03-05T01:30:00Z', 4, { value_donated_fen: 1200000 });
    await holdActivity(czSecretary, w.czBranch.id, 'donation', '2026-04-02T01:30:00Z', 2, { value_donated_fen: 300000 });
    const res = await czOfficer.inject({ method: 'GET', url: `/api/dashboard?orgId=${w.changzhou.id}&from=2026-03&to=2026-04` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.totals.activities).toBe(2);
    expect(d.totals.attendance).toBe(6);
    expect(d.totals['activities:donation']).toBe(2);
    expect(d.totals['outcome:value_donated_fen']).toBe(1500000);
    expect(d.months).toEqual([
      { month: '2026-03', figures: expect.objectContaining({ activities: 1, attendance: 4 }) },
      { month: '2026-04', figures: expect.objectContaining({ activities: 1, attendance: 2 }) },
    ]);
    expect(d.children).toEqual([expect.objectContaining({ orgId: w.czBranch.id, figures: expect.objectContaining({ activities: 2 }) })]);
    // The province sees the city's figures in its own; March alone is one activity.
    const province = (await admin.inject({ method: 'GET', url: `/api/dashboard?orgId=${w.jiangsu.id}&from=2026-03&to=2026-03` })).json();
    expect(province.totals.activities).toBe(1);
    expect(province.children.find((c: { orgId: string }) => c.orgId === w.changzhou.id).figures.attendance).toBe(4);
  });

  it('keeps the rollups current as records change, and a full rebuild gives exactly the same figures', async () => {
    const moved = await holdActivity(czSecretary, w.czBranch.id, 'anti_fraud', '2026-05-10T01:30:00Z', 3, { people_served: 30 });
    await holdActivity(admin, w.cfBranch.id, 'donation', '2026-05-11T01:30:00Z', 5, { value_donated_fen: 100 });
    // A correction after the fact: the activity really happened in June, in a new branch.
    const newBranch = await makeOrg(t.database.db, 'branch', w.changzhou);
    await t.database.db.execute(
      sql`update activities set starts_at = '2026-06-10T01:30:00Z', ends_at = '2026-06-10T03:30:00Z', org_id = ${newBranch.id} where id = ${moved}`,
    );
    // Business won at an event: counted for its organisation and month like everything else.
    await t.database.db.execute(sql`insert into business_outcomes (id, org_id, activity_id, kind, quantity, amount_fen, occurred_on)
      values (gen_random_uuid(), ${w.czBranch.id}, ${moved}, 'produce_sale', 10, 250000, '2026-05-20')`);
    // Services at two cities' stations, recorded one after the other: each flush touches only its own pairs.
    for (const org of [w.czBranch.id, w.cfBranch.id]) {
      await t.database.db
        .execute(sql`with p as (insert into places (id, org_id, kind, name) values (gen_random_uuid(), ${org}, 'red_station', '驿站')
        returning id) insert into service_tallies (place_id, kind, day, count) select id, 'hot_water', '2026-05-21', 7 from p`);
      await flushRollups(t.database.db);
    }
    // A carrier of the Changzhou branch visits a resident of a community grid: made here, received there.
    const grid = await makeOrg(t.database.db, 'grid');
    await t.database.db
      .execute(sql`with v as (insert into persons (id, org_id, name, kinds) values (gen_random_uuid(), ${w.czBranch.id}, '投递员', '{volunteer}') returning id),
      r as (insert into care_recipients (id, org_id, name_masked, circumstances, frequency, interval_days, help_wanted, extra_items, missed_after)
        values (gen_random_uuid(), ${grid.id}, '王*', '{living_alone}', 'weekly', 7, '{}', '{}', now()) returning id)
      insert into care_visits (id, recipient_id, org_id, volunteer_id, visited_at, minutes, presence, help_given, concern, confirmation)
      select gen_random_uuid(), r.id, ${grid.id}, v.id, '2026-05-22T02:00:00Z', 30, 'home', '{}', 'none', 'signature' from r, v`);
    await flushRollups(t.database.db);
    const incremental = await snapshot();
    expect(incremental.tree).toContain(`${w.group.id} 2026-05-01 station_services=14`);
    expect(incremental.tree).toContain(`${w.changzhou.id} 2026-05-01 visits=1`);
    expect(incremental.own).toContain(`${grid.id} 2026-05-01 visits_received=1`);
    expect(incremental.tree).toContain(`${grid.id} 1000-01-01 care_recipients=1`);
    expect(incremental.tree).toContain(`${w.changzhou.id} 2026-05-01 outcome_amount_fen=250000`);
    const june = (await czOfficer.inject({ method: 'GET', url: `/api/dashboard?orgId=${w.changzhou.id}&from=2026-05&to=2026-06` })).json();
    expect(june.months.map((m: { figures: { activities?: number } }) => m.figures.activities ?? 0)).toEqual([0, 1]);
    expect(june.children.find((c: { orgId: string }) => c.orgId === newBranch.id).figures.attendance).toBe(3);

    const rebuilt = await admin.inject({ method: 'POST', url: '/api/rollups/rebuild' });
    expect(rebuilt.statusCode).toBe(200);
    expect(rebuilt.json().rows).toBe(incremental.own.length);
    expect(await snapshot()).toEqual(incremental);
    expect(incremental.tree.length).toBeGreaterThan(incremental.own.length);
  });

  it('counts bookings made many in one statement, and drops a cancelled one, as a rebuild would', async () => {
    const place = rowsOf<{ id: string }>(
      await t.database.db
        .execute(sql`insert into places (id, org_id, kind, name) values (gen_random_uuid(), ${w.cfBranch.id}, 'outlet', '营业所')
        returning id`),
    )[0]!.id;
    const campaign = rowsOf<{ id: string }>(
      await t.database.db
        .execute(sql`insert into booking_campaigns (id, org_id, title, opens_at, closes_at, fields, identity_field, status, public_token)
        values (gen_random_uuid(), ${w.cfBranch.id}, '行李寄递', '2026-07-01', '2026-09-01', '[]', 'notice_no', 'published', ${`roll${Date.now()}`})
        returning id`),
    )[0]!.id;
    const slot = rowsOf<{ id: string }>(
      await t.database.db.execute(sql`insert into booking_slots (id, campaign_id, place_id, starts_at, ends_at, capacity, booked)
        values (gen_random_uuid(), ${campaign}, ${place}, '2026-08-20T01:00:00Z', '2026-08-20T02:00:00Z', 10, 4) returning id`),
    )[0]!.id;
    // Four bookings in one statement (as the booking batch writes them), two of them in July and two in August.
    await t.database.db
      .execute(sql`insert into bookings (id, campaign_id, slot_id, code, identity_bidx, values_enc, status, consent_at, created_at)
      select gen_random_uuid(), ${campaign}, ${slot}, 'rollcode' || n, 'who' || n, 'v1:x', 'confirmed', now(),
             case when n <= 2 then timestamptz '2026-07-15T02:00:00Z' else timestamptz '2026-08-15T02:00:00Z' end
      from generate_series(1, 4) n`);
    await flushRollups(t.database.db);
    const made = await snapshot();
    expect(made.own).toContain(`${w.cfBranch.id} 2026-07-01 bookings=2`);
    expect(made.own).toContain(`${w.cfBranch.id} 2026-08-01 bookings=2`);
    // A cancellation, and an update that changes nothing counted: only the first moves the figures.
    await t.database.db.execute(sql`update bookings set status = 'cancelled' where code = 'rollcode1'`);
    await t.database.db.execute(sql`update bookings set name_masked = '新*' where code = 'rollcode3'`);
    await flushRollups(t.database.db);
    const incremental = await snapshot();
    expect(incremental.own).toContain(`${w.cfBranch.id} 2026-07-01 bookings=1`);
    expect(incremental.own).toContain(`${w.cfBranch.id} 2026-08-01 bookings=2`);
    await rebuildRollups(t.database.db);
    expect(await snapshot()).toEqual(incremental);
  });

  it('rebuilds the whole tree when an organisation moves', async () => {
    const branch = await makeOrg(t.database.db, 'branch', w.chifeng);
    await holdActivity(admin, branch.id, 'donation', '2026-07-01T01:30:00Z', 1, { value_donated_fen: 1 });
    // Re-parent the branch (and its path) to Changzhou, as the orgs module does on a move.
    await t.database.db.execute(
      sql`update orgs set parent_id = ${w.changzhou.id}, path = ${w.changzhou.path} || id || '/' where id = ${branch.id}`,
    );
    const d = (await czOfficer.inject({ method: 'GET', url: `/api/dashboard?orgId=${w.changzhou.id}&from=2026-07&to=2026-07` })).json();
    expect(d.totals.activities).toBe(1);
    const before = await snapshot();
    await rebuildRollups(t.database.db);
    expect(await snapshot()).toEqual(before);
  });

  it('stays exact when check-ins and dashboard reads arrive together, and builds missing rollups at start-up', async () => {
    const a = await publishedActivity(czSecretary, w.czBranch.id, 'donation', '2026-08-03T01:00:00Z');
    const url = `/api/dashboard?orgId=${w.changzhou.id}&from=2026-08&to=2026-08`;
    const answers = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) =>
        czSecretary.inject({
          method: 'POST',
          url: `/api/activities/${a.id}/checkins`,
          payload: { walkin: { name: `同时${i}`, phone: null } },
        }),
      ),
      ...Array.from({ length: 6 }, () => czOfficer.inject({ method: 'GET', url })),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 200));
    expect((await czOfficer.inject({ method: 'GET', url })).json().totals.attendance).toBe(12);
    const incremental = await snapshot();
    await rebuildRollups(t.database.db);
    expect(await snapshot()).toEqual(incremental);
    // Rollups present: start-up leaves them; gone: start-up builds them again, the same.
    expect(await ensureRollups(t.database.db)).toBe(false);
    await t.database.db.execute(sql`delete from rollup_tree_month`);
    await t.database.db.execute(sql`delete from rollup_org_month`);
    expect(await ensureRollups(t.database.db)).toBe(true);
    expect(await snapshot()).toEqual(incremental);
  });

  it('counts residents’ own check-ins, which write only their sign-ups, and a headcount kept by hand', async () => {
    const a = await publishedActivity(czSecretary, w.czBranch.id, 'anti_fraud', '2026-09-05T01:00:00Z');
    const token = a.publicToken;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await t.app.inject({
        method: 'POST',
        url: `/api/public/activities/${token}/signups`,
        payload: { name: `扫码${i}`, phone: `137${String(i).padStart(8, '0')}`, consent: true },
      });
      codes.push(s.json().code);
    }
    const url = `/api/dashboard?orgId=${w.changzhou.id}&from=2026-09&to=2026-09`;
    expect((await czOfficer.inject({ method: 'GET', url })).json().totals.attendance ?? 0).toBe(0);
    // Four residents scan the poster at once (one of them twice); the fifth stays home.
    const scans = await Promise.all(
      [0, 1, 2, 3, 3].map((i) =>
        t.app.inject({ method: 'POST', url: `/api/public/activities/${token}/checkins`, payload: { code: codes[i] } }),
      ),
    );
    expect(scans.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect((await czOfficer.inject({ method: 'GET', url })).json().totals.attendance).toBe(4);
    // People counted by hand (no sign-up of their own) add to the check-ins, on the dashboard as on the activity.
    await t.database.db.execute(sql`update activities set attendance_by_hand = 10 where id = ${a.id}`);
    expect((await czOfficer.inject({ method: 'GET', url })).json().totals.attendance).toBe(14);
    expect((await czSecretary.inject({ method: 'GET', url: `/api/activities/${a.id}` })).json().attendanceCount).toBe(14);
    const incremental = await snapshot();
    await rebuildRollups(t.database.db);
    expect(await snapshot()).toEqual(incremental);
  });

  it('shows nothing outside the actor’s subtree and refuses those without the right', async () => {
    expect((await czOfficer.inject({ method: 'GET', url: `/api/dashboard?orgId=${w.chifeng.id}` })).statusCode).toBe(404);
    expect((await czVolunteer.inject({ method: 'GET', url: `/api/dashboard` })).statusCode).toBe(403);
    expect((await czOfficer.inject({ method: 'POST', url: '/api/rollups/rebuild' })).statusCode).toBe(403);
    const bad = await czOfficer.inject({ method: 'GET', url: `/api/dashboard?from=2026-13&to=2026-01` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: 'from' })] });
    // Without a unit: the actor's own city.
    const own = (await czOfficer.inject({ method: 'GET', url: `/api/dashboard?from=2026-03&to=2026-03` })).json();
    expect(own.org.id).toBe(w.changzhou.id);
  });
});
