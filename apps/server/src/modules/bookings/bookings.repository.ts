import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bookingCampaigns, bookings, bookingSlots, orgs, places } from '../../db/schema/index.js';

export type BookingRow = typeof bookings.$inferSelect;
export type CampaignRow = typeof bookingCampaigns.$inferSelect;

/** Statuses that hold a place in the slot (counted in `booked`). */
export const HOLDING = ['confirmed', 'offered', 'fulfilled'] as const;
export const LIVE = ['confirmed', 'waitlisted', 'offered', 'fulfilled'] as const;

/** One new booking in a batch: everything the statement needs, prepared (and encrypted) in the app. */
export interface BatchItem {
  campaignId: string;
  slotId: string;
  id: string;
  auditId: string;
  code: string;
  identityBidx: string;
  idempotencyKey: string | null;
  valuesEnc: string;
  nameMasked: string;
  phoneMasked: string;
}

/** What the batch statement decided for one item. */
export interface BatchOutcome {
  outcome: 'created' | 'existing' | 'full' | 'invalid';
  code: string | null;
  slotId: string | null;
  status: string | null;
  valuesEnc: string | null;
  createdAt: Date | null;
}

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

export const bookingsRepository = {
  campaignByToken(db: Executor, token: string) {
    return db.query.bookingCampaigns.findFirst({ where: eq(bookingCampaigns.publicToken, token) });
  },

  campaignById(db: Executor, id: string) {
    return db.query.bookingCampaigns.findFirst({ where: eq(bookingCampaigns.id, id) });
  },

  /** Slots with their outlet and how many wait for a place in each. */
  slotsOf(db: Executor, campaignId: string) {
    return db
      .select({
        id: bookingSlots.id,
        placeId: bookingSlots.placeId,
        placeName: places.name,
        address: places.address,
        placeOrgId: places.orgId,
        startsAt: bookingSlots.startsAt,
        endsAt: bookingSlots.endsAt,
        capacity: bookingSlots.capacity,
        booked: bookingSlots.booked,
        closedAt: bookingSlots.closedAt,
        openCapacity: bookingSlots.openCapacity,
        version: bookingSlots.version,
        waiting: sql<number>`(select count(*)::int from bookings w where w.slot_id = ${bookingSlots.id} and w.status = 'waitlisted')`,
      })
      .from(bookingSlots)
      .innerJoin(places, eq(places.id, bookingSlots.placeId))
      .where(eq(bookingSlots.campaignId, campaignId))
      .orderBy(asc(places.name), asc(bookingSlots.startsAt), asc(bookingSlots.id));
  },

  /** Slots of the campaign with room, nearest first: the same outlet before others, then the closest in time. */
  async alternatives(db: Executor, campaignId: string, slotId: string, limit = 3) {
    const result = await db.execute(sql`
      select s.id as slot_id, s.place_id, p.name as place_name, s.starts_at, s.ends_at, (s.capacity - s.booked)::int as places_left
      from booking_slots s
      join places p on p.id = s.place_id
      cross join (select place_id, starts_at from booking_slots where id = ${slotId}) asked
      where s.campaign_id = ${campaignId} and s.booked < s.capacity and s.id <> ${slotId} and s.ends_at > now()
      order by (s.place_id = asked.place_id) desc, abs(extract(epoch from (s.starts_at - asked.starts_at))), s.id
      limit ${limit}
    `);
    return rowsOf(result).map((r) => ({
      slotId: r.slot_id as string,
      placeId: r.place_id as string,
      placeName: r.place_name as string,
      startsAt: new Date(r.starts_at as string).toISOString(),
      endsAt: new Date(r.ends_at as string).toISOString(),
      placesLeft: Number(r.places_left),
    }));
  },

  /**
   * Many residents' bookings in one statement and one commit. For each item, in order: an earlier booking
   * that already answers it (same person, or same Idempotency-Key), else a new confirmed booking if its slot
   * still has room, else "full". The slots are locked in id order (SELECT … FOR UPDATE sees the latest
   * committed count), each takes at most the places it has left, and only that many bookings are inserted:
   * capacity holds across batches and processes, and the CHECK constraint backs it up. Within a batch the
   * same person twice counts once. Should another process insert the same person meanwhile, the unique
   * index aborts this statement and the caller runs it again, when it finds that booking.
   */
  async bookBatch(db: Executor, items: BatchItem[]): Promise<BatchOutcome[]> {
    const col = <K extends keyof BatchItem>(k: K) => sql.param(items.map((x) => x[k]));
    // The statement is the database function book_batch (migration 0035), planned once per connection.
    const result = await db.execute(sql`
      select * from book_batch(
        ${col('campaignId')}::uuid[], ${col('slotId')}::uuid[], ${col('id')}::uuid[], ${col('auditId')}::uuid[],
        ${col('code')}::text[], ${col('identityBidx')}::text[], ${col('idempotencyKey')}::text[],
        ${col('valuesEnc')}::text[], ${col('nameMasked')}::text[], ${col('phoneMasked')}::text[]
      )
    `);
    return rowsOf(result).map((r) => ({
      outcome: r.outcome as BatchOutcome['outcome'],
      code: (r.code as string | null) ?? null,
      slotId: (r.slot_id as string | null) ?? null,
      status: (r.status as string | null) ?? null,
      valuesEnc: (r.values_enc as string | null) ?? null,
      createdAt: r.created_at ? new Date(r.created_at as string) : null,
    }));
  },

  findByCode(db: Executor, code: string) {
    return db.query.bookings.findFirst({ where: eq(bookings.code, code) });
  },

  findLive(db: Executor, campaignId: string, identityBidx: string) {
    return db.query.bookings.findFirst({
      where: and(eq(bookings.campaignId, campaignId), eq(bookings.identityBidx, identityBidx), inArray(bookings.status, [...LIVE])),
    });
  },

  async insertIfNew(db: Executor, row: typeof bookings.$inferInsert): Promise<boolean> {
    const rows = await db.insert(bookings).values(row).onConflictDoNothing().returning({ id: bookings.id });
    return rows.length === 1;
  },

  /** One place, if there is room: the check and the increment are one statement. */
  async takePlace(db: Executor, slotId: string): Promise<boolean> {
    const rows = await db
      .update(bookingSlots)
      .set({ booked: sql`${bookingSlots.booked} + 1` })
      .where(and(eq(bookingSlots.id, slotId), sql`${bookingSlots.booked} < ${bookingSlots.capacity}`))
      .returning({ id: bookingSlots.id });
    return rows.length === 1;
  },

  /** A place given back. A closed slot stays full: its capacity falls with it (see booking_slots_closed_full). */
  releasePlace(db: Executor, slotId: string) {
    return db
      .update(bookingSlots)
      .set({
        booked: sql`${bookingSlots.booked} - 1`,
        capacity: sql`case when ${bookingSlots.closedAt} is null then ${bookingSlots.capacity} else ${bookingSlots.capacity} - 1 end`,
      })
      .where(and(eq(bookingSlots.id, slotId), sql`${bookingSlots.booked} > 0`));
  },

  /** Moves a booking between states only if it is still in one of `from`; false when someone else got there first. */
  async changeStatus(db: Executor, id: string, from: readonly string[], to: string, extra: Partial<typeof bookings.$inferInsert> = {}) {
    const rows = await db
      .update(bookings)
      .set({ status: to, updatedAt: sql`now()`, ...extra })
      .where(and(eq(bookings.id, id), inArray(bookings.status, [...from])))
      .returning({ id: bookings.id });
    return rows.length === 1;
  },

  async moveSlot(db: Executor, id: string, fromSlot: string, toSlot: string) {
    const rows = await db
      .update(bookings)
      .set({ slotId: toSlot, reminderAt: null, updatedAt: sql`now()` })
      .where(and(eq(bookings.id, id), eq(bookings.slotId, fromSlot), eq(bookings.status, 'confirmed')))
      .returning({ id: bookings.id });
    return rows.length === 1;
  },

  /** The next person waiting at a slot, locked so that two releases never offer to the same person. */
  async nextWaiting(db: Executor, slotId: string) {
    const [row] = await db
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.slotId, slotId), eq(bookings.status, 'waitlisted')))
      .orderBy(asc(bookings.createdAt), asc(bookings.id))
      .limit(1)
      .for('update', { skipLocked: true });
    return row;
  },

  expiredOffers(db: Executor, campaignId: string) {
    return db
      .select({ id: bookings.id, slotId: bookings.slotId })
      .from(bookings)
      .where(and(eq(bookings.campaignId, campaignId), eq(bookings.status, 'offered'), lte(bookings.offerExpiresAt, sql`now()`)))
      .for('update', { skipLocked: true });
  },

  async waitlistPosition(db: Executor, row: BookingRow): Promise<number> {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(bookings)
      .where(
        and(
          eq(bookings.slotId, row.slotId),
          eq(bookings.status, 'waitlisted'),
          sql`(${bookings.createdAt}, ${bookings.id}) <= (select created_at, id from bookings me where me.id = ${row.id})`,
        ),
      );
    return r?.n ?? 0;
  },

  /** The slot and outlet of a booking, with the outlet's organisation path (who may serve it at the counter). */
  async slotWithPlace(db: Executor, slotId: string) {
    const [row] = await db
      .select({
        id: bookingSlots.id,
        placeName: places.name,
        address: places.address,
        startsAt: bookingSlots.startsAt,
        endsAt: bookingSlots.endsAt,
        placeOrgPath: orgs.path,
      })
      .from(bookingSlots)
      .innerJoin(places, eq(places.id, bookingSlots.placeId))
      .innerJoin(orgs, eq(orgs.id, places.orgId))
      .where(eq(bookingSlots.id, slotId));
    return row;
  },
};
