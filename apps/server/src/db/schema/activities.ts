import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './auth.js';
import { orgs, places, timestamps } from './orgs.js';

/** The taxonomy of activities; each kind names the outcome figures it records. Editable by admins. */
export const activityKinds = pgTable('activity_kinds', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  outcomeFields: jsonb('outcome_fields').notNull().default([]),
  sort: integer('sort').notNull().default(0),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});

export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    kindId: text('kind_id')
      .notNull()
      .references(() => activityKinds.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    placeId: uuid('place_id').references(() => places.id, { onDelete: 'restrict' }),
    location: text('location'),
    description: text('description').notNull().default(''),
    capacity: integer('capacity'),
    status: text('status').notNull().default('draft'),
    /** The unguessable part of the public link and QR code. */
    publicToken: text('public_token').notNull().unique(),
    /** Places taken (confirmed, or offered and not yet expired): the one number capacity is checked against. */
    takenCount: integer('taken_count').notNull().default(0),
    /**
     * People who took part without a check-in of their own: a headcount kept by hand, as at a street stand
     * or in a paper ledger brought over. An activity's attendance is this plus its sign-ups checked in
     * (attendanceOf in modules/activities): check-ins are counted where they are recorded, never copied here.
     */
    attendanceByHand: integer('attendance_by_hand').notNull().default(0),
    outcome: jsonb('outcome').notNull().default({}),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('activities_org_starts').on(t.orgId, t.startsAt),
    index('activities_starts').on(t.startsAt),
    check('activities_capacity_holds', sql`${t.capacity} is null or ${t.takenCount} <= ${t.capacity}`),
    check('activities_time_order', sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);

/** Several organisations co-organise one activity. */
export const activityOrganisers = pgTable(
  'activity_organisers',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.orgId] }), index('activity_organisers_org').on(t.orgId)],
);

export const signups = pgTable(
  'signups',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    /** The resident's own code: in their link and their check-in QR. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    phoneEnc: text('phone_enc'),
    phoneBidx: text('phone_bidx'),
    phoneMasked: text('phone_masked'),
    status: text('status').notNull(),
    walkin: boolean('walkin').notNull().default(false),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkinMethod: text('checkin_method'),
    ...timestamps,
  },
  (t) => [
    // One live sign-up per phone per activity: a retried submission finds the first one.
    uniqueIndex('signups_one_per_phone')
      .on(t.activityId, t.phoneBidx)
      .where(sql`${t.status} in ('confirmed', 'waitlisted', 'offered')`),
    index('signups_queue').on(t.activityId, t.status, t.createdAt),
  ],
);

/** Photos of an activity, resized on the server with location data stripped; the files live in the file store. */
export const activityPhotos = pgTable(
  'activity_photos',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    fileKey: text('file_key').notNull(),
    thumbKey: text('thumb_key').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    caption: text('caption'),
    uploadedBy: uuid('uploaded_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_photos_activity').on(t.activityId, t.createdAt)],
);

/**
 * What participants said (参与者心声), written down with their agreement to be quoted: the voice that
 * the ledger, reports and news releases carry beside the figures.
 */
export const activityQuotes = pgTable(
  'activity_quotes',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    /** How the speaker wants to be named: "居民王阿姨", "东亭派出所民警". */
    speaker: text('speaker').notNull(),
    text: text('text').notNull(),
    /** When the speaker agreed to be quoted; a quote is only kept with it. */
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_quotes_activity').on(t.activityId, t.createdAt)],
);
