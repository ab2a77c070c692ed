import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';

/**
 * The notifier's outbox: a message is written in the same transaction as the fact it reports (a visit, an
 * alert, a wristband scan), then delivered by a job that retries. Nothing is lost when a gateway is down,
 * and nothing is sent for a fact that was rolled back.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey(),
    /** What the message is about, e.g. `care.visit_report`, `care.alert`, `wristband.found`. */
    kind: text('kind').notNull(),
    /** `email` (SMTP) or `webhook` (an SMS or WeChat gateway). */
    channel: text('channel').notNull(),
    /** The address (e-mail or phone), encrypted; the masked copy is what pages show. */
    recipientEnc: text('recipient_enc').notNull(),
    recipientMasked: text('recipient_masked').notNull(),
    /**
     * The recipient's name, when the caller gave one: masked (王**) for pages, and encrypted because delivery puts it
     * in clear in the e-mail's To: header and the gateway's `toName`. Rows from before names were sealed have only
     * the masked copy, and are sent without a name.
     */
    recipientNameMasked: text('recipient_name_masked'),
    recipientNameEnc: text('recipient_name_enc'),
    /**
     * The name of the person the message is about (a care recipient), kept the same way: masked for outbox readers
     * who may not reveal that person, encrypted for delivery and for those who may. Rows from before have neither.
     */
    aboutNameMasked: text('about_name_masked'),
    aboutNameEnc: text('about_name_enc'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** The organisation whose people may see the message in the outbox. */
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'set null' }),
    /** The record it concerns (e.g. a care recipient), so that deleting a person's data reaches their messages. */
    refType: text('ref_type'),
    refId: uuid('ref_id'),
    /** Optional key that makes enqueueing the same message twice a no-op. */
    dedupeKey: text('dedupe_key'),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe').on(t.dedupeKey),
    index('outbox_due')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    index('outbox_ref').on(t.refType, t.refId),
    index('outbox_org_created').on(t.orgId, t.createdAt),
  ],
);
