import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './auth.js';
import { orgs, places, timestamps } from './orgs.js';

/** A booking campaign (预约活动) owned by an organisation; residents book a slot at one of its outlets. */
export const bookingCampaigns = pgTable(
  'booking_campaigns',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /**
     * The eligibility fields (BookingField[]). Once bookings exist only their wording may change (labels, hints, a
     * new optional field): every booking must still answer the same questions, checked the same way.
     */
    fields: jsonb('fields').notNull(),
    identityField: text('identity_field').notNull(),
    status: text('status').notNull().default('draft'),
    publicToken: text('public_token').notNull().unique(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    /** Bumped by every edit in the console: a save based on an older version is refused (two officers at once). */
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('booking_campaigns_org').on(t.orgId, t.createdAt), check('booking_campaigns_period', sql`${t.closesAt} > ${t.opensAt}`)],
);

/**
 * A time slot at one outlet. `booked` counts confirmed, offered and fulfilled bookings: the one number capacity holds.
 * A closed slot takes no new bookings: its `capacity` is held at `booked` (so every booking path finds it full without
 * knowing about closing) and the officer's capacity waits in `open_capacity` until it is reopened.
 */
export const bookingSlots = pgTable(
  'booking_slots',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => bookingCampaigns.id, { onDelete: 'cascade' }),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'restrict' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    openCapacity: integer('open_capacity'),
    /** Bumped by every edit of the slot in the console (capacity, closing), never by bookings. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('booking_slots_campaign').on(t.campaignId, t.startsAt),
    // The reminder job looks for slots starting within a day, across campaigns.
    index('booking_slots_starts').on(t.startsAt),
    // The last line of defence: whatever the code does, the database refuses an overbooked slot.
    check('booking_slots_capacity_holds', sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
    check('booking_slots_time_order', sql`${t.endsAt} > ${t.startsAt}`),
    // Closed means full and no fuller than it will be when reopened; open means no capacity set aside.
    check(
      'booking_slots_closed_full',
      sql`case when ${t.closedAt} is null then ${t.openCapacity} is null else ${t.capacity} = ${t.booked} and ${t.openCapacity} >= ${t.booked} end`,
    ),
  ],
);

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => bookingCampaigns.id, { onDelete: 'cascade' }),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => bookingSlots.id, { onDelete: 'restrict' }),
    /** The resident's confirmation code: long and random, in their link and QR. */
    code: text('code').notNull().unique(),
    /** HMAC of the normalised identity value (e.g. the admission notice number). */
    identityBidx: text('identity_bidx').notNull(),
    /** The client's Idempotency-Key: a retried submission finds the first booking. */
    idempotencyKey: text('idempotency_key'),
    /** Every eligibility value, as encrypted JSON; masked copies of the name and phone for lists. */
    valuesEnc: text('values_enc').notNull(),
    nameMasked: text('name_masked').notNull().default(''),
    phoneMasked: text('phone_masked').notNull().default(''),
    status: text('status').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    fulfilledBy: uuid('fulfilled_by').references(() => accounts.id, { onDelete: 'set null' }),
    reminderAt: timestamp('reminder_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // One live booking per person per campaign; a cancelled one does not stop booking again.
    uniqueIndex('bookings_one_per_person')
      .on(t.campaignId, t.identityBidx)
      .where(sql`${t.status} in ('confirmed', 'waitlisted', 'offered', 'fulfilled')`),
    uniqueIndex('bookings_idempotency').on(t.campaignId, t.idempotencyKey),
    index('bookings_slot_queue').on(t.slotId, t.status, t.createdAt),
    index('bookings_campaign_created').on(t.campaignId, t.createdAt),
  ],
);
