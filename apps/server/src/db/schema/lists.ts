import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './auth.js';
import { orgs, timestamps } from './orgs.js';

/**
 * The three lists (三张清单): needs the community posts (or residents order, 居民点单), resources the
 * postal side offers, and projects that match one to the other. A micro-wish (微心愿) is a need of
 * one resident, claimed and fulfilled by a member.
 */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey(),
    /** The community organisation the need belongs to. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    source: text('source').notNull(),
    /** A resident's own order: their name and phone, with consent, and a code to follow its status. */
    requesterName: text('requester_name'),
    requesterPhoneEnc: text('requester_phone_enc'),
    requesterPhoneMasked: text('requester_phone_masked'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    trackingCode: text('tracking_code').unique(),
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('needs_org_status').on(t.orgId, t.status)],
);

export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    available: boolean('available').notNull().default(true),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('resources_org').on(t.orgId)],
);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey(),
    /** The organisation that runs the project. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    needId: uuid('need_id').references(() => needs.id, { onDelete: 'restrict' }),
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    dueOn: date('due_on'),
    status: text('status').notNull().default('open'),
    claimedBy: uuid('claimed_by').references(() => accounts.id, { onDelete: 'set null' }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    outcome: text('outcome'),
    /** Fulfilment needs proof: the beneficiary's confirmation, or a note of what proves it. */
    beneficiaryConfirmed: boolean('beneficiary_confirmed').notNull().default(false),
    proofNote: text('proof_note'),
    /** A photo of the help given, as proof: the kept copy and its thumbnail in the file store. */
    proofPhotoKey: text('proof_photo_key'),
    proofThumbKey: text('proof_thumb_key'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('projects_org_status').on(t.orgId, t.status),
    // One live project per need: two members claiming the same need at once make one project.
    uniqueIndex('projects_one_per_need')
      .on(t.needId)
      .where(sql`${t.status} <> 'cancelled'`),
  ],
);
