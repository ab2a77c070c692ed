import { uuidv7 } from '../../platform/ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { places } from '../../db/schema/index.js';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { addDays, chinaToday } from '../stations/china-day.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let cfSecretary: Client, czSecretary: Client, community: Client;
let member: { id: string }, resident: { id: string };
const outlets: string[] = [];
let communityOrg: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  communityOrg = await makeOrg(t.database.db, 'community', null, '银马社区');
  const cf = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  const cp = await makeAccount(t.database.db, [{ role: 'community_partner', orgId: communityOrg.id }]);
  [cfSecretary, czSecretary, community] = await signInAll(t.app, [cf.login, w.czSecretary.login, cp.login], TEST_PASSWORD);
  for (const [i, name] of ['新惠网点', '四家子网点', '贝子府网点'].entries()) {
    const id = uuidv7();
    outlets.push(id);
    await t.database.db.insert(places).values({ id, orgId: w.cfBranch.id, kind: 'outlet', name, hasPartyMember: i < 0 });
  }
  await t.database.db
    .insert(places)
    .values({ id: uuidv7(), orgId: w.cfBranch.id, kind: 'outlet', name: '有党员的网点', hasPartyMember: true });
  member = (
    await cfSecretary.inject({
      method: 'POST',
      url: '/api/people',
      payload: { orgId: w.cfBranch.id, name: '包海军', kinds: ['party_member'] },
    })
  ).json();
  resident = (
    await cfSecretary.inject({
      method: 'POST',
      url: '/api/people',
      payload: { orgId: w.cfBranch.id, name: '普通群众', kinds: ['resident'] },
    })
  ).json();
});
afterAll(() => t.close());

describe('responsibility zones and coverage', () => {
  it('list outlets without a member as uncovered until a member takes them on', async () => {
    const before = (await cfSecretary.inject({ method: 'GET', url: '/api/coverage' })).json();
    expect(before).toMatchObject({ outletsWithoutMember: 3, covered: 0, uncovered: 3 });
    for (const placeId of outlets.slice(0, 2)) {
      const res = await cfSecretary.inject({
        method: 'POST',
        url: '/api/zones',
        payload: { personId: member.id, placeId, startsOn: '2026-01-01' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().roles).toHaveLength(5);
    }
    const after = (await cfSecretary.inject({ method: 'GET', url: '/api/coverage' })).json();
    expect(after).toMatchObject({ outletsWithoutMember: 3, covered: 2, uncovered: 1 });
    expect(after.items.find((i: { placeName: string }) => i.placeName === '新惠网点').coveredBy).toBe('包海军');
    expect(
      (await cfSecretary.inject({ method: 'GET', url: '/api/coverage?uncoveredOnly=true' }))
        .json()
        .items.map((i: { placeName: string }) => i.placeName),
    ).toEqual(['贝子府网点']);
    expect((await czSecretary.inject({ method: 'GET', url: '/api/coverage' })).json().outletsWithoutMember).toBe(0);
  });

  it('keep one current member per outlet, and only party members', async () => {
    const taken = await cfSecretary.inject({
      method: 'POST',
      url: '/api/zones',
      payload: { personId: member.id, placeId: outlets[0], startsOn: '2026-02-01' },
    });
    expect(taken.json().details[0].message).toBe('这个网点已有党员负责，请先结束原责任区');
    const notMember = await cfSecretary.inject({
      method: 'POST',
      url: '/api/zones',
      payload: { personId: resident.id, placeId: outlets[2], startsOn: '2026-02-01' },
    });
    expect(notMember.json().details[0].message).toBe('责任区须由党员负责');
    const zone = (await cfSecretary.inject({ method: 'GET', url: `/api/zones?personId=${member.id}` })).json().items[0];
    expect(
      (await czSecretary.inject({ method: 'POST', url: `/api/zones/${zone.id}/end`, payload: { endsOn: '2026-06-30' } })).statusCode,
    ).toBe(404);
    await cfSecretary.inject({ method: 'POST', url: `/api/zones/${zone.id}/end`, payload: { endsOn: '2026-06-30' } });
    expect((await cfSecretary.inject({ method: 'GET', url: '/api/coverage' })).json().covered).toBe(1);
  });
});

describe('ending a zone from the coverage view', () => {
  it('each covered row names its zone; the end date is checked; ended zones leave the current list', async () => {
    const before = (await cfSecretary.inject({ method: 'GET', url: '/api/coverage' })).json();
    const row = before.items.find((i: { coveredBy: string | null }) => i.coveredBy);
    expect(row).toMatchObject({
      orgId: w.cfBranch.id,
      coveredBy: '包海军',
      coveredSince: '2026-01-01',
      zoneId: expect.any(String),
      editable: true,
    });
    expect(before.items.filter((i: { zoneId: string | null }) => i.zoneId === null)).toHaveLength(before.uncovered);

    const end = (endsOn: string) => cfSecretary.inject({ method: 'POST', url: `/api/zones/${row.zoneId}/end`, payload: { endsOn } });
    const future = await end(addDays(chinaToday(), 1));
    expect(future.statusCode).toBe(400);
    expect(future.json().details[0]).toMatchObject({ path: 'endsOn', message: '责任区的结束日期不能晚于今天' });
    expect((await end('2025-12-31')).json().details[0].message).toBe('结束时间不能早于开始时间');
    const ended = await end(chinaToday());
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endsOn: chinaToday(), orgName: w.cfBranch.name });

    const after = (await cfSecretary.inject({ method: 'GET', url: '/api/coverage' })).json();
    expect(after).toMatchObject({ covered: 0, uncovered: 3 });
    expect((await cfSecretary.inject({ method: 'GET', url: '/api/zones?current=true' })).json().items).toEqual([]);
    expect((await cfSecretary.inject({ method: 'GET', url: '/api/zones?current=false' })).json().items).toHaveLength(2);

    // The outlet can be taken on again at once, and shows covered.
    const again = await cfSecretary.inject({
      method: 'POST',
      url: '/api/zones',
      payload: { personId: member.id, placeId: row.placeId, roles: ['policy_speaker', 'errand_runner'], startsOn: chinaToday() },
    });
    expect(again.statusCode, again.body).toBe(200);
    const covered = (await cfSecretary.inject({ method: 'GET', url: '/api/coverage' })).json();
    expect(covered.items.find((i: { placeId: string }) => i.placeId === row.placeId)).toMatchObject({
      coveredBy: '包海军',
      coveredSince: chinaToday(),
      zoneId: again.json().id,
    });
  });
});

describe('cross-appointments', () => {
  it('are seen from the member’s unit and from the host community', async () => {
    const res = await cfSecretary.inject({
      method: 'POST',
      url: '/api/appointments',
      payload: { personId: member.id, orgId: communityOrg.id, post: '社区党支部副书记', startsOn: '2026-01-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      personName: '包海军',
      personOrgName: w.cfBranch.name,
      orgName: '银马社区',
      current: true,
      editable: true,
    });
    const hostView = (await community.inject({ method: 'GET', url: '/api/appointments' })).json();
    expect(hostView.items.map((a: { post: string }) => a.post)).toEqual(['社区党支部副书记']);
    // The host community sees who serves there, but the member's own unit keeps (and ends) the record.
    expect(hostView.items[0]).toMatchObject({ personOrgName: w.cfBranch.name, editable: false });
    expect(
      (await community.inject({ method: 'POST', url: `/api/appointments/${res.json().id}/end`, payload: { endsOn: '2026-03-01' } }))
        .statusCode,
    ).toBe(404);
    expect((await czSecretary.inject({ method: 'GET', url: '/api/appointments' })).json().items).toEqual([]);
    const ended = (
      await cfSecretary.inject({ method: 'POST', url: `/api/appointments/${res.json().id}/end`, payload: { endsOn: '2026-03-01' } })
    ).json();
    expect(ended.current).toBe(false);
  });
});
