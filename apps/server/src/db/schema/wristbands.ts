import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './auth.js';
import { careRecipients } from './care.js';
import { orgs } from './orgs.js';

/** A print run of anti-lost wristband codes (防走失黄手环), handed out by one organisation. */
export const wristbandBatches = pgTable('wristband_batches', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id, { onDelete: 'restrict' }),
  label: text('label').notNull(),
  size: integer('size').notNull(),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One wristband. The code is random (not derived from anything about the wearer) and long enough that guessing
 * fails; it carries no personal data, so it is stored as is and can be printed again.
 */
export const wristbands = pgTable(
  'wristbands',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => wristbandBatches.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    /** unbound → bound → lost | retired; a lost band still alerts the family, a retired one never again. */
    status: text('status').notNull().default('unbound'),
    recipientId: uuid('recipient_id').references(() => careRecipients.id, { onDelete: 'set null' }),
    boundAt: timestamp('bound_at', { withTimezone: true }),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('wristbands_batch').on(t.batchId),
    index('wristbands_recipient').on(t.recipientId),
    index('wristbands_org_status').on(t.orgId, t.status),
    check('wristbands_bound_has_recipient', sql`${t.status} <> 'bound' or ${t.recipientId} is not null`),
  ],
);

/**
 * Every scan of a bound wristband's page, and whether the finder pressed the button. The finder's address is
 * kept only as a keyed hash (to see repeated scans), their callback number encrypted, their location as given.
 */
export const wristbandScans = pgTable(
  'wristband_scans',
  {
    id: uuid('id').primaryKey(),
    wristbandId: uuid('wristband_id')
      .notNull()
      .references(() => wristbands.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id').references(() => careRecipients.id, { onDelete: 'cascade' }),
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull().defaultNow(),
    ipHash: text('ip_hash'),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    accuracyM: integer('accuracy_m'),
    callbackPhoneEnc: text('callback_phone_enc'),
    callbackPhoneMasked: text('callback_phone_masked'),
    note: text('note'),
  },
  (t) => [index('wristband_scans_band').on(t.wristbandId, t.scannedAt), index('wristband_scans_recipient').on(t.recipientId)],
);
