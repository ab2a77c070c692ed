import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { places } from '../../db/schema/index.js';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

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

describe('cross-appointments', () => {
  it('are seen from the member’s unit and from the host community', async () => {
    const res = await cfSecretary.inject({
      method: 'POST',
      url: '/api/appointments',
      payload: { personId: member.id, orgId: communityOrg.id, post: '社区党支部副书记', startsOn: '2026-01-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ personName: '包海军', orgName: '银马社区', current: true });
    const hostView = (await community.inject({ method: 'GET', url: '/api/appointments' })).json();
    expect(hostView.items.map((a: { post: string }) => a.post)).toEqual(['社区党支部副书记']);
    expect((await czSecretary.inject({ method: 'GET', url: '/api/appointments' })).json().items).toEqual([]);
    const ended = (
      await cfSecretary.inject({ method: 'POST', url: `/api/appointments/${res.json().id}/end`, payload: { endsOn: '2026-03-01' } })
    ).json();
    expect(ended.current).toBe(false);
  });
});
