import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs, timestamps } from './orgs.js';
import { persons } from './people.js';
import { accounts } from './auth.js';

/** A volunteer team of an organisation: 驿路阳光 (counter staff), 志愿者邮路 (carriers), 学雷锋 squads. */
export const volunteerTeams = pgTable(
  'volunteer_teams',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('volunteer_teams_org').on(t.orgId), uniqueIndex('volunteer_teams_org_name').on(t.orgId, t.name)],
);

/**
 * Membership over time: one row per stretch a person spent in a team. Leaving closes the stretch rather than
 * deleting it, so the team's size on any past day can be counted (the 35 → 562 chart).
 */
export const teamMemberships = pgTable(
  'team_memberships',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => volunteerTeams.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A person is in a team at most once at a time: the open stretch is unique.
    uniqueIndex('team_memberships_open')
      .on(t.teamId, t.personId)
      .where(sql`left_on is null`),
    index('team_memberships_person').on(t.personId),
    check('team_memberships_order', sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
  ],
);

/**
 * Hours a volunteer gave, from a visit, an activity or a shift; recorded once per source fact and approved
 * (or rejected) by a coordinator. Only approved hours count on a certificate.
 */
export const volunteerHours = pgTable(
  'volunteer_hours',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    source: text('source').notNull(),
    sourceId: uuid('source_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    minutes: integer('minutes').notNull(),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => accounts.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('volunteer_hours_source').on(t.source, t.sourceId),
    index('volunteer_hours_person').on(t.personId, t.startedAt),
    index('volunteer_hours_org_status').on(t.orgId, t.status),
    check('volunteer_hours_minutes', sql`${t.minutes} >= 0 and ${t.minutes} <= 1440`),
  ],
);

/**
 * A shift: check-in then check-out at a station or an activity. The open shift is unique per person, so two
 * taps of "check in" make one shift. Checking out records the hours (source `shift`).
 */
export const volunteerShifts = pgTable(
  'volunteer_shifts',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    teamId: uuid('team_id').references(() => volunteerTeams.id, { onDelete: 'set null' }),
    activityId: uuid('activity_id'),
    place: text('place'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('volunteer_shifts_open')
      .on(t.personId)
      .where(sql`checked_out_at is null`),
    index('volunteer_shifts_person').on(t.personId, t.checkedInAt),
  ],
);
