import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../../platform/ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, persons } from '../../db/schema/index.js';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let secretary: Client, clerk: Client, otherClerk: Client, volunteer: Client, cfOfficer: Client, admin: Client;
let stationId: string, otherStationId: string, headId: string;
let community: Awaited<ReturnType<typeof makeOrg>>, grid: { id: string }, foreignGrid: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  w = await makeTwoCities(db);
  const otherBranch = await makeOrg(db, 'branch', w.changzhou, '奔牛支局党支部');
  const district = await makeOrg(db, 'district', null, '常州市武进区');
  const street = await makeOrg(db, 'street', district, '奔牛镇');
  community = await makeOrg(db, 'community', street, '五心苑社区');
  grid = await makeOrg(db, 'grid', community, '第一网格');
  const elsewhere = await makeOrg(db, 'community', street, '奔牛社区');
  foreignGrid = await makeOrg(db, 'grid', elsewhere, '第二网格');
  const ck = await makeAccount(db, [{ role: 'station_head', orgId: w.czBranch.id }]);
  const other = await makeAccount(db, [{ role: 'station_head', orgId: otherBranch.id }]);
  const cf = await makeAccount(db, [{ role: 'committee_officer', orgId: w.chifeng.id }]);
  [secretary, clerk, otherClerk, volunteer, cfOfficer, admin] = await signInAll(
    t.app,
    [w.czSecretary.login, ck.login, other.login, w.czVolunteer.login, cf.login, w.admin.login],
    TEST_PASSWORD,
  );
  headId = uuidv7();
  await db.insert(persons).values({ id: headId, orgId: w.czBranch.id, name: '周乃岳', kinds: ['employee', 'party_member'] });
  await db
    .insert(appointments)
    .values({ id: uuidv7(), personId: headId, orgId: community.id, post: '社区党支部副书记', startsOn: '2023-07-01' });
  const mk = async (c: Client, orgId: string, name: string) =>
    (
      await c.inject({ method: 'POST', url: '/api/places', payload: { orgId, kind: 'red_station', name, openingHours: '08:30-17:30' } })
    ).json().id;
  stationId = await mk(secretary, w.czBranch.id, '龙城先锋·北港支局红色驿站');
  otherStationId = await mk(otherClerk, otherBranch.id, '龙城先锋·奔牛支局红色驿站');
  const services = [
    { kind: 'hot_water' },
    { kind: 'charging' },
    { kind: 'lend_umbrella' },
    { kind: 'storage' },
    { kind: 'agency_traffic' },
  ];
  for (const [c, id] of [
    [secretary, stationId],
    [otherClerk, otherStationId],
  ] as const) {
    expect((await c.inject({ method: 'PATCH', url: `/api/stations/${id}`, payload: { services } })).statusCode).toBe(200);
  }
});
afterAll(() => t.close());

const patch = (c: Client, id: string, payload: object) => c.inject({ method: 'PATCH', url: `/api/stations/${id}`, payload });
const post = (c: Client, url: string, payload: object) => c.inject({ method: 'POST', url, payload });

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  return text;
}

describe('red station profile and public page', () => {
  it('keeps positionings, functions, head with cross-appointment, community and grid; the public page shows the functions', async () => {
    const res = await patch(secretary, stationId, {
      positionings: ['red_station', 'live_classroom', 'service_platform'],
      functionIds: ['outdoor_rest', 'contact_card', 'live_classroom'],
      headPersonId: headId,
      communityOrgId: community.id,
      gridOrgId: grid.id,
      contactPhone: '0519-86661234',
      openingHours: '周一至周日 08:30–17:30',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      head: { name: '周乃岳', appointments: [{ orgName: '五心苑社区', post: '社区党支部副书记' }] },
      community: { name: '五心苑社区' },
      grid: { name: '第一网格' },
      functionIds: ['contact_card', 'live_classroom', 'outdoor_rest'],
      openingHours: '周一至周日 08:30–17:30',
      canEdit: true,
    });
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/stations/${stationId}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      name: '龙城先锋·北港支局红色驿站',
      contactPhone: '0519-86661234',
      headName: '周乃岳',
      communityName: '五心苑社区',
      functionGroups: [
        { groupKey: 'resources', functions: [{ name: '便民联系卡' }] },
        { groupKey: 'education', functions: [{ name: '实境课堂' }] },
        { groupKey: 'service', functions: [{ name: '户外劳动者歇脚点' }] },
      ],
    });
    expect(pub.json().services).toContain('hot_water');
  });

  it('names the field that is wrong and changes nothing', async () => {
    const unknown = await patch(secretary, stationId, { functionIds: ['outdoor_rest', 'no_such_function'], intro: '不应保存' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0]).toMatchObject({ path: 'functionIds.1', message: '功能目录中没有这一项' });
    const wrongGrid = await patch(secretary, stationId, { gridOrgId: foreignGrid.id });
    expect(wrongGrid.json().details[0]).toMatchObject({ path: 'gridOrgId', message: '网格须在所选社区之下' });
    const phone = await patch(secretary, stationId, { contactPhone: '12345' });
    expect(phone.json().details[0].path).toBe('contactPhone');
    const now = (await secretary.inject({ method: 'GET', url: `/api/stations/${stationId}` })).json();
    expect(now.intro).toBe('');
    expect(now.grid.name).toBe('第一网格');
  });

  it('prints the contact card with its QR link, the counter line and the hours', async () => {
    const res = await clerk.inject({ method: 'GET', url: `/api/stations/${stationId}/card.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('便民联系卡');
    expect(text).toContain('龙城先锋·北港支局红色驿站');
    expect(text).toContain('0519-86661234');
    expect(text).toContain(`/station/${stationId}`);
  });

  it('keeps the fence: another station’s clerk and another city see nothing; a volunteer may log but not edit', async () => {
    for (const c of [otherClerk, cfOfficer]) {
      expect((await c.inject({ method: 'GET', url: `/api/stations/${stationId}` })).statusCode).toBe(404);
      expect((await patch(c, stationId, { intro: 'x' })).statusCode).toBe(404);
      expect((await post(c, `/api/stations/${stationId}/taps`, { kind: 'hot_water', delta: 1 })).statusCode).toBe(404);
      expect((await c.inject({ method: 'GET', url: `/api/stations/${stationId}/card.pdf` })).statusCode).toBe(404);
    }
    expect((await patch(volunteer, stationId, { intro: 'x' })).statusCode).toBe(403);
    const mine = (await otherClerk.inject({ method: 'GET', url: '/api/stations?loggable=true' })).json();
    expect(mine.items.map((s: { placeId: string }) => s.placeId)).toEqual([otherStationId]);
    const officer = (await cfOfficer.inject({ method: 'GET', url: '/api/stations' })).json();
    expect(officer.items).toEqual([]);
    // A place that is not a red station has no station page.
    const outlet = (await post(secretary, '/api/places', { orgId: w.czBranch.id, kind: 'outlet', name: '北港营业所' })).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/public/stations/${outlet.id}` })).statusCode).toBe(404);
  });

  it('lets platform admins edit the catalogue; others may only read it', async () => {
    const created = await post(admin, '/api/station-functions', {
      id: 'blood_pressure',
      groupKey: 'service',
      name: '免费测血压',
      sort: 160,
    });
    expect(created.statusCode, created.body).toBe(200);
    expect((await post(secretary, '/api/station-functions', { id: 'x_y', groupKey: 'service', name: 'x' })).statusCode).toBe(403);
    const archived = await admin.inject({ method: 'PATCH', url: '/api/station-functions/blood_pressure', payload: { archived: true } });
    expect(archived.json().archived).toBe(true);
    const seen = (await secretary.inject({ method: 'GET', url: '/api/station-functions' })).json().items;
    expect(seen).toHaveLength(15);
    expect(seen.map((f: { id: string }) => f.id)).not.toContain('blood_pressure');
  });
});

describe('the audit of station edits', () => {
  it('writes who changed a station', async () => {
    const res = await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'station.update' and entity_id = ${stationId}`,
    );
    expect(Number((res as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBeGreaterThanOrEqual(2);
  });
});
