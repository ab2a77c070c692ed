import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceRecords } from '../../db/schema/index.js';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { EDGE_NAMES, EDGES, expectOnlyInRange, rangeQuery, type Edge } from '../../test/china-days.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let clerk: Client, otherClerk: Client;
let stationId: string;
const ids = {} as Record<Edge, string>;
let otherStationRecord: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const w = await makeTwoCities(db);
  const otherBranch = await makeOrg(db, 'branch', w.changzhou, '奔牛支局党支部');
  const ck = await makeAccount(db, [{ role: 'station_head', orgId: w.czBranch.id }]);
  const other = await makeAccount(db, [{ role: 'station_head', orgId: otherBranch.id }]);
  [clerk, otherClerk] = await signInAll(t.app, [ck.login, other.login], TEST_PASSWORD);
  const mk = async (c: Client, orgId: string, name: string) => {
    const id = (await c.inject({ method: 'POST', url: '/api/places', payload: { orgId, kind: 'red_station', name } })).json().id as string;
    await c.inject({ method: 'PATCH', url: `/api/stations/${id}`, payload: { services: [{ kind: 'agency_traffic' }] } });
    return id;
  };
  stationId = await mk(clerk, w.czBranch.id, '北港驿站');
  const otherStationId = await mk(otherClerk, otherBranch.id, '奔牛驿站');
  const record = async (c: Client, placeId: string, at: string) => {
    const res = await c.inject({
      method: 'POST',
      url: `/api/stations/${placeId}/records`,
      payload: { kind: 'agency_traffic', personName: '王师傅', item: '电动车上牌' },
    });
    expect(res.statusCode, res.body).toBe(200);
    await db
      .update(serviceRecords)
      .set({ createdAt: new Date(at) })
      .where(eq(serviceRecords.id, res.json().id));
    return res.json().id as string;
  };
  for (const e of EDGE_NAMES) ids[e] = await record(clerk, stationId, EDGES[e].at);
  otherStationRecord = await record(otherClerk, otherStationId, EDGES.fromMidnight.at);
});
afterAll(() => t.close());

const records = (query: string, who = clerk) => who.inject({ method: 'GET', url: `/api/stations/${stationId}/records?${query}` });
const idsOf = (res: Awaited<ReturnType<typeof records>>) => (res.json().items as { id: string }[]).map((r) => r.id);

describe('a station’s records by the days they were made (China time)', () => {
  it('lists the records made from the first day’s midnight to the last day’s end, and none either side', async () => {
    const res = await records(rangeQuery());
    expect(res.statusCode, res.body).toBe(200);
    expect(expectOnlyInRange(ids, idsOf(res))).toEqual([]);
    expect(res.json().total).toBe(2);
    expect(idsOf(res)).not.toContain(otherStationRecord);
  });

  it('takes either end alone, and combines with the other filters', async () => {
    expect(idsOf(await records(rangeQuery({}, { from: '2025-03-13' })))).toEqual([ids.dayAfterTo, ids.midnightAfterTo]);
    expect(idsOf(await records(rangeQuery({}, { to: '2025-03-09' })))).toEqual([ids.lastMomentBeforeFrom, ids.dayBeforeFrom]);
    expect((await records(rangeQuery({ open: 'false' }))).json().total).toBe(0);
    expect((await records(rangeQuery({ open: 'true', kind: 'agency_traffic' }))).json().total).toBe(2);
  });

  it('keeps other stations’ records out of reach', async () => {
    expect((await records(rangeQuery(), otherClerk)).statusCode).toBe(404);
  });

  it('refuses an end before the start, beside the end date, in the reader’s language', async () => {
    const backwards = rangeQuery({}, { from: '2025-03-12', to: '2025-03-10' });
    const zh = await records(backwards);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().details).toEqual([expect.objectContaining({ path: 'to', message: '结束日期不能早于开始日期' })]);
    const inLocale = async (lang: string) =>
      (
        await clerk.inject({
          method: 'GET',
          url: `/api/stations/${stationId}/records?${backwards}`,
          headers: { 'accept-language': lang },
        })
      ).json().details[0].message;
    expect(await inLocale('zh-TW')).toBe('結束日期不能早於開始日期');
    expect(await inLocale('en')).toBe('The end date cannot be before the start date');
    expect((await records(rangeQuery({}, { from: '2025-02-30' }))).statusCode).toBe(400);
  });
});
