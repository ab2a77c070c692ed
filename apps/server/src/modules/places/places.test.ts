import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, signInAll, type TestApp } from '../../test/harness.js';
import { makeAccount, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
type Client = Awaited<ReturnType<typeof signIn>>;
let czSecretary: Client, cfOfficer: Client, czVolunteer: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const cf = await makeAccount(t.database.db, [{ role: 'committee_officer', orgId: w.chifeng.id }]);
  [czSecretary, cfOfficer, czVolunteer] = await signInAll(t.app, [w.czSecretary.login, cf.login, w.czVolunteer.login], TEST_PASSWORD);
});
afterAll(() => t.close());

const station = {
  kind: 'red_station',
  name: '龙城先锋·南大街驿站',
  address: '常州市钟楼区南大街1号',
  lat: 31.78,
  lng: 119.95,
  openingHours: '08:00-18:00',
};

describe('places', () => {
  it('creates a red station under a branch and finds it by kind and name', async () => {
    const res = await czSecretary.inject({ method: 'POST', url: '/api/places', payload: { orgId: w.czBranch.id, ...station } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ...station, orgName: w.czBranch.name, hasPartyMember: false });
    const list = (
      await czSecretary.inject({ method: 'GET', url: `/api/places?kind=red_station&q=${encodeURIComponent('南大街')}` })
    ).json();
    expect(list.items.map((p: { name: string }) => p.name)).toEqual([station.name]);
  });

  it('lists outlets without a party member, within scope only', async () => {
    for (let i = 0; i < 3; i++) {
      await cfOfficer.inject({
        method: 'POST',
        url: '/api/places',
        payload: { orgId: w.cfBranch.id, kind: 'outlet', name: `敖汉网点${i}`, hasPartyMember: i === 0 },
      });
    }
    const without = (await cfOfficer.inject({ method: 'GET', url: '/api/places?kind=outlet&hasPartyMember=false' })).json();
    expect(without.total).toBe(2);
    const czView = (await czSecretary.inject({ method: 'GET', url: '/api/places?kind=outlet' })).json();
    expect(czView.total).toBe(0);
    const id = without.items[0].id;
    expect((await czSecretary.inject({ method: 'GET', url: `/api/places/${id}` })).statusCode).toBe(404);
    expect((await czSecretary.inject({ method: 'PATCH', url: `/api/places/${id}`, payload: { name: 'x' } })).statusCode).toBe(404);
  });

  it('refuses moving a place into another city, and refuses writes by a volunteer', async () => {
    const p = (
      await czSecretary.inject({
        method: 'POST',
        url: '/api/places',
        payload: { orgId: w.czBranch.id, kind: 'pickup_point', name: '自提点' },
      })
    ).json();
    expect((await czSecretary.inject({ method: 'PATCH', url: `/api/places/${p.id}`, payload: { orgId: w.cfBranch.id } })).statusCode).toBe(
      404,
    );
    expect((await czVolunteer.inject({ method: 'PATCH', url: `/api/places/${p.id}`, payload: { name: 'x' } })).statusCode).toBe(403);
    expect((await czVolunteer.inject({ method: 'GET', url: `/api/places/${p.id}` })).json().name).toBe('自提点');
  });

  it('archives and restores a place', async () => {
    const p = (
      await czSecretary.inject({ method: 'POST', url: '/api/places', payload: { orgId: w.czBranch.id, kind: 'village', name: '临时村' } })
    ).json();
    expect((await czSecretary.inject({ method: 'POST', url: `/api/places/${p.id}/archive` })).json().archivedAt).not.toBeNull();
    expect((await czSecretary.inject({ method: 'GET', url: '/api/places?kind=village' })).json().total).toBe(0);
    expect((await czSecretary.inject({ method: 'POST', url: `/api/places/${p.id}/restore` })).json().archivedAt).toBeNull();
  });
});
