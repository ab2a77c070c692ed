// The demo as people meet it: its accounts sign in and see their own part of the tree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestApp, signIn } from '../test/harness.js';
import { DEMO_PASSWORD, seedDemo } from './seed.js';

async function rows(database: Database, sql: string, params: unknown[] = []) {
  return database.withConnection(async (q) => (await q(sql, params)).rows);
}

describe('demo through the API', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db, t.services.crypto);
  });
  afterAll(() => t?.close());

  it('signs the demo accounts in with the demo password; they see their grants', async () => {
    const officer = await signIn(t.app, 'cz-officer', DEMO_PASSWORD);
    const me = (await officer.inject({ method: 'GET', url: '/api/me' })).json();
    expect(me.grants).toEqual([{ role: 'committee_officer', orgId: expect.any(String), orgName: '常州市邮政分公司党委' }]);
    expect(me.person?.name).toBeTruthy();
    const station = await signIn(t.app, 'CZ-Station', DEMO_PASSWORD);
    const meStation = (await station.inject({ method: 'GET', url: '/api/me' })).json();
    expect(meStation.grants[0]).toMatchObject({ role: 'station_head', orgName: '奔牛支局党支部' });
  });

  it("shows the Wuxi pairing's goals with progress computed from the activities held", async () => {
    const admin = await signIn(t.app, 'admin', DEMO_PASSWORD);
    const page = (await admin.inject({ method: 'GET', url: '/api/partnerships?pageSize=200' })).json();
    expect(page.total).toBe(7);
    for (const p of page.items)
      expect(
        p.goals.some((g: { progress: number }) => g.progress > 0),
        p.title,
      ).toBe(true);
    const wuxi = page.items.find((p: { orgName: string }) => p.orgName === '锡山区分公司党支部');
    expect(wuxi.members.map((m: { name: string }) => m.name).sort()).toEqual(
      ['东亭街道', '无锡市公安局锡山分局东亭派出所', '锡山区分公司党支部', '鹅湖街道'].sort(),
    );
    const progress = Object.fromEntries(
      wuxi.goals.map((g: { metric: string; progress: number; target: number }) => [g.metric, [g.progress, g.target]]),
    );
    expect(progress).toEqual({ activities: [5, 12], attendance: [408, 500], households_visited: [23, 23] });
    const chifeng = page.items.find((p: { title: string }) => p.title.includes('银马社区'));
    expect(chifeng.goals.map((g: { progress: number }) => g.progress)).toEqual([1, 3, 18]);

    const meetings = (await admin.inject({ method: 'GET', url: `/api/partnerships/${wuxi.id}/meetings` })).json();
    expect(meetings.items).toHaveLength(1);
    expect(meetings.items[0].minutes).toContain('23');
    expect(meetings.items[0].tasks).toHaveLength(2);

    // The community partner of 东亭街道 sees the pairing it is a member of.
    const community = await signIn(t.app, 'wx-community', DEMO_PASSWORD);
    const theirs = (await community.inject({ method: 'GET', url: '/api/partnerships' })).json();
    expect(theirs.items.map((p: { id: string }) => p.id)).toEqual([wuxi.id]);
  });

  it("covers all of Chifeng's 85 outlets without a member; appoints 10 Changzhou station heads", async () => {
    const cf = await signIn(t.app, 'cf-officer', DEMO_PASSWORD);
    const coverage = (await cf.inject({ method: 'GET', url: '/api/coverage' })).json();
    expect(coverage).toMatchObject({ outletsWithoutMember: 85, covered: 85, uncovered: 0 });
    const cz = await signIn(t.app, 'cz-officer', DEMO_PASSWORD);
    const appointed = (await cz.inject({ method: 'GET', url: '/api/appointments?current=true' })).json();
    expect(appointed.items).toHaveLength(10);
    for (const a of appointed.items) {
      expect(a.post).toBe('社区党支部副书记');
      expect(a.current).toBe(true);
    }
    const grids = (await cf.inject({ method: 'GET', url: '/api/appointments' })).json();
    expect(grids.items.map((a: { post: string }) => a.post)).toEqual(['网格长', '网格长']);
  });

  it('opens the upcoming activities to residents, with the places already taken', async () => {
    const [a] = await rows(
      t.database,
      `select public_token, capacity, taken_count from activities where status = 'published' and title like '迎新春%'`,
    );
    const res = await t.app.inject({ method: 'GET', url: `/api/public/activities/${a.public_token}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(a.taken_count).toBeGreaterThan(0);
    expect(res.json()).toMatchObject({ status: 'published', capacity: a.capacity, placesLeft: a.capacity - a.taken_count });

    // The seeded sign-ups are sealed as the app seals them: signing up again with the same phone finds the first one.
    const [seeded] = await rows(
      t.database,
      `select s.code, s.name, s.phone_enc from signups s join activities a on a.id = s.activity_id where a.public_token = $1 order by s.id limit 1`,
      [a.public_token],
    );
    const url = `/api/public/activities/${a.public_token}/signups`;
    const again = await t.app.inject({
      method: 'POST',
      url,
      payload: { name: seeded.name, phone: t.services.crypto.decrypt(seeded.phone_enc), consent: true },
    });
    expect(again.json()).toMatchObject({ code: seeded.code, status: 'confirmed' });
    const newcomer = await t.app.inject({ method: 'POST', url, payload: { name: '新来的居民', phone: '13900000001', consent: true } });
    expect(newcomer.json()).toMatchObject({ status: 'confirmed' });
    const after = (await t.app.inject({ method: 'GET', url: `/api/public/activities/${a.public_token}` })).json();
    expect(after.placesLeft).toBe(a.capacity - a.taken_count - 1);
  });
});
