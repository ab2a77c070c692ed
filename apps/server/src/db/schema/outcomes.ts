import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { activities } from './activities.js';
import { accounts } from './auth.js';
import { orgs, places } from './orgs.js';

/**
 * Business won through party building (党建+业务): a produce sale, group-buying orders, newspaper
 * subscriptions, merchants on QR payment, new customers. Each is tied to the activity or the station
 * where it happened; `org_id` is that activity's or place's organisation, so the subtree sums it.
 */
export const businessOutcomes = pgTable(
  'business_outcomes',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    activityId: uuid('activity_id').references(() => activities.id, { onDelete: 'restrict' }),
    placeId: uuid('place_id').references(() => places.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    product: text('product').notNull().default(''),
    /** Units sold (斤, 份, 户…) or orders, subscriptions, merchants, customers: what the kind counts. */
    quantity: integer('quantity').notNull().default(0),
    unit: text('unit').notNull().default(''),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    occurredOn: date('occurred_on').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('business_outcomes_org_day').on(t.orgId, t.occurredOn),
    check('business_outcomes_where', sql`${t.activityId} is not null or ${t.placeId} is not null`),
    check('business_outcomes_nonneg', sql`${t.quantity} >= 0 and ${t.amountFen} >= 0`),
  ],
);

/** A resident interested in a product or service: kept only with their consent, phone encrypted. */
export const businessLeads = pgTable(
  'business_leads',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    activityId: uuid('activity_id').references(() => activities.id, { onDelete: 'restrict' }),
    placeId: uuid('place_id').references(() => places.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    phoneBidx: text('phone_bidx').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    interest: text('interest').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('business_leads_org').on(t.orgId, t.createdAt),
    check('business_leads_where', sql`${t.activityId} is not null or ${t.placeId} is not null`),
  ],
);
