import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let czSecretary: Client, communityPartner: Client, cfSecretary: Client;
let community: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const district = await makeOrg(t.database.db, 'district', null, '常州市天宁区');
  const street = await makeOrg(t.database.db, 'street', district, '红梅街道');
  community = await makeOrg(t.database.db, 'community', street, '五心苑社区');
  const cp = await makeAccount(t.database.db, [{ role: 'community_partner', orgId: community.id }]);
  const cf = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  [czSecretary, communityPartner, cfSecretary] = await signInAll(t.app, [w.czSecretary.login, cp.login, cf.login], TEST_PASSWORD);
});
afterAll(() => t.close());

const year = new Date().getUTCFullYear();

async function agreement() {
  const res = await czSecretary.inject({
    method: 'POST',
    url: '/api/partnerships',
    payload: {
      orgId: w.czBranch.id,
      title: '党建联合体工作协议',
      signedOn: `${year}-01-05`,
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      memberIds: [community.id],
      goals: [
        { title: '全年联合开展活动 12 次', metric: 'activities', target: 12 },
        { title: '服务居民 500 人次', metric: 'attendance', target: 500 },
        { title: '走访困难群众 30 户', metric: 'households_visited', kindId: 'welfare_visit', target: 30 },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function closedActivity(partnershipId: string, kindId: string, outcome: Record<string, number>, checkIns = 0) {
  const a = (
    await czSecretary.inject({
      method: 'POST',
      url: '/api/activities',
      payload: {
        orgId: w.czBranch.id,
        kindId,
        title: '联合活动',
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 3600_000).toISOString(),
        partnershipIds: [partnershipId],
      },
    })
  ).json();
  await czSecretary.inject({ method: 'POST', url: `/api/activities/${a.id}/transition`, payload: { to: 'published' } });
  for (let i = 0; i < checkIns; i++) {
    await czSecretary.inject({
      method: 'POST',
      url: `/api/activities/${a.id}/checkins`,
      payload: { walkin: { name: `居民${i}`, phone: null } },
    });
  }
  const closed = await czSecretary.inject({
    method: 'POST',
    url: `/api/activities/${a.id}/transition`,
    payload: { to: 'closed', outcome },
  });
  expect(closed.statusCode, closed.body).toBe(200);
}

const progress = (p: { goals: { metric: string; progress: number }[] }) => Object.fromEntries(p.goals.map((g) => [g.metric, g.progress]));

describe('partnerships', () => {
  it('are seen by both sides and nobody else', async () => {
    const p = await agreement();
    expect(p.members.map((m: { name: string }) => m.name).sort()).toEqual([w.czBranch.name, '五心苑社区'].sort());
    expect((await communityPartner.inject({ method: 'GET', url: `/api/partnerships/${p.id}` })).statusCode).toBe(200);
    expect((await cfSecretary.inject({ method: 'GET', url: `/api/partnerships/${p.id}` })).statusCode).toBe(404);
    expect((await cfSecretary.inject({ method: 'GET', url: '/api/partnerships' })).json().total).toBe(0);
  });

  it('compute goal progress from closed activities; nobody types it', async () => {
    const p = await agreement();
    expect(progress(p)).toEqual({ activities: 0, attendance: 0, households_visited: 0 });
    await closedActivity(p.id, 'anti_fraud', { people_served: 80 }, 3);
    await closedActivity(p.id, 'welfare_visit', { households_visited: 23 });
    const now = (await czSecretary.inject({ method: 'GET', url: `/api/partnerships/${p.id}` })).json();
    expect(progress(now)).toEqual({ activities: 2, attendance: 3, households_visited: 23 });
    const linked = (await czSecretary.inject({ method: 'GET', url: `/api/activities?partnershipId=${p.id}` })).json();
    expect(linked.items.map((a: { kindId: string }) => a.kindId).sort()).toEqual(['anti_fraud', 'welfare_visit']);
    // A draft or published activity does not count until it is closed.
    await czSecretary.inject({
      method: 'POST',
      url: '/api/activities',
      payload: {
        orgId: w.czBranch.id,
        kindId: 'party_lesson',
        title: '未结束',
        startsAt: new Date().toISOString(),
        endsAt: new Date().toISOString(),
        partnershipIds: [p.id],
      },
    });
    expect(progress((await czSecretary.inject({ method: 'GET', url: `/api/partnerships/${p.id}` })).json()).activities).toBe(2);
  });

  it('renew into a new period with the same goals, counted afresh', async () => {
    const p = await agreement();
    await closedActivity(p.id, 'party_lesson', { people_served: 10 });
    const renewed = await czSecretary.inject({
      method: 'POST',
      url: `/api/partnerships/${p.id}/renew`,
      payload: { startsOn: `${year + 1}-01-01`, endsOn: `${year + 1}-12-31` },
    });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({ renewedFromId: p.id, startsOn: `${year + 1}-01-01` });
    expect(progress(renewed.json())).toEqual({ activities: 0, attendance: 0, households_visited: 0 });
    expect((await czSecretary.inject({ method: 'GET', url: `/api/partnerships/${p.id}` })).json().renewedById).toBe(renewed.json().id);
    const twice = await czSecretary.inject({
      method: 'POST',
      url: `/api/partnerships/${p.id}/renew`,
      payload: { startsOn: `${year + 2}-01-01`, endsOn: `${year + 2}-12-31` },
    });
    expect(twice.json().details[0].message).toBe('这份协议已经续签过了');
  });

  it('list agreements ending soon, for the reminder', async () => {
    const soon = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
    const res = await czSecretary.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: { orgId: w.czBranch.id, title: '即将到期', startsOn: `${year - 1}-01-01`, endsOn: soon, memberIds: [community.id] },
    });
    expect(res.json().daysLeft).toBe(10);
    const ended = new Date(Date.now() - 5 * 86400_000).toISOString().slice(0, 10);
    await czSecretary.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: { orgId: w.czBranch.id, title: '已经到期', startsOn: `${year - 1}-01-01`, endsOn: ended, memberIds: [community.id] },
    });
    const ending = (await czSecretary.inject({ method: 'GET', url: '/api/partnerships?endingWithinDays=30' })).json();
    const titles = ending.items.map((p: { title: string }) => p.title);
    expect(titles).toContain('即将到期');
    expect(titles).not.toContain('已经到期');
    // In December the agreements of the tests above, ending on 31 December, are listed too: rightly.
    for (const p of ending.items as { title: string; daysLeft: number }[]) {
      expect(p.daysLeft, p.title).toBeGreaterThanOrEqual(0);
      expect(p.daysLeft, p.title).toBeLessThanOrEqual(30);
    }
  });

  it('refuse an end before the start and an unknown kind in a goal', async () => {
    const base = { orgId: w.czBranch.id, title: 'x', memberIds: [community.id] };
    const backwards = await czSecretary.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: { ...base, startsOn: `${year}-06-01`, endsOn: `${year}-01-01` },
    });
    expect(backwards.json().details[0]).toMatchObject({ path: 'endsOn', message: '结束时间不能早于开始时间' });
    const unknown = await czSecretary.inject({
      method: 'POST',
      url: '/api/partnerships',
      payload: {
        ...base,
        startsOn: `${year}-01-01`,
        endsOn: `${year}-12-31`,
        goals: [{ title: 'x', metric: 'activities', kindId: 'no_such_kind', target: 1 }],
      },
    });
    expect(unknown.json().details[0].message).toBe('没有这种活动类型');
  });
});

describe('joint meetings', () => {
  it('keep minutes, turn decisions into tasks with owners and due dates, and flag the overdue', async () => {
    const p = await agreement();
    const res = await communityPartner.inject({
      method: 'POST',
      url: `/api/partnerships/${p.id}/meetings`,
      payload: {
        heldOn: `${year}-03-01`,
        location: '社区会议室',
        attendees: '支部书记、社区书记、网格长',
        minutes: '研究上半年共建计划',
        tasks: [
          { title: '制定反诈宣传计划', ownerOrgId: w.czBranch.id, ownerName: '支部书记', dueOn: '2020-01-01' },
          { title: '摸排独居老人名单', ownerName: '网格长', dueOn: '2999-12-31' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const meeting = res.json();
    expect(meeting.tasks.map((t: { title: string; overdue: boolean }) => [t.title, t.overdue])).toEqual([
      ['制定反诈宣传计划', true],
      ['摸排独居老人名单', false],
    ]);
    const done = (
      await czSecretary.inject({ method: 'POST', url: `/api/partnerships/${p.id}/tasks/${meeting.tasks[0].id}`, payload: { done: true } })
    ).json();
    expect(done.tasks[0]).toMatchObject({ done: true, overdue: false });
    expect((await cfSecretary.inject({ method: 'GET', url: `/api/partnerships/${p.id}/meetings` })).statusCode).toBe(404);
    expect(
      (await cfSecretary.inject({ method: 'POST', url: `/api/partnerships/${p.id}/tasks/${meeting.tasks[1].id}`, payload: { done: true } }))
        .statusCode,
    ).toBe(404);
  });
});
