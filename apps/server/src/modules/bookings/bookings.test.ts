import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { makeCampaign, makePlace as makeOutlet } from './campaign-fixtures.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let officer: Client, clerk: Client, otherClerk: Client, cfOfficer: Client;
let outletA: string, outletB: string;

const campaign = (slots: [string, number, number][]) => makeCampaign(officer, w.changzhou.id, slots);
const makePlace = (orgId: string, name: string) => makeOutlet(t, orgId, name);

let n = 0;
const person = () => {
  n++;
  return { notice_no: String(4300000000 + n), name: `新生${n}`, phone: `139${String(n).padStart(8, '0')}`, school: '湖南大学' };
};
const book = (token: string, slotId: string, values: Record<string, string>, headers: Record<string, string> = {}, waitlist = false) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/booking-campaigns/${token}/bookings`,
    payload: { slotId, values, consent: true, waitlist },
    headers,
    remoteAddress: `10.9.${n % 250}.${(n * 7) % 250}`,
  });

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const outletOrg = await makeOrg(t.database.db, 'branch', w.changzhou, '衡南县分公司投递党支部');
  outletA = await makePlace(outletOrg.id, '衡南县邮政营业所');
  outletB = await makePlace(w.czBranch.id, '蒸湘区邮政营业所');
  const clerkAccount = await makeAccount(t.database.db, [{ role: 'volunteer', orgId: outletOrg.id }]);
  const cf = await makeAccount(t.database.db, [{ role: 'committee_officer', orgId: w.chifeng.id }]);
  [officer, clerk, otherClerk, cfOfficer] = await signInAll(
    t.app,
    [w.czOfficer.login, clerkAccount.login, w.czVolunteer.login, cf.login],
    TEST_PASSWORD,
  );
});
afterAll(() => t.close());

describe('booking campaigns', () => {
  it('a resident books, sees places left fall, changes the slot and cancels', async () => {
    const c = await campaign([
      [outletA, 2, 48],
      [outletA, 2, 72],
    ]);
    const [s1, s2] = c.outlets[0]!.slots;
    const me = person();
    const res = await book(c.publicToken, s1!.id, me);
    expect(res.statusCode, res.body).toBe(200);
    const booking = res.json();
    expect(booking.code).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(booking).toMatchObject({ status: 'confirmed', slot: { id: s1!.id, placeName: '衡南县邮政营业所' } });
    expect(booking.values).toMatchObject({ name: expect.stringMatching(/^新\*+$/), phone: expect.stringMatching(/^139\*{4}\d{4}$/) });
    const page = (await t.app.inject({ method: 'GET', url: `/api/public/booking-campaigns/${c.publicToken}` })).json();
    expect(page.outlets[0].slots.map((s: { placesLeft: number }) => s.placesLeft)).toEqual([1, 2]);

    const moved = await t.app.inject({ method: 'POST', url: `/api/public/bookings/${booking.code}/slot`, payload: { slotId: s2!.id } });
    expect(moved.json()).toMatchObject({ status: 'confirmed', slot: { id: s2!.id } });
    const after = (await t.app.inject({ method: 'GET', url: `/api/public/booking-campaigns/${c.publicToken}` })).json();
    expect(after.outlets[0].slots.map((s: { placesLeft: number }) => s.placesLeft)).toEqual([2, 1]);

    const cancelled = await t.app.inject({ method: 'POST', url: `/api/public/bookings/${booking.code}/cancel` });
    expect(cancelled.json().status).toBe('cancelled');
    // Cancelled, the same person may book again.
    expect((await book(c.publicToken, s1!.id, me)).json().status).toBe('confirmed');
  });

  it('a retried submission answers the same booking, by key or by person', async () => {
    const c = await campaign([[outletA, 5, 48]]);
    const slot = c.outlets[0]!.slots[0]!.id;
    const me = person();
    const key = { 'idempotency-key': 'retry-key-0001' };
    const [a, b] = await Promise.all([book(c.publicToken, slot, me, key), book(c.publicToken, slot, me, key)]);
    expect(a.json().code).toBe(b.json().code);
    const again = await book(c.publicToken, slot, { ...me, notice_no: ` ${me.notice_no} ` });
    expect(again.json().code).toBe(a.json().code);
    const page = (await t.app.inject({ method: 'GET', url: `/api/public/booking-campaigns/${c.publicToken}` })).json();
    expect(page.outlets[0].slots[0].placesLeft).toBe(4);
  });

  it('one person tapping several slots at once holds one booking; others booking meanwhile are not disturbed', async () => {
    // Bookings of different slots may go in different batches at once: the person is settled by the unique index.
    const c = await campaign([
      [outletA, 5, 48],
      [outletA, 5, 72],
      [outletB, 5, 96],
    ]);
    const slots = c.outlets.flatMap((o: { slots: { id: string }[] }) => o.slots.map((s) => s.id));
    const me = person();
    const others = slots.map(() => person());
    const answers = await Promise.all([
      ...slots.map((s: string) => book(c.publicToken, s, me)),
      ...slots.map((s: string, i: number) => book(c.publicToken, s, others[i]!)),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    const mine = answers.slice(0, slots.length).map((a) => a.json().code);
    expect(new Set(mine).size).toBe(1);
    expect(new Set(answers.slice(slots.length).map((a) => a.json().code)).size).toBe(slots.length);
    const page = (await t.app.inject({ method: 'GET', url: `/api/public/booking-campaigns/${c.publicToken}` })).json();
    const left = page.outlets.flatMap((o: { slots: { placesLeft: number }[] }) => o.slots.map((s) => s.placesLeft));
    expect(left.reduce((a: number, b: number) => a + b, 0)).toBe(15 - 1 - slots.length);
  });

  it('a wrong eligibility value is refused naming the field and why, in the resident’s language', async () => {
    const c = await campaign([[outletA, 5, 48]]);
    const slot = c.outlets[0]!.slots[0]!.id;
    const res = await book(c.publicToken, slot, { ...person(), notice_no: '12345' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'values.notice_no', message: '录取通知书编号格式不正确：10 位数字' }],
    });
    const en = await book(c.publicToken, slot, { ...person(), phone: '12' }, { 'accept-language': 'en' });
    expect(en.json().details).toEqual([expect.objectContaining({ path: 'values.phone', message: expect.stringMatching(/11-digit/) })]);
    const missing = await book(c.publicToken, slot, { notice_no: '4312345678' });
    expect(missing.json().details.map((d: { message: string }) => d.message)).toEqual(['请填写姓名', '请填写手机号']);
  });

  it('a full slot answers capacity_full with the nearest slots that have room; a waiting list takes a freed place', async () => {
    const c = await campaign([
      [outletA, 1, 48],
      [outletA, 3, 50],
      [outletB, 3, 49],
    ]);
    const a = c.outlets.find((o) => o.placeId === outletA)!;
    const first = (await book(c.publicToken, a.slots[0]!.id, person())).json();
    const full = await book(c.publicToken, a.slots[0]!.id, person());
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('capacity_full');
    expect(full.json().message).toMatch(/约满/);
    expect(full.json().details.alternatives[0]).toMatchObject({ slotId: a.slots[1]!.id, placeName: '衡南县邮政营业所', placesLeft: 3 });
    expect(full.json().details.alternatives).toHaveLength(2);

    const waiting = (await book(c.publicToken, a.slots[0]!.id, person(), {}, true)).json();
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    await t.app.inject({ method: 'POST', url: `/api/public/bookings/${first.code}/cancel` });
    const offered = (await t.app.inject({ method: 'GET', url: `/api/public/bookings/${waiting.code}` })).json();
    expect(offered.status).toBe('offered');
    const accepted = await t.app.inject({ method: 'POST', url: `/api/public/bookings/${waiting.code}/accept` });
    expect(accepted.json().status).toBe('confirmed');
  });

  it('simultaneous bookings at a slot of one place: exactly one succeeds', async () => {
    const c = await campaign([
      [outletA, 1, 48],
      [outletA, 5, 60],
    ]);
    const slot = c.outlets[0]!.slots[0]!.id;
    const answers = await Promise.all(Array.from({ length: 25 }, () => book(c.publicToken, slot, person())));
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode === 409 && r.json().code === 'capacity_full')).toHaveLength(24);
    const page = (await t.app.inject({ method: 'GET', url: `/api/public/booking-campaigns/${c.publicToken}` })).json();
    expect(page.outlets[0].slots[0]).toMatchObject({ booked: 1, placesLeft: 0 });
    // Moving into a full slot is refused the same way, with the room elsewhere named.
    const other = (await book(c.publicToken, c.outlets[0]!.slots[1]!.id, person())).json();
    const move = await t.app.inject({ method: 'POST', url: `/api/public/bookings/${other.code}/slot`, payload: { slotId: slot } });
    expect(move.statusCode).toBe(409);
    expect(move.json().details.alternatives.length).toBeGreaterThan(0);
  });

  it('the outlet clerk scans the code, sees it masked and fulfils it exactly once; others cannot', async () => {
    const c = await campaign([[outletA, 5, 48]]);
    const b = (await book(c.publicToken, c.outlets[0]!.slots[0]!.id, person())).json();
    const looked = await clerk.inject({
      method: 'POST',
      url: '/api/bookings/counter/lookup',
      payload: { code: `https://x.cn/bk/${b.code}` },
    });
    expect(looked.statusCode, looked.body).toBe(200);
    expect(looked.json()).toMatchObject({ status: 'confirmed', values: { name: expect.stringMatching(/^新\*+$/) } });
    expect(looked.body).not.toContain('湖南大学');
    const fulfil = () => clerk.inject({ method: 'POST', url: '/api/bookings/counter/fulfil', payload: { code: b.code } });
    const results = (await Promise.all([fulfil(), fulfil(), fulfil()])).map((r) => r.json());
    expect(results.filter((r) => r.justFulfilled)).toHaveLength(1);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    // A clerk of another outlet, and another city: the code "does not exist" for them.
    expect((await otherClerk.inject({ method: 'POST', url: '/api/bookings/counter/lookup', payload: { code: b.code } })).statusCode).toBe(
      404,
    );
    expect((await cfOfficer.inject({ method: 'POST', url: '/api/bookings/counter/fulfil', payload: { code: b.code } })).statusCode).toBe(
      404,
    );
    expect((await cfOfficer.inject({ method: 'GET', url: `/api/booking-campaigns/${c.id}` })).statusCode).toBe(404);
    expect((await cfOfficer.inject({ method: 'GET', url: '/api/booking-campaigns' })).json().total).toBe(0);
  });

  it('exports a campaign’s bookings to Excel, and lists due reminders', async () => {
    const c = await campaign([[outletA, 5, 12]]);
    const p = person();
    await book(c.publicToken, c.outlets[0]!.slots[0]!.id, p);
    const res = await officer.inject({ method: 'GET', url: `/api/booking-campaigns/${c.id}/export.xlsx` });
    expect(res.statusCode).toBe(200);
    const book_ = new ExcelJS.Workbook();
    await book_.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = book_.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1, 6)).toEqual(['录取通知书编号', '姓名', '手机号', '录取学校', '网点']);
    expect(rows[1]!.slice(1, 6)).toEqual([p.notice_no, p.name, p.phone, '湖南大学', '衡南县邮政营业所']);
    const due = (await officer.inject({ method: 'GET', url: `/api/booking-campaigns/${c.id}/reminders` })).json();
    expect(due.items).toHaveLength(1);
    const sent = (await officer.inject({ method: 'POST', url: `/api/booking-campaigns/${c.id}/reminders` })).json();
    expect(sent.enqueued).toBe(1);
    expect((await officer.inject({ method: 'GET', url: `/api/booking-campaigns/${c.id}/reminders` })).json().items).toHaveLength(0);
  });
});
