import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './auth.js';
import { orgs } from './orgs.js';
import { persons } from './people.js';

/**
 * A person the carriers look in on (志愿者邮路), living in a grid. Name, phone, address and health notes are
 * sensitive personal information: encrypted, with masked copies for lists. Withdrawing consent erases them and
 * leaves the row as an anonymous shell so that visit counts still add up.
 */
export const careRecipients = pgTable(
  'care_recipients',
  {
    id: uuid('id').primaryKey(),
    /** The grid (网格) the person lives in. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    status: text('status').notNull().default('active'),
    nameEnc: text('name_enc'),
    nameMasked: text('name_masked').notNull(),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    addressEnc: text('address_enc'),
    addressMasked: text('address_masked'),
    healthNotesEnc: text('health_notes_enc'),
    circumstances: text('circumstances').array().notNull(),
    frequency: text('frequency').notNull(),
    intervalDays: smallint('interval_days').notNull(),
    helpWanted: text('help_wanted').array().notNull(),
    /** Checklist items the family picked from the catalogue, asked at every visit beside the seven fixed ones. */
    extraItems: text('extra_items').array().notNull(),
    mainVolunteerId: uuid('main_volunteer_id').references(() => persons.id, { onDelete: 'set null' }),
    backupVolunteerId: uuid('backup_volunteer_id').references(() => persons.id, { onDelete: 'set null' }),
    /** Place on the main volunteer's round; the volunteer reorders it. */
    routePosition: integer('route_position').notNull().default(0),
    lastVisitAt: timestamp('last_visit_at', { withTimezone: true }),
    /** When the plan is overdue: last visit (or plan start) + interval + grace. The missed-visit scan reads only this. */
    missedAfter: timestamp('missed_after', { withTimezone: true }).notNull(),
    visitCount: integer('visit_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('care_recipients_org').on(t.orgId),
    index('care_recipients_main').on(t.mainVolunteerId, t.routePosition),
    index('care_recipients_backup').on(t.backupVolunteerId),
    index('care_recipients_missed')
      .on(t.missedAfter)
      .where(sql`status = 'active'`),
    check('care_recipients_interval', sql`${t.intervalDays} between 1 and 31`),
  ],
);

/** Up to three family contacts (who get reports and alerts) and trusted neighbours. */
export const careContacts = pgTable(
  'care_contacts',
  {
    id: uuid('id').primaryKey(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => careRecipients.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    position: smallint('position').notNull(),
    /** The masked name (刘**) of a family member or trusted neighbour, the name itself being in `name_enc`. */
    name: text('name').notNull(),
    nameEnc: text('name_enc'),
    relation: text('relation').notNull(),
    channel: text('channel').notNull(),
    addressEnc: text('address_enc').notNull(),
    addressMasked: text('address_masked').notNull(),
    /** What the family page and reports may show: a summary only, or the checklist answers too. */
    shares: text('shares').notNull().default('summary'),
    /** The family page's private link: the token is kept encrypted (it goes into every report), looked up by hash. */
    tokenEnc: text('token_enc'),
    tokenHash: text('token_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('care_contacts_slot').on(t.recipientId, t.kind, t.position),
    uniqueIndex('care_contacts_token').on(t.tokenHash),
    check('care_contacts_three', sql`${t.position} between 1 and 3`),
  ],
);

/**
 * Explicit consent: who gave it, when, for what, and whether a family member gave it by proxy. A recipient has at
 * most one record in force (`withdrawn_at` null, which the partial unique index holds). Amending the purposes ends
 * the record in force (its `withdrawn_at` and `superseded_at` set, `superseded_by` naming its successor) and adds a
 * new one, so every check of "the consent stands and covers X" stays `withdrawn_at is null` and the history stays.
 */
export const careConsents = pgTable(
  'care_consents',
  {
    id: uuid('id').primaryKey(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => careRecipients.id, { onDelete: 'cascade' }),
    /** Who consented, masked (王**); the name itself is in `given_by_enc` (rows from before that hold it in clear). */
    givenBy: text('given_by').notNull(),
    givenByEnc: text('given_by_enc'),
    byProxy: boolean('by_proxy').notNull(),
    proxyRelation: text('proxy_relation'),
    purposes: text('purposes').array().notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => accounts.id, { onDelete: 'set null' }),
    /** Set with `withdrawn_at` when an amendment replaced this record rather than a withdrawal ending it. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    /** The consent record that replaced this one. */
    supersededBy: uuid('superseded_by'),
  },
  (t) => [
    index('care_consents_recipient').on(t.recipientId),
    uniqueIndex('care_consents_in_force')
      .on(t.recipientId)
      .where(sql`${t.withdrawnAt} is null`),
  ],
);

/**
 * One visit. The id is made on the phone (UUIDv7) before it is ever sent, so a resend after a lost answer
 * hits the primary key and gets the first visit back instead of making a second.
 */
export const careVisits = pgTable(
  'care_visits',
  {
    id: uuid('id').primaryKey(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => careRecipients.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    volunteerId: uuid('volunteer_id').references(() => persons.id, { onDelete: 'set null' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    minutes: smallint('minutes').notNull(),
    presence: text('presence').notNull(),
    /** Answers to the checklist: { item: 'ok' | 'concern' }; erased with the person's data. */
    answers: jsonb('answers').$type<Record<string, 'ok' | 'concern'>>(),
    helpGiven: text('help_given').array().notNull(),
    noteEnc: text('note_enc'),
    concern: text('concern').notNull(),
    confirmation: text('confirmation').notNull(),
    signatureEnc: text('signature_enc'),
    /**
     * An optional photo from the visit (JPEG, 1024 px), encrypted in the row itself: it may show the inside of a
     * home, and in the row it goes wherever consent is withdrawn, data erased or a backup made.
     */
    photoEnc: text('photo_enc'),
    lateReason: text('late_reason'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('care_visits_recipient').on(t.recipientId, t.visitedAt), index('care_visits_volunteer').on(t.volunteerId, t.visitedAt)],
);

/**
 * An alert that must reach someone: raised by a worrying visit, an unreachable resident or a missed visit.
 * It has an owner from the start (the level it sits at) and ends with an outcome.
 */
export const careAlerts = pgTable(
  'care_alerts',
  {
    id: uuid('id').primaryKey(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => careRecipients.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    visitId: uuid('visit_id').references(() => careVisits.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    summary: text('summary').notNull(),
    /** For missed visits: the overdue moment this alert is about; one alert per missed period. */
    missedDueAt: timestamp('missed_due_at', { withTimezone: true }),
    status: text('status').notNull().default('open'),
    /** 0 grid leader, 1 community, 2 the volunteers' postal branch. */
    escalationLevel: smallint('escalation_level').notNull().default(0),
    escalateAt: timestamp('escalate_at', { withTimezone: true }).notNull(),
    ownerAccountId: uuid('owner_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => accounts.id, { onDelete: 'set null' }),
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('care_alerts_missed_once')
      .on(t.recipientId, t.missedDueAt)
      .where(sql`kind = 'missed_visit'`),
    uniqueIndex('care_alerts_visit_once').on(t.visitId),
    index('care_alerts_org_status').on(t.orgId, t.status, t.createdAt),
    index('care_alerts_escalate')
      .on(t.escalateAt)
      .where(sql`status = 'open'`),
  ],
);
