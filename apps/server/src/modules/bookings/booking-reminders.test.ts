import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '@youshe/shared';
import { openDatabase, type Database } from '../../db/client.js';
import { auditLog, outboxMessages } from '../../db/schema/index.js';
import { createTestApp, signInAll, TEST_DB, type Client, type TestApp } from '../../test/harness.js';
import { makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { createBookingReminders } from './booking-reminders.js';
import { at, book, FIELDS, makeCampaign, makePlace, slotsOf, student } from './campaign-fixtures.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let officer: Client;
let outlet: string;
/** A second server's own connection pool on PostgreSQL, as another instance would have; PGlite has only one. */
let other: Database | null = null;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const outletOrg = await makeOrg(t.database.db, 'branch', w.changzhou, '衡南县分公司投递党支部');
  outlet = await makePlace(t, outletOrg.id, '衡南县邮政营业所');
  [officer] = await signInAll(t.app, [w.czOfficer.login], TEST_PASSWORD);
  if (TEST_DB === 'postgres') {
    const name = (await t.database.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name.rows[0]!.name}`;
    other = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  }
});
afterAll(async () => {
  await other?.close();
  await t.close();
});

/** The job as an instance runs it: its own reminder sender over its own database connections. */
const instance = (database: Database) => createBookingReminders(database.db, t.services.bookings.decryptValues, t.services.notifier);

async function bookMany(c: Campaign, slotIndex: number, count: number) {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await book(t, c.publicToken, slotsOf(c)[slotIndex]!.id, student());
    expect(res.statusCode, res.body).toBe(200);
    codes.push(res.json().code);
  }
  return codes;
}

const messagesFor = async (campaignId: string) =>
  t.database.db
    .select()
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.kind, 'booking.reminder'),
        inArray(outboxMessages.refId, sql`(select id from bookings where campaign_id = ${campaignId})`),
      ),
    );

describe('booking reminders', () => {
  it('the job reminds each booking due within a day once, and leaves the rest', async () => {
    const c = await makeCampaign(officer, w.changzhou.id, [
      [outlet, 10, 12],
      [outlet, 10, 60],
    ]);
    const [soon] = await bookMany(c, 0, 3);
    await bookMany(c, 1, 2);
    const cancelled = (await bookMany(c, 0, 1))[0]!;
    await t.app.inject({ method: 'POST', url: `/api/public/bookings/${cancelled}/cancel` });
    // A campaign without a phone field has nobody to text: its officers keep the list.
    const noPhone = await makeCampaign(officer, w.changzhou.id, [[outlet, 5, 12]], { fields: FIELDS.filter((f) => f.kind !== 'phone') });
    const { phone: _none, ...withoutPhone } = student();
    expect((await book(t, noPhone.publicToken, slotsOf(noPhone)[0]!.id, withoutPhone)).statusCode).toBe(200);

    const first = await t.services.counter.remindDue();
    expect(first).toEqual({ reminded: 3, sent: 3 });
    const messages = await messagesFor(c.id);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatchObject({
      channel: 'webhook',
      status: 'pending',
      subject: '高考新生行李免费寄递 (20 kg)',
      recipientMasked: expect.stringMatching(/^139\*{4}\d{4}$/),
    });
    expect(messages[0]!.body).toMatch(
      /^您预约的「高考新生行李免费寄递 \(20 kg\)」将于 \d{4}-\d\d-\d\d \d\d:\d\d 在 衡南县邮政营业所（衡南县邮政营业所地址） 办理/,
    );
    expect(messages.map((m) => m.link)).toContain(`/bk/${soon}`);
    expect(await messagesFor(noPhone.id)).toHaveLength(0);

    // Nothing twice: not by the job again, not by the button.
    expect((await t.services.counter.remindDue()).sent).toBe(0);
    const button = (await officer.inject({ method: 'POST', url: `/api/booking-campaigns/${c.id}/reminders` })).json();
    expect(button).toMatchObject({ enqueued: 0, items: [], reminded: 3 });
    expect((await officer.inject({ method: 'GET', url: `/api/booking-campaigns/${c.id}/reminders` })).json().items).toHaveLength(0);
    const noPhoneList = (await officer.inject({ method: 'GET', url: `/api/booking-campaigns/${noPhone.id}/reminders` })).json();
    expect(noPhoneList).toMatchObject({ reminded: 0, items: [expect.objectContaining({ placeName: '衡南县邮政营业所' })] });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'booking.remind')));
    expect(audit.map((a) => a.details)).toEqual([{ count: 3, by: 'job' }]);

    // Moved to another slot within the day, the booking is reminded again, for the new time.
    const later = await officer.inject({
      method: 'POST',
      url: `/api/booking-campaigns/${c.id}/slots`,
      payload: { outlets: [{ placeId: outlet, slots: [{ startsAt: at(14), endsAt: at(15), capacity: 5 }] }] },
    });
    const newSlot = slotsOf(later.json()).find((s) => s.capacity === 5)!;
    const moved = await t.app.inject({ method: 'POST', url: `/api/public/bookings/${soon}/slot`, payload: { slotId: newSlot.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await t.services.counter.remindDue()).sent).toBe(1);
    expect(await messagesFor(c.id)).toHaveLength(4);
  });

  it('two instances running the job at the same moment remind every booking exactly once', async () => {
    const a = await makeCampaign(officer, w.changzhou.id, [
      [outlet, 40, 6],
      [outlet, 40, 20],
    ]);
    const b = await makeCampaign(officer, w.changzhou.id, [[outlet, 40, 10]]);
    await bookMany(a, 0, 15);
    await bookMany(a, 1, 10);
    await bookMany(b, 0, 15);
    const one = instance(t.database);
    const two = instance(other ?? t.database);
    // Small batches, so that the two take turns and meet on the same rows.
    const [x, y] = await Promise.all([one.runOnce(7), two.runOnce(7)]);
    expect(x.sent + y.sent).toBe(40);
    const sent = [...(await messagesFor(a.id)), ...(await messagesFor(b.id))];
    expect(sent).toHaveLength(40);
    expect(new Set(sent.map((m) => m.refId)).size).toBe(40);
    expect((await one.runOnce()).sent + (await two.runOnce()).sent).toBe(0);
  });

  it('the button and the job at once do not send a booking twice', async () => {
    const c = await makeCampaign(officer, w.changzhou.id, [[outlet, 40, 8]]);
    await bookMany(c, 0, 30);
    const [button, job] = await Promise.all([
      officer.inject({ method: 'POST', url: `/api/booking-campaigns/${c.id}/reminders` }),
      instance(other ?? t.database).runOnce(5),
    ]);
    expect(button.statusCode, button.body).toBe(200);
    const byButton = button.json().enqueued as number;
    expect(button.json().items).toHaveLength(byButton);
    // Every other campaign's due bookings were reminded by the tests before: what the job sent was this one's.
    expect(byButton + job.sent).toBe(30);
    expect(await messagesFor(c.id)).toHaveLength(30);
  });
});
