import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { activities, activityKinds } from './activities.js';
import { orgs, timestamps } from './orgs.js';

/** A pairing agreement (结对共建) between two or more organisations for a period. */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey(),
    /** The organisation that keeps the agreement; members see it too. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    signedOn: date('signed_on'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** The agreement this one renews, so that a pairing's history reads as one line. */
    renewedFromId: uuid('renewed_from_id').references((): any => partnerships.id, { onDelete: 'restrict' }),
    /** The signed agreement as scanned or sent (PDF or photo), kept in the file store. */
    agreementFileKey: text('agreement_file_key'),
    agreementFileName: text('agreement_file_name'),
    agreementFileType: text('agreement_file_type'),
    agreementFileBytes: integer('agreement_file_bytes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  // An agreement is renewed once; its renewal is the next period.
  (t) => [index('partnerships_org').on(t.orgId), uniqueIndex('partnerships_renewed_once').on(t.renewedFromId)],
);

export const partnershipMembers = pgTable(
  'partnership_members',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.orgId] }), index('partnership_members_org').on(t.orgId)],
);

/**
 * A measurable goal. Progress is never typed: it is computed from the linked records
 * (`metric` says how: closed activities, attendance, …; `kindId` narrows to one kind).
 */
export const partnershipGoals = pgTable('partnership_goals', {
  id: uuid('id').primaryKey(),
  partnershipId: uuid('partnership_id')
    .notNull()
    .references(() => partnerships.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  metric: text('metric').notNull(),
  kindId: text('kind_id').references(() => activityKinds.id, { onDelete: 'restrict' }),
  target: integer('target').notNull(),
  sort: integer('sort').notNull().default(0),
});

export const activityPartnerships = pgTable(
  'activity_partnerships',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.partnershipId] }), index('activity_partnerships_partnership').on(t.partnershipId)],
);

/** A joint meeting (联席会议) of a partnership, with its minutes. */
export const partnershipMeetings = pgTable(
  'partnership_meetings',
  {
    id: uuid('id').primaryKey(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    location: text('location'),
    attendees: text('attendees').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meetings_partnership').on(t.partnershipId, t.heldOn)],
);

/** A decision of a meeting, turned into a task with an owner and a due date. */
export const meetingTasks = pgTable(
  'meeting_tasks',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => partnershipMeetings.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerOrgId: uuid('owner_org_id').references(() => orgs.id, { onDelete: 'restrict' }),
    ownerName: text('owner_name').notNull(),
    dueOn: date('due_on').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [index('meeting_tasks_meeting').on(t.meetingId)],
);
