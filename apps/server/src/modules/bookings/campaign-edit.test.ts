import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '@youshe/shared';
import { auditLog, bookingSlots } from '../../db/schema/index.js';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { at, book, FIELDS, makeCampaign, makePlace, slotsOf, student } from './campaign-fixtures.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let officer: Client, secondOfficer: Client, cfOfficer: Client, clerk: Client;
let outletA: string, outletB: string, chifengOutlet: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const outletOrg = await makeOrg(t.database.db, 'branch', w.changzhou, '衡南县分公司投递党支部');
  outletA = await makePlace(t, outletOrg.id, '衡南县邮政营业所');
  outletB = await makePlace(t, w.czBranch.id, '蒸湘区邮政营业所');
  chifengOutlet = await makePlace(t, w.cfBranch.id, '红山区邮政营业所');
  const second = await makeAccount(t.database.db, [{ role: 'committee_officer', orgId: w.changzhou.id }]);
  const cf = await makeAccount(t.database.db, [{ role: 'committee_officer', orgId: w.chifeng.id }]);
  const volunteer = await makeAccount(t.database.db, [{ role: 'volunteer', orgId: w.changzhou.id }]);
  [officer, secondOfficer, cfOfficer, clerk] = await signInAll(
    t.app,
    [w.czOfficer.login, second.login, cf.login, volunteer.login],
    TEST_PASSWORD,
  );
});
afterAll(() => t.close());

const campaign = (slots: [string, number, number][], options?: Parameters<typeof makeCampaign>[3]) =>
  makeCampaign(officer, w.changzhou.id, slots, options);
const edit = (who: Client, c: { id: string }, payload: object) =>
  who.inject({ method: 'PATCH', url: `/api/booking-campaigns/${c.id}`, payload });
const editSlot = (c: { id: string }, slot: { id: string; version: number }, payload: object) =>
  officer.inject({
    method: 'PATCH',
    url: `/api/booking-campaigns/${c.id}/slots/${slot.id}`,
    payload: { version: slot.version, ...payload },
  });
const load = async (c: { id: string }) =>
  (await officer.inject({ method: 'GET', url: `/api/booking-campaigns/${c.id}` })).json() as Campaign;
const publicPage = async (c: { publicToken: string }) =>
  (await t.app.inject({ method: 'GET', url: `/api/public/booking-campaigns/${c.publicToken}` })).json();

describe('editing a campaign', () => {
  it('changes title, description, period and wording; the second of two officers saving at once is told to reload', async () => {
    const c = await campaign([[outletA, 5, 48]]);
    await book(t, c.publicToken, slotsOf(c)[0]!.id, student());
    const fields = FIELDS.map((f) => (f.key === 'school' ? { ...f, label: '录取院校', hint: '写全称' } : f));
    const res = await edit(officer, c, {
      version: c.version,
      title: '新生行李免费寄递',
      description: '凭录取通知书办理',
      closesAt: at(24 * 40),
      fields,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: '新生行李免费寄递', description: '凭录取通知书办理', version: c.version + 1 });
    expect(res.json().fields[3]).toMatchObject({ label: '录取院校', hint: '写全称' });
    const page = await publicPage(c);
    expect(page).toMatchObject({ title: '新生行李免费寄递', description: '凭录取通知书办理' });
    expect(page.fields[3].label).toBe('录取院校');

    // Both loaded the new version; both save at once: one wins, the other is refused and keeps nothing.
    const v = res.json().version;
    const [a, b] = await Promise.all([
      edit(officer, c, { version: v, title: '甲的标题' }),
      edit(secondOfficer, c, { version: v, title: '乙的标题' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json()).toMatchObject({ code: 'conflict', details: [{ path: 'version', message: '内容已被他人修改，请刷新后再编辑' }] });
    const now = await load(c);
    expect(now.title).toBe(a.statusCode === 200 ? '甲的标题' : '乙的标题');
    expect(now.version).toBe(v + 1);

    expect((await edit(officer, c, { version: now.version, closesAt: at(-2) })).json().details[0]).toMatchObject({ path: 'closesAt' });
    // Another city's officer does not see the campaign at all; a counter clerk of the city may not edit it.
    expect((await edit(cfOfficer, c, { version: now.version, title: 'x' })).statusCode).toBe(404);
    expect((await edit(clerk, c, { version: now.version, title: 'x' })).statusCode).toBe(403);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audit.filter((e) => e.action === 'campaign.update')).toHaveLength(2);
  });

  it('changes any field before anyone books; once people have booked, refuses what would invalidate their bookings', async () => {
    const c = await campaign([[outletA, 5, 48]]);
    const relaxed = FIELDS.map((f) => (f.key === 'notice_no' ? { ...f, pattern: '\\d{10,16}', hint: '10–16 位数字' } : f));
    const before = await edit(officer, c, { version: c.version, fields: relaxed });
    expect(before.statusCode, before.body).toBe(200);
    await book(t, c.publicToken, slotsOf(c)[0]!.id, { ...student(), notice_no: '430000000012345' });
    const version = before.json().version as number;

    const tries: [string, object, string, string][] = [
      ['removing a field', { fields: relaxed.slice(0, 3) }, 'fields', '已有人预约，不能删除字段：已提交的预约里有这一项的内容'],
      [
        'changing a kind',
        { fields: relaxed.map((f) => (f.key === 'school' ? { ...f, kind: 'name' } : f)) },
        'fields.3.kind',
        '已有人预约，不能更改字段类型：已提交的内容是按原类型核验和遮盖的',
      ],
      [
        'changing a pattern',
        { fields: relaxed.map((f) => (f.key === 'notice_no' ? { ...f, pattern: '\\d{10}' } : f)) },
        'fields.0.pattern',
        '已有人预约，不能更改格式规则：已提交的内容是按原规则核验的',
      ],
      [
        'making an optional field required',
        { fields: relaxed.map((f) => (f.key === 'school' ? { ...f, required: true } : f)) },
        'fields.3.required',
        '已有人预约，不能把选填改为必填：已提交的预约里可能没有这一项',
      ],
      [
        'adding a required field',
        { fields: [...relaxed, { key: 'dorm', label: '宿舍', kind: 'text', required: true }] },
        'fields.4.required',
        '已有人预约，新增的字段只能是选填：已提交的预约里没有这一项',
      ],
      [
        'changing the identity field',
        { identityField: 'phone' },
        'identityField',
        '已有人预约，不能更换识别身份的字段：“每人限约一次”是按它判断的',
      ],
    ];
    for (const [what, change, path, message] of tries) {
      const res = await edit(officer, c, { version, ...change });
      expect(res.statusCode, what).toBe(400);
      expect(res.json().details, what).toEqual([expect.objectContaining({ path, message })]);
    }
    const en = await officer.inject({
      method: 'PATCH',
      url: `/api/booking-campaigns/${c.id}`,
      payload: { version, identityField: 'phone' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().details[0].message).toMatch(/identity field cannot change/);
    expect((await load(c)).version).toBe(version);

    // Rewording, making a field optional and adding an optional one are fine.
    const kind = relaxed.map((f) => (f.key === 'name' ? { ...f, label: '学生姓名', required: false } : f));
    const ok = await edit(officer, c, { version, fields: [...kind, { key: 'dorm', label: '宿舍', kind: 'text', required: false }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().fields.map((f: { label: string }) => f.label)).toEqual(['录取通知书编号', '学生姓名', '手机号', '录取学校', '宿舍']);
    // The same student still counts once under the unchanged identity field.
    const again = await book(t, c.publicToken, slotsOf(c)[0]!.id, { ...student(), notice_no: '430000000012345' });
    expect(again.json().values.dorm).toBeUndefined();
    expect((await publicPage(c)).outlets[0].slots[0].placesLeft).toBe(4);
  });

  it('adds slots at an outlet it has and at a new one within its organisation, not outside', async () => {
    const c = await campaign([[outletA, 5, 48]]);
    const add = (outlets: object[]) =>
      officer.inject({ method: 'POST', url: `/api/booking-campaigns/${c.id}/slots`, payload: { outlets } });
    const res = await add([
      { placeId: outletA, slots: [{ startsAt: at(72), endsAt: at(73), capacity: 3 }] },
      { placeId: outletB, slots: [{ startsAt: at(50), endsAt: at(51), capacity: 4 }] },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().capacity).toBe(12);
    expect(res.json().outlets.map((o: { name: string; slots: unknown[] }) => [o.name, o.slots.length])).toEqual([
      ['蒸湘区邮政营业所', 1],
      ['衡南县邮政营业所', 2],
    ]);
    const page = await publicPage(c);
    const newSlot = page.outlets.find((o: { placeId: string }) => o.placeId === outletB).slots[0];
    expect(newSlot.placesLeft).toBe(4);
    expect((await book(t, c.publicToken, newSlot.id, student())).json()).toMatchObject({ status: 'confirmed', slot: { id: newSlot.id } });

    const outside = await add([{ placeId: chifengOutlet, slots: [{ startsAt: at(50), endsAt: at(51), capacity: 4 }] }]);
    expect(outside.json().details[0]).toMatchObject({ path: 'outlets', message: '网点必须属于本单位或其下级单位' });
    const backwards = await add([{ placeId: outletA, slots: [{ startsAt: at(50), endsAt: at(49), capacity: 4 }] }]);
    expect(backwards.json().details[0].path).toBe('outlets.0.slots.0.endsAt');
  });

  it('changes a slot’s capacity, never below what is booked; more room goes first to those waiting', async () => {
    const c = await campaign([
      [outletA, 3, 48],
      [outletA, 3, 72],
    ]);
    const slot = slotsOf(c)[0]!;
    for (let i = 0; i < 3; i++) expect((await book(t, c.publicToken, slot.id, student())).statusCode).toBe(200);
    const waiting = (await book(t, c.publicToken, slot.id, student(), true)).json();
    expect(waiting.status).toBe('waitlisted');

    const below = await editSlot(c, slot, { capacity: 2 });
    expect(below.statusCode).toBe(400);
    expect(below.json().details[0]).toMatchObject({ path: 'capacity', message: '名额不能少于这个时段已约的人数' });
    const stale = await editSlot(c, { ...slot, version: slot.version + 5 }, { capacity: 10 });
    expect(stale.statusCode).toBe(409);

    const more = await editSlot(c, slot, { capacity: 5 });
    expect(more.statusCode, more.body).toBe(200);
    expect(slotsOf(more.json())[0]).toMatchObject({ capacity: 5, booked: 4, placesLeft: 1, waiting: 0, version: slot.version + 1 });
    // The person waiting was offered the new place before anyone else could take it.
    const offered = (await t.app.inject({ method: 'GET', url: `/api/public/bookings/${waiting.code}` })).json();
    expect(offered.status).toBe('offered');
    // The database itself refuses a capacity below the places taken.
    await expect(t.database.db.update(bookingSlots).set({ capacity: 3 }).where(eq(bookingSlots.id, slot.id))).rejects.toThrow();
  });

  it('closes a slot: residents no longer see or get it, cancellations keep it closed; reopened it takes bookings again', async () => {
    const c = await campaign([
      [outletA, 4, 48],
      [outletA, 4, 72],
    ]);
    const slot = slotsOf(c)[0]!;
    const kept = (await book(t, c.publicToken, slot.id, student())).json();
    const leaving = (await book(t, c.publicToken, slot.id, student())).json();
    const closed = await editSlot(c, slot, { closed: true });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(slotsOf(closed.json())[0]).toMatchObject({ closed: true, capacity: 4, booked: 2, placesLeft: 0 });
    expect((await publicPage(c)).outlets[0].slots.map((s: { id: string }) => s.id)).not.toContain(slot.id);

    const refused = await book(t, c.publicToken, slot.id, student());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details.alternatives.map((a: { slotId: string }) => a.slotId)).toEqual([slotsOf(c)[1]!.id]);
    await t.app.inject({ method: 'POST', url: `/api/public/bookings/${leaving.code}/cancel` });
    expect((await book(t, c.publicToken, slot.id, student())).statusCode).toBe(409);
    // The resident who booked before it closed keeps the booking.
    expect((await t.app.inject({ method: 'GET', url: `/api/public/bookings/${kept.code}` })).json().status).toBe('confirmed');

    // Capacity may change while closed; reopened, the slot has it.
    const closedNow = slotsOf(await load(c))[0]!;
    expect(closedNow).toMatchObject({ booked: 1, capacity: 4 });
    const resized = await editSlot(c, closedNow, { capacity: 2 });
    expect(slotsOf(resized.json())[0]).toMatchObject({ closed: true, capacity: 2, placesLeft: 0 });
    const reopened = await editSlot(c, slotsOf(resized.json())[0]!, { closed: false });
    expect(slotsOf(reopened.json())[0]).toMatchObject({ closed: false, capacity: 2, booked: 1, placesLeft: 1 });
    expect((await book(t, c.publicToken, slot.id, student())).statusCode).toBe(200);
    expect((await book(t, c.publicToken, slot.id, student())).statusCode).toBe(409);
  });

  it('a capacity cut racing bookings never leaves a slot overbooked', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await campaign([[outletA, 10, 48]]);
      const slot = slotsOf(c)[0]!;
      for (let i = 0; i < 4; i++) await book(t, c.publicToken, slot.id, student());
      const [cut, ...answers] = await Promise.all([
        editSlot(c, slot, { capacity: 6 }),
        ...Array.from({ length: 12 }, () => book(t, c.publicToken, slot.id, student())),
      ]);
      const [row] = await t.database.db.select().from(bookingSlots).where(eq(bookingSlots.id, slot.id));
      const accepted = answers.filter((a) => a.statusCode === 200).length;
      expect(answers.every((a) => a.statusCode === 200 || a.json().code === 'capacity_full')).toBe(true);
      expect(row!.booked).toBe(4 + accepted);
      expect(row!.booked).toBeLessThanOrEqual(row!.capacity);
      if (cut.statusCode === 200) {
        expect(row!.capacity).toBe(6);
      } else {
        // The bookings came first: by then more than 6 were booked, and the cut was refused saying why.
        expect(cut.json().details[0].message).toBe('名额不能少于这个时段已约的人数');
        expect(row).toMatchObject({ capacity: 10, booked: 10 });
      }
    }
  });
});
