import { sql } from 'drizzle-orm';
import { uuidv7 } from '../../platform/ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { chinaToday, addDays } from './china-day.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let secretary: Client, clerk: Client, otherClerk: Client, volunteer: Client;
let stationId: string, otherStationId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  w = await makeTwoCities(db);
  const otherBranch = await makeOrg(db, 'branch', w.changzhou, '奔牛支局党支部');
  const ck = await makeAccount(db, [{ role: 'station_head', orgId: w.czBranch.id }]);
  const other = await makeAccount(db, [{ role: 'station_head', orgId: otherBranch.id }]);
  [secretary, clerk, otherClerk, volunteer] = await signInAll(
    t.app,
    [w.czSecretary.login, ck.login, other.login, w.czVolunteer.login],
    TEST_PASSWORD,
  );
  const services = ['hot_water', 'charging', 'parcel_pickup', 'lend_umbrella', 'storage', 'agency_traffic'].map((kind) => ({ kind }));
  const mk = async (c: Client, orgId: string, name: string) => {
    const id = (await c.inject({ method: 'POST', url: '/api/places', payload: { orgId, kind: 'red_station', name } })).json().id;
    await c.inject({ method: 'PATCH', url: `/api/stations/${id}`, payload: { services } });
    return id as string;
  };
  stationId = await mk(secretary, w.czBranch.id, '北港驿站');
  otherStationId = await mk(otherClerk, otherBranch.id, '奔牛驿站');
});
afterAll(() => t.close());

const post = (c: Client, url: string, payload: object) => c.inject({ method: 'POST', url, payload });
const tap = (c: Client, payload: object, id = stationId) => post(c, `/api/stations/${id}/taps`, payload);
const count = async (rows: string) =>
  Number(((await t.database.db.execute(sql.raw(rows))) as unknown as { rows: { n: number }[] }).rows[0]!.n);

describe('tally: a tap per use', () => {
  it('counts every tap when two clerks tap at once', async () => {
    const taps = Array.from({ length: 30 }, (_, i) => tap(i % 2 ? clerk : volunteer, { kind: 'hot_water', delta: 1 }));
    const results = await Promise.all(taps);
    expect(results.map((r) => r.statusCode)).toEqual(Array(30).fill(200));
    const log = (await clerk.inject({ method: 'GET', url: `/api/stations/${stationId}/log` })).json();
    expect(log.day).toBe(chinaToday());
    expect(log.tallies).toEqual([{ kind: 'hot_water', count: 30 }]);
  });

  it('counts a retried tap once, undoes with -1, never below zero', async () => {
    const tapId = uuidv7();
    const first = (await tap(clerk, { kind: 'charging', delta: 1, tapId })).json();
    const again = (await tap(clerk, { kind: 'charging', delta: 1, tapId })).json();
    expect(first).toMatchObject({ count: 1, counted: true });
    expect(again).toMatchObject({ count: 1, counted: false });
    expect((await tap(clerk, { kind: 'charging', delta: -1 })).json().count).toBe(0);
    expect((await tap(clerk, { kind: 'charging', delta: -1 })).json().count).toBe(0);
  });

  it('refuses what is not a counted service, or not offered here, naming the field', async () => {
    const lend = await tap(clerk, { kind: 'lend_umbrella', delta: 1 });
    expect(lend.json().details[0]).toMatchObject({ path: 'kind', message: '这项服务需逐人登记，不能只计数' });
    const wifi = await tap(clerk, { kind: 'wifi', delta: 1 });
    expect(wifi.json().details[0]).toMatchObject({ path: 'kind', message: '本驿站没有开通这项服务' });
    expect((await tap(clerk, { kind: 'hot_water', delta: 0 })).statusCode).toBe(400);
    expect((await tap(clerk, { kind: 'hot_water', delta: 1 }, otherStationId)).statusCode).toBe(404);
  });
});

describe('records per person', () => {
  it('lends an umbrella with a due date; the phone is masked; returned once however many clerks tap', async () => {
    const noPhone = await post(clerk, `/api/stations/${stationId}/records`, {
      kind: 'lend_umbrella',
      personName: '王师傅',
      dueOn: chinaToday(),
    });
    expect(noPhone.json().details[0]).toMatchObject({ path: 'phone', message: '借用登记须留手机号，便于提醒归还' });
    const past = await post(clerk, `/api/stations/${stationId}/records`, {
      kind: 'lend_umbrella',
      personName: '王师傅',
      phone: '13912345678',
      dueOn: addDays(chinaToday(), -1),
    });
    expect(past.json().details[0].path).toBe('dueOn');
    const lent = await post(volunteer, `/api/stations/${stationId}/records`, {
      kind: 'lend_umbrella',
      personName: '王师傅',
      phone: '13912345678',
      item: '雨伞 3 号',
      dueOn: addDays(chinaToday(), 2),
    });
    expect(lent.statusCode, lent.body).toBe(200);
    expect(lent.json()).toMatchObject({ status: 'lent', phoneMasked: '139****5678', overdue: false, claimCode: null });
    expect(lent.body).not.toContain('13912345678');
    const stored = await count(`select count(*)::int n from service_records where phone_enc like '%13912345678%'`);
    expect(stored).toBe(0);
    const open = (await clerk.inject({ method: 'GET', url: `/api/stations/${stationId}/records?open=true` })).json();
    expect(open.items.map((r: { id: string }) => r.id)).toContain(lent.json().id);
    const closes = await Promise.all(
      [clerk, volunteer, secretary].map((c) => post(c, `/api/service-records/${lent.json().id}/close`, { outcome: 'returned' })),
    );
    expect(closes.map((r) => r.statusCode).sort()).toEqual([200, 400, 400]);
    expect((await post(otherClerk, `/api/service-records/${lent.json().id}/close`, { outcome: 'lost' })).statusCode).toBe(404);
  });

  it('reveals a phone to the head only, and writes the reveal to the audit log', async () => {
    const rec = (
      await post(clerk, `/api/stations/${stationId}/records`, {
        kind: 'agency_traffic',
        personName: '李阿姨',
        phone: '13800001111',
        item: '驾驶证换领',
      })
    ).json();
    expect((await post(volunteer, `/api/service-records/${rec.id}/reveal`, {})).statusCode).toBe(403);
    expect((await post(otherClerk, `/api/service-records/${rec.id}/reveal`, {})).statusCode).toBe(404);
    expect((await post(clerk, `/api/service-records/${rec.id}/reveal`, {})).json()).toEqual({ phone: '13800001111' });
    expect(await count(`select count(*)::int n from audit_log where action = 'service_record.reveal' and entity_id = '${rec.id}'`)).toBe(1);
    expect((await post(clerk, `/api/service-records/${rec.id}/close`, { outcome: 'returned' })).statusCode).toBe(400);
    expect((await post(clerk, `/api/service-records/${rec.id}/close`, { outcome: 'done' })).json().status).toBe('done');
  });
});

describe('storage and the claim code', () => {
  it('stores an item, answers the same code to a retried submission, and hands the item over once', async () => {
    const recordId = uuidv7();
    const body = { kind: 'storage', personName: '张先生', phone: '13700002222', item: '行李箱一只', recordId };
    const first = (await post(clerk, `/api/stations/${stationId}/records`, body)).json();
    expect(first.claimCode).toMatch(/^\d{6}$/);
    const again = (await post(clerk, `/api/stations/${stationId}/records`, body)).json();
    expect(again).toMatchObject({ id: recordId, claimCode: first.claimCode });
    expect(await count(`select count(*)::int n from service_records where id = '${recordId}'`)).toBe(1);

    const claimed = await post(clerk, `/api/stations/${stationId}/claims`, { code: first.claimCode });
    expect(claimed.json()).toMatchObject({ id: recordId, status: 'claimed' });
    const twice = await post(volunteer, `/api/stations/${stationId}/claims`, { code: first.claimCode });
    expect(twice.statusCode).toBe(400);
  });

  it('refuses a wrong code, a used code and another station’s code alike, in the same time, and rate-limits guessing', async () => {
    const [a, b, c] = await Promise.all(
      [0, 1, 2].map(async () =>
        signIn(t.app, (await makeAccount(t.database.db, [{ role: 'station_head', orgId: w.czBranch.id }])).login, TEST_PASSWORD),
      ),
    );
    const elsewhere = (
      await post(otherClerk, `/api/stations/${otherStationId}/records`, { kind: 'storage', personName: '赵女士', item: '雨衣' })
    ).json();
    const used = (await post(clerk, `/api/stations/${stationId}/records`, { kind: 'storage', personName: '钱先生', item: '纸箱' })).json();
    await post(clerk, `/api/stations/${stationId}/claims`, { code: used.claimCode });
    const unknown = used.claimCode === '000000' ? '000001' : '000000';

    const timed = async (client: Client, code: string) => {
      const start = performance.now();
      const res = await post(client, `/api/stations/${stationId}/claims`, { code });
      return { ms: performance.now() - start, status: res.statusCode, body: res.json() };
    };
    const samples: Record<string, { ms: number; status: number; body: unknown }[]> = { unknown: [], used: [], elsewhere: [] };
    // Interleaved, so that a slow moment of the machine falls on all three alike.
    for (let i = 0; i < 8; i++) {
      samples.unknown!.push(await timed(a!, unknown));
      samples.used!.push(await timed(b!, used.claimCode));
      samples.elsewhere!.push(await timed(c!, elsewhere.claimCode));
    }
    const bodies = new Set(Object.values(samples).flatMap((s) => s.map((x) => JSON.stringify([x.status, x.body]))));
    expect([...bodies]).toEqual([JSON.stringify([400, samples.unknown![0]!.body])]);
    expect(samples.unknown![0]!.body).toMatchObject({ details: [{ path: 'code', message: '取件码无法核验，请核对后再试' }] });
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const medians = Object.values(samples).map((s) => median(s.map((x) => x.ms)));
    expect(Math.max(...medians) - Math.min(...medians), `medians ${medians.map((m) => m.toFixed(1)).join(', ')} ms`).toBeLessThan(
      Math.max(15, Math.min(...medians)),
    );

    // Ten tries a minute per clerk; the eleventh waits.
    const burst = [];
    for (let i = 0; i < 3; i++) burst.push((await post(a!, `/api/stations/${stationId}/claims`, { code: '123456' })).statusCode);
    expect(burst.at(-1)).toBe(429);
    // The other station's item is still there for its owner.
    expect((await post(otherClerk, `/api/stations/${otherStationId}/claims`, { code: elsewhere.claimCode })).json().status).toBe('claimed');
  });
});
