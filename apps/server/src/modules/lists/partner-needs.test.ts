import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

// 结对社区的需求: a branch secretary sees what the communities their branch is paired with asked for,
// may narrow to one of them and claim it; a community nobody paired them with stays out of sight.
let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let czSecretary: Client, cfSecretary: Client, streetPartner: Client, loneCommunity: Client;
let street: Awaited<ReturnType<typeof makeOrg>>, paired: { id: string }, pairedToo: { id: string }, unpaired: { id: string };
const need: Record<string, { id: string }> = {};

const titles = (res: { json(): { items: { title: string }[] } }) =>
  res
    .json()
    .items.map((n) => n.title)
    .sort();

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const db = t.database.db;
  const district = await makeOrg(db, 'district', null, '无锡市锡山区');
  street = await makeOrg(db, 'street', district, '东亭街道');
  paired = await makeOrg(db, 'community', street, '春合社区');
  pairedToo = await makeOrg(db, 'community', street, '东亭社区');
  unpaired = await makeOrg(db, 'community', district, '鹅湖社区');
  const sp = await makeAccount(db, [{ role: 'community_partner', orgId: street.id }]);
  const lone = await makeAccount(db, [{ role: 'community_partner', orgId: unpaired.id }]);
  const cf = await makeAccount(db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  [czSecretary, cfSecretary, streetPartner, loneCommunity] = await signInAll(
    t.app,
    [w.czSecretary.login, cf.login, sp.login, lone.login],
    TEST_PASSWORD,
  );
  const year = new Date().getUTCFullYear();
  const agreement = await czSecretary.inject({
    method: 'POST',
    url: '/api/partnerships',
    payload: { orgId: w.czBranch.id, title: '东亭结对共建', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, memberIds: [street.id] },
  });
  expect(agreement.statusCode, agreement.body).toBe(200);
  const post = async (client: Client, key: string, orgId: string, title: string) => {
    const res = await client.inject({ method: 'POST', url: '/api/needs', payload: { orgId, kind: 'need', title } });
    expect(res.statusCode, res.body).toBe(200);
    need[key] = res.json();
  };
  await post(streetPartner, 'chunhe', paired.id, '春合社区：楼道扶手松动');
  await post(streetPartner, 'dongting', pairedToo.id, '东亭社区：老人想学用智能手机');
  await post(loneCommunity, 'ehu', unpaired.id, '鹅湖社区：路灯不亮');
  await post(czSecretary, 'own', w.czBranch.id, '支部自己的需求');
});
afterAll(() => t.close());

describe('needs of partner communities', () => {
  it('a branch secretary sees the paired communities’ needs, and only those, in the partner view', async () => {
    const all = await czSecretary.inject({ method: 'GET', url: '/api/needs' });
    expect(titles(all)).toEqual(['东亭社区：老人想学用智能手机', '支部自己的需求', '春合社区：楼道扶手松动']);
    const partners = await czSecretary.inject({ method: 'GET', url: '/api/needs?partners=true' });
    expect(partners.statusCode, partners.body).toBe(200);
    expect(titles(partners)).toEqual(['东亭社区：老人想学用智能手机', '春合社区：楼道扶手松动']);
    expect(partners.json().total).toBe(2);
  });

  it('lists the paired communities with the agreement that pairs them and their open needs', async () => {
    const res = await czSecretary.inject({ method: 'GET', url: '/api/needs/partner-communities' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      {
        id: street.id,
        name: '东亭街道',
        parentName: '无锡市锡山区',
        partnerships: [{ id: expect.any(String), title: '东亭结对共建' }],
        openNeeds: 2,
      },
    ]);
    // The unpaired branch has no partners at all.
    expect((await cfSecretary.inject({ method: 'GET', url: '/api/needs/partner-communities' })).json().items).toEqual([]);
  });

  it('narrows to one paired community, and refuses a community nobody paired the branch with', async () => {
    const one = await czSecretary.inject({ method: 'GET', url: `/api/needs?partners=true&orgId=${paired.id}` });
    expect(one.statusCode, one.body).toBe(200);
    expect(titles(one)).toEqual(['春合社区：楼道扶手松动']);
    const viaStreet = await czSecretary.inject({ method: 'GET', url: `/api/needs?orgId=${street.id}` });
    expect(titles(viaStreet)).toEqual(['东亭社区：老人想学用智能手机', '春合社区：楼道扶手松动']);

    const outside = await czSecretary.inject({ method: 'GET', url: `/api/needs?partners=true&orgId=${unpaired.id}` });
    expect(outside.statusCode).toBe(404);
    expect((await czSecretary.inject({ method: 'GET', url: `/api/needs/${need.ehu!.id}` })).statusCode).toBe(404);
    expect((await czSecretary.inject({ method: 'POST', url: `/api/needs/${need.ehu!.id}/claim` })).statusCode).toBe(404);
    // Another city's branch is paired with none of them.
    expect((await cfSecretary.inject({ method: 'GET', url: `/api/needs?orgId=${paired.id}` })).statusCode).toBe(404);
    expect((await cfSecretary.inject({ method: 'GET', url: '/api/needs?partners=true' })).json().total).toBe(0);
  });

  it('a paired need can be claimed from the partner view, and its status moves', async () => {
    const claimed = await czSecretary.inject({ method: 'POST', url: `/api/needs/${need.chunhe!.id}/claim` });
    expect(claimed.statusCode, claimed.body).toBe(200);
    const open = await czSecretary.inject({ method: 'GET', url: '/api/needs?partners=true&status=open' });
    expect(titles(open)).toEqual(['东亭社区：老人想学用智能手机']);
    const counted = (await czSecretary.inject({ method: 'GET', url: '/api/needs/partner-communities' })).json();
    expect(counted.items[0].openNeeds).toBe(1);
  });

  it('the community side sees the branch as its partner, and its own needs stay out of its partner view', async () => {
    const mine = await streetPartner.inject({ method: 'GET', url: '/api/needs?partners=true' });
    expect(titles(mine)).toEqual(['支部自己的需求']);
    // A postal branch is not a community: it is not listed among the street's partner communities.
    expect((await streetPartner.inject({ method: 'GET', url: '/api/needs/partner-communities' })).json().items).toEqual([]);
    expect((await loneCommunity.inject({ method: 'GET', url: '/api/needs?partners=true' })).json().items).toEqual([]);
  });
});
