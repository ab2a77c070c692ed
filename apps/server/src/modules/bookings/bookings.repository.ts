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
    // Every step keeps one row per item (or reads the base tables by their indexes): the planner cannot
    // tell how many rows a WITH query holds and guesses one, so a join of two of them became a nested
    // loop that grew with the square of the batch (two thirds of a 400-booking statement's time).
    const result = await db.execute(sql`
      with input as (
        select t.*
        from unnest(${col('campaignId')}::uuid[], ${col('slotId')}::uuid[], ${col('id')}::uuid[], ${col('auditId')}::uuid[],
                    ${col('code')}::text[], ${col('identityBidx')}::text[], ${col('idempotencyKey')}::text[],
                    ${col('valuesEnc')}::text[], ${col('nameMasked')}::text[], ${col('phoneMasked')}::text[])
          with ordinality as t(campaign_id, slot_id, id, audit_id, code, bidx, idem, values_enc, name_masked, phone_masked, i)
      ),
      -- An earlier booking that answers the item: same Idempotency-Key first, else the same person's live one.
      -- Two look-ups, each by its own index (an OR of the two would scan the table for every item).
      seen as (
        select input.*, p.code as p_code, p.slot_id as p_slot_id, p.status as p_status, p.values_enc as p_values_enc,
               p.created_at as p_created_at
        from input
        left join lateral (
          (select b.code, b.slot_id, b.status, b.values_enc, b.created_at
           from bookings b where b.campaign_id = input.campaign_id and b.idempotency_key = input.idem)
          union all
          (select b.code, b.slot_id, b.status, b.values_enc, b.created_at
           from bookings b where b.campaign_id = input.campaign_id and b.identity_bidx = input.bidx
             and b.status in ('confirmed', 'waitlisted', 'offered', 'fulfilled'))
          limit 1
        ) p on true
      ),
      checked as (
        select seen.*, (seen.p_code is null and c.id is not null and s.id is not null) as ok
        from seen
        left join booking_campaigns c on c.id = seen.campaign_id
          and c.status = 'published' and now() >= c.opens_at and now() < c.closes_at
        left join booking_slots s on s.id = seen.slot_id and s.campaign_id = seen.campaign_id and s.ends_at > now()
      ),
      -- Within the batch the same person twice counts once: the first (the leader) books, the others follow it.
      led as (
        select checked.*, case when ok then min(i) filter (where ok) over (partition by campaign_id, bidx) end as leader_i
        from checked
      ),
      -- Each slot's leaders in arrival order: the first "taken" of them get a place.
      queued as (
        select led.*,
          case when i = leader_i then count(*) filter (where i = leader_i) over (partition by slot_id order by i) end as rn
        from led
      ),
      wanted as (select slot_id, count(*)::int as n from queued where i = leader_i group by slot_id),
      locked as (
        select s.id, s.booked, least(w.n, s.capacity - s.booked) as taken
        from booking_slots s join wanted w on w.slot_id = s.id
        order by s.id
        for update of s
      ),
      took as (
        update booking_slots s set booked = l.booked + l.taken
        from locked l where s.id = l.id and l.taken > 0
        returning s.id
      ),
      given as (select coalesce(jsonb_object_agg(id::text, taken), '{}'::jsonb) as by_slot from locked),
      -- Every row with its leader's code, slot, values and rank (the leader comes first among the ok rows
      -- of a person); the leader got a place if its rank is within what its slot gave.
      answered as (
        select q.*,
          first_value(code) over person as lead_code,
          first_value(slot_id) over person as lead_slot_id,
          first_value(values_enc) over person as lead_values_enc,
          first_value(rn) over person as lead_rn
        from queued q
        window person as (partition by campaign_id, bidx, ok order by i)
      ),
      placed as (
        select a.*, a.lead_rn <= coalesce((g.by_slot ->> a.lead_slot_id::text)::int, 0) as placed
        from answered a cross join given g
      ),
      created as (select * from placed where ok and i = leader_i and placed),
      ins as (
        insert into bookings (id, campaign_id, slot_id, code, identity_bidx, idempotency_key, values_enc, name_masked, phone_masked,
                              status, consent_at)
        select id, campaign_id, slot_id, code, bidx, idem, values_enc, name_masked, phone_masked, 'confirmed', now() from created
        returning id
      ),
      aud as (
        insert into audit_log (id, action, entity, entity_id, details)
        select audit_id, 'booking.create', 'booking', id::text, jsonb_build_object('campaignId', campaign_id, 'slotId', slot_id)
        from created
        returning id
      )
      -- (ins, aud and took run whether or not they are read: PostgreSQL executes every data-modifying WITH.)
      select a.i::int as i,
        case
          when a.p_code is not null then 'existing'
          when not a.ok then 'invalid'
          when not a.placed then 'full'
          when a.i = a.leader_i then 'created'
          else 'existing'
        end as outcome,
        coalesce(a.p_code, case when a.ok and a.placed then a.lead_code end) as code,
        coalesce(a.p_slot_id, case when a.ok and a.placed then a.lead_slot_id end) as slot_id,
        coalesce(a.p_status, case when a.ok and a.placed then 'confirmed' end) as status,
        coalesce(a.p_values_enc, case when a.ok and a.placed then a.lead_values_enc end) as values_enc,
        coalesce(a.p_created_at, case when a.ok and a.placed then now() end) as created_at
      from placed a
      order by a.i
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
