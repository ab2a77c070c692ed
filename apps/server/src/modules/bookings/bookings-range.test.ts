import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, bookingSlots } from '../../db/schema/index.js';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { EDGE_NAMES, EDGES, expectOnlyInRange, rangeQuery, type Edge } from '../../test/china-days.js';
import { makeAccount, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { book, makeCampaign, makePlace, slotsOf, student } from './campaign-fixtures.js';

let t: TestApp;
let officer: Client, cfOfficer: Client;
let campaignId: string, otherCampaignId: string;
const ids = {} as Record<Edge, string>;
let otherBooking: string;

/** A booking in each slot; then each slot is moved to its edge instant (an hour long). */
beforeAll(async () => {
  t = await createTestApp();
  const w = await makeTwoCities(t.database.db);
  const cf = await makeAccount(t.database.db, [{ role: 'committee_officer', orgId: w.chifeng.id }]);
  [officer, cfOfficer] = await signInAll(t.app, [w.czOfficer.login, cf.login], TEST_PASSWORD);
  const outlet = await makePlace(t, w.czBranch.id, '蒸湘区邮政营业所');
  const bookIn = async (token: string, slotId: string, at: string) => {
    const res = await book(t, token, slotId, student());
    expect(res.statusCode, res.body).toBe(200);
    const start = new Date(at);
    await t.database.db
      .update(bookingSlots)
      .set({ startsAt: start, endsAt: new Date(start.getTime() + 3600_000) })
      .where(eq(bookingSlots.id, slotId));
    const [row] = await t.database.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.slotId, slotId));
    return row!.id;
  };
  const c = await makeCampaign(
    officer,
    w.changzhou.id,
    EDGE_NAMES.map((_, i) => [outlet, 5, 24 + i]),
  );
  campaignId = c.id;
  const slots = slotsOf(c);
  for (const [i, e] of EDGE_NAMES.entries()) ids[e] = await bookIn(c.publicToken, slots[i]!.id, EDGES[e].at);
  const other = await makeCampaign(officer, w.changzhou.id, [[outlet, 5, 30]]);
  otherCampaignId = other.id;
  otherBooking = await bookIn(other.publicToken, slotsOf(other)[0]!.id, EDGES.fromMidnight.at);
});
afterAll(() => t.close());

const list = (query: string, who = officer, id = campaignId) =>
  who.inject({ method: 'GET', url: `/api/booking-campaigns/${id}/bookings?${query}` });
const idsOf = (res: Awaited<ReturnType<typeof list>>) => (res.json().items as { id: string }[]).map((b) => b.id);

describe('a campaign’s bookings by the day of the booked slot (China time)', () => {
  it('lists the bookings whose slot starts on the days asked, boundaries included, and no other campaign’s', async () => {
    const res = await list(rangeQuery());
    expect(res.statusCode, res.body).toBe(200);
    expect(expectOnlyInRange(ids, idsOf(res))).toEqual([]);
    expect(res.json().total).toBe(2);
    expect(idsOf(res)).not.toContain(otherBooking);
    expect(idsOf(await list(rangeQuery(), officer, otherCampaignId))).toEqual([otherBooking]);
  });

  it('combines with the status filter and takes either end alone', async () => {
    expect((await list(rangeQuery({ status: 'confirmed' }))).json().total).toBe(2);
    expect((await list(rangeQuery({ status: 'cancelled' }))).json().total).toBe(0);
    expect((await list(rangeQuery({}, { from: '2025-03-10' }))).json().total).toBe(4);
    expect((await list(rangeQuery({}, { to: '2025-03-09' }))).json().total).toBe(2);
  });

  it('keeps the campaign out of reach of another city, and refuses an end before the start', async () => {
    expect((await list(rangeQuery(), cfOfficer)).statusCode).toBe(404);
    const backwards = await list(rangeQuery({}, { from: '2025-03-12', to: '2025-03-10' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().details[0]).toMatchObject({ path: 'to', message: '结束日期不能早于开始日期' });
  });
});
