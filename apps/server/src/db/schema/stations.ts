import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './auth.js';
import { orgs, places } from './orgs.js';
import { persons } from './people.js';

/**
 * The "315" catalogue of station functions (DOMAIN.md §6): 15 functions under five groups, seeded by
 * migration and editable by platform admins. A station enables the ones it runs.
 */
export const stationFunctions = pgTable('station_functions', {
  id: text('id').primaryKey(),
  groupKey: text('group_key').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  sort: integer('sort').notNull().default(0),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});

/** A red station's profile, attached to its place: positionings, head, host community and grid, public contact. */
export const stationProfiles = pgTable('station_profiles', {
  placeId: uuid('place_id')
    .primaryKey()
    .references(() => places.id, { onDelete: 'cascade' }),
  positionings: text('positionings')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  headPersonId: uuid('head_person_id').references(() => persons.id, { onDelete: 'set null' }),
  communityOrgId: uuid('community_org_id').references(() => orgs.id, { onDelete: 'set null' }),
  gridOrgId: uuid('grid_org_id').references(() => orgs.id, { onDelete: 'set null' }),
  /** The station's published counter line (a landline or service phone), printed on the contact card: not personal data. */
  contactPhone: text('contact_phone'),
  intro: text('intro').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const stationFunctionLinks = pgTable(
  'station_function_links',
  {
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
    functionId: text('function_id')
      .notNull()
      .references(() => stationFunctions.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.functionId] })],
);

/** Which services a place offers (rest stop, storage, lending, agency…); the kinds are fixed in packages/shared. */
export const serviceOfferings = pgTable(
  'service_offerings',
  {
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.kind] })],
);

/**
 * Uses of a service per place and China-time day. Taps are counted with one upsert that adds to the
 * row, so two clerks tapping at once both count.
 */
export const serviceTallies = pgTable(
  'service_tallies',
  {
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    day: date('day').notNull(),
    count: integer('count').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.kind, t.day] }), check('service_tallies_count_nonneg', sql`${t.count} >= 0`)],
);

/** Each tap, keyed by an id the phone makes: a retried tap is recognised and not counted twice. */
export const serviceTaps = pgTable(
  'service_taps',
  {
    id: uuid('id').primaryKey(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    day: date('day').notNull(),
    delta: integer('delta').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_taps_place_day').on(t.placeId, t.day)],
);

/**
 * A service given to one person: an item stored (with a claim code), a thing lent (due back), an
 * agency errand. Phone encrypted with a blind index and a masked copy; the claim code only as an HMAC.
 */
export const serviceRecords = pgTable(
  'service_records',
  {
    id: uuid('id').primaryKey(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    personName: text('person_name').notNull(),
    phoneEnc: text('phone_enc'),
    phoneBidx: text('phone_bidx'),
    phoneMasked: text('phone_masked'),
    item: text('item').notNull().default(''),
    claimCodeHash: text('claim_code_hash'),
    /** Kept encrypted so a retried submission, or the owner who forgot it, can be told the same code again. */
    claimCodeEnc: text('claim_code_enc'),
    dueOn: date('due_on'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    closedBy: uuid('closed_by').references(() => accounts.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_records_place_status').on(t.placeId, t.status, t.createdAt),
    // A claim code identifies one item still held at its station.
    uniqueIndex('service_records_live_claim_code')
      .on(t.placeId, t.claimCodeHash)
      .where(sql`${t.status} = 'stored'`),
  ],
);
