import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let secretary: Client, otherSecretary: Client, officer: Client, cfOfficer: Client, volunteer: Client;
let stationId: string, otherStationId: string, activityId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  w = await makeTwoCities(db);
  const otherBranch = await makeOrg(db, 'branch', w.changzhou, '奔牛支局党支部');
  const other = await makeAccount(db, [{ role: 'branch_secretary', orgId: otherBranch.id }]);
  const cf = await makeAccount(db, [{ role: 'committee_officer', orgId: w.chifeng.id }]);
  [secretary, otherSecretary, officer, cfOfficer, volunteer] = await signInAll(
    t.app,
    [w.czSecretary.login, other.login, w.czOfficer.login, cf.login, w.czVolunteer.login],
    TEST_PASSWORD,
  );
  const place = (c: Client, orgId: string, name: string) =>
    c.inject({ method: 'POST', url: '/api/places', payload: { orgId, kind: 'red_station', name } }).then((r) => r.json().id as string);
  stationId = await place(secretary, w.czBranch.id, '北港驿站');
  otherStationId = await place(otherSecretary, otherBranch.id, '奔牛驿站');
  const activity = await secretary.inject({
    method: 'POST',
    url: '/api/activities',
    payload: {
      orgId: w.czBranch.id,
      kindId: 'business',
      title: '西吉土豆进社区',
      startsAt: '2025-03-08T01:00:00Z',
      endsAt: '2025-03-08T04:00:00Z',
    },
  });
  activityId = activity.json().id;
});
afterAll(() => t.close());

const post = (c: Client, url: string, payload: object) => c.inject({ method: 'POST', url, payload });

describe('business outcomes (党建+业务)', () => {
  it('records a Xiji potato sale at an activity and sums it by month, quarter and year over the subtree', async () => {
    const sale = await post(secretary, '/api/outcomes', {
      activityId,
      placeId: stationId,
      kind: 'produce_sale',
      product: '西吉土豆',
      quantity: 5000,
      unit: '斤',
      amountFen: 1_250_000,
      occurredOn: '2025-03-08',
    });
    expect(sale.statusCode, sale.body).toBe(200);
    expect(sale.json()).toMatchObject({
      activityTitle: '西吉土豆进社区',
      placeName: '北港驿站',
      orgName: w.czBranch.name,
      amountFen: 1_250_000,
    });
    await post(secretary, '/api/outcomes', {
      placeId: stationId,
      kind: 'produce_sale',
      product: '西吉土豆',
      quantity: 800,
      unit: '斤',
      amountFen: 200_000,
      occurredOn: '2025-04-02',
    });
    await post(otherSecretary, '/api/outcomes', {
      placeId: otherStationId,
      kind: 'newspaper_subscription',
      quantity: 12,
      unit: '份',
      amountFen: 360_000,
      occurredOn: '2025-03-20',
    });
    await post(otherSecretary, '/api/outcomes', { placeId: otherStationId, kind: 'merchant_qr', quantity: 3, occurredOn: '2025-05-01' });

    const month = (await officer.inject({ method: 'GET', url: '/api/outcomes/summary?period=month' })).json();
    expect(month.rows).toEqual([
      { bucket: '2025-03', kind: 'newspaper_subscription', records: 1, quantity: 12, amountFen: 360_000 },
      { bucket: '2025-03', kind: 'produce_sale', records: 1, quantity: 5000, amountFen: 1_250_000 },
      { bucket: '2025-04', kind: 'produce_sale', records: 1, quantity: 800, amountFen: 200_000 },
      { bucket: '2025-05', kind: 'merchant_qr', records: 1, quantity: 3, amountFen: 0 },
    ]);
    const quarter = (await officer.inject({ method: 'GET', url: '/api/outcomes/summary?period=quarter' })).json();
    expect(quarter.rows.filter((r: { kind: string }) => r.kind === 'produce_sale')).toEqual([
      { bucket: '2025-Q1', kind: 'produce_sale', records: 1, quantity: 5000, amountFen: 1_250_000 },
      { bucket: '2025-Q2', kind: 'produce_sale', records: 1, quantity: 800, amountFen: 200_000 },
    ]);
    const year = (await secretary.inject({ method: 'GET', url: '/api/outcomes/summary?period=year' })).json();
    expect(year.totals).toEqual([{ kind: 'produce_sale', records: 2, quantity: 5800, amountFen: 1_450_000 }]);
    const narrowed = (await officer.inject({ method: 'GET', url: `/api/outcomes/summary?period=year&orgId=${w.czBranch.id}` })).json();
    expect(narrowed.totals.map((r: { kind: string }) => r.kind)).toEqual(['produce_sale']);
    expect((await cfOfficer.inject({ method: 'GET', url: '/api/outcomes/summary' })).json().rows).toEqual([]);
    expect((await cfOfficer.inject({ method: 'GET', url: `/api/outcomes/summary?orgId=${w.czBranch.id}` })).statusCode).toBe(404);
    const listed = (await officer.inject({ method: 'GET', url: '/api/outcomes?kind=produce_sale' })).json();
    expect(listed.total).toBe(2);
  });

  it('refuses outcomes with no place of origin or outside one’s reach, and changes nothing', async () => {
    const before = (await secretary.inject({ method: 'GET', url: '/api/outcomes' })).json().total;
    const nowhere = await post(secretary, '/api/outcomes', { kind: 'new_customer', quantity: 4, occurredOn: '2025-03-01' });
    expect(nowhere.json().details[0]).toMatchObject({ path: 'placeId', message: '请选择发生的活动或驿站' });
    expect(
      (await post(secretary, '/api/outcomes', { placeId: otherStationId, kind: 'new_customer', occurredOn: '2025-03-01' })).statusCode,
    ).toBe(404);
    expect(
      (await post(cfOfficer, '/api/outcomes', { placeId: stationId, kind: 'new_customer', occurredOn: '2025-03-01' })).statusCode,
    ).toBe(404);
    expect(
      (await post(volunteer, '/api/outcomes', { placeId: stationId, kind: 'new_customer', occurredOn: '2025-03-01' })).statusCode,
    ).toBe(403);
    const negative = await post(secretary, '/api/outcomes', {
      placeId: stationId,
      kind: 'group_buy',
      amountFen: -1,
      occurredOn: '2025-03-01',
    });
    expect(negative.json().details[0].path).toBe('amountFen');
    expect((await secretary.inject({ method: 'GET', url: '/api/outcomes' })).json().total).toBe(before);
  });

  it('keeps a lead only with consent, masks the phone, and audits a reveal', async () => {
    const base = { activityId, name: '刘阿姨', phone: '13655556666', interest: '想订《常州日报》' };
    const refused = await post(secretary, '/api/leads', { ...base, consent: false });
    expect(refused.json().details[0]).toMatchObject({ path: 'consent', message: '请阅读并同意个人信息使用说明' });
    const lead = await post(secretary, '/api/leads', { ...base, consent: true });
    expect(lead.json()).toMatchObject({ phoneMasked: '136****6666', activityTitle: '西吉土豆进社区' });
    expect(lead.body).not.toContain('13655556666');
    expect((await cfOfficer.inject({ method: 'GET', url: '/api/leads' })).json().total).toBe(0);
    expect((await post(otherSecretary, `/api/leads/${lead.json().id}/reveal`, {})).statusCode).toBe(404);
    expect((await post(secretary, `/api/leads/${lead.json().id}/reveal`, {})).json()).toEqual({ phone: '13655556666' });
    const res = await t.database.db.execute(
      sql`select count(*)::int n from audit_log where action = 'lead.reveal' and entity_id = ${lead.json().id}`,
    );
    expect(Number((res as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(1);
  });
});
