import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let admin: Client, secretary: Client;
let stationId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  [admin, secretary] = await signInAll(t.app, [w.admin.login, w.czSecretary.login], TEST_PASSWORD);
  const place = await secretary.inject({
    method: 'POST',
    url: '/api/places',
    payload: { orgId: w.czBranch.id, kind: 'red_station', name: '龙城先锋·北港支局红色驿站' },
  });
  stationId = place.json().id;
});
afterAll(() => t.close());

const catalogue = async (c: Client) =>
  (await c.inject({ method: 'GET', url: '/api/station-functions' })).json().items as {
    id: string;
    name: string;
    archived: boolean;
    stationCount: number;
  }[];
const publicNames = async () =>
  (
    (await t.app.inject({ method: 'GET', url: `/api/public/stations/${stationId}` })).json().functionGroups as {
      functions: { name: string }[];
    }[]
  )
    .flatMap((g) => g.functions)
    .map((f) => f.name);

describe('the station function catalogue', () => {
  it('admins add, rename, retire and restore a function; stations’ public pages follow', async () => {
    const add = (payload: object) => admin.inject({ method: 'POST', url: '/api/station-functions', payload });
    const created = await add({ id: 'blood_pressure', groupKey: 'service', name: '免费测血压', description: '每周三上午', sort: 160 });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ id: 'blood_pressure', archived: false, stationCount: 0 });
    // The same code again is refused beside the field, not as a bare conflict.
    const again = await add({ id: 'blood_pressure', groupKey: 'service', name: '测血压' });
    expect(again.statusCode).toBe(400);
    expect(again.json().details).toEqual([expect.objectContaining({ path: 'id', message: expect.stringContaining('编码已被使用') })]);

    const enabled = await secretary.inject({
      method: 'PATCH',
      url: `/api/stations/${stationId}`,
      payload: { functionIds: ['contact_card', 'blood_pressure'] },
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect((await catalogue(admin)).find((f) => f.id === 'blood_pressure')).toMatchObject({ stationCount: 1 });
    expect(await publicNames()).toContain('免费测血压');

    const patchFn = (who: Client, payload: object) =>
      who.inject({ method: 'PATCH', url: '/api/station-functions/blood_pressure', payload });
    const renamed = await patchFn(admin, { name: '免费测量血压' });
    expect(renamed.json()).toMatchObject({ name: '免费测量血压', stationCount: 1 });
    expect(await publicNames()).toContain('免费测量血压');

    expect((await patchFn(secretary, { name: 'x' })).statusCode).toBe(403);
    expect((await patchFn(admin, { archived: true })).json().archived).toBe(true);
    expect(await publicNames()).not.toContain('免费测量血压');
    expect((await catalogue(secretary)).map((f) => f.id)).not.toContain('blood_pressure');
    expect((await catalogue(admin)).find((f) => f.id === 'blood_pressure')).toMatchObject({ archived: true, stationCount: 1 });

    // Restored, it is back where it was enabled: retiring did not take it from the station.
    await patchFn(admin, { archived: false });
    expect(await publicNames()).toContain('免费测量血压');
  });
});
