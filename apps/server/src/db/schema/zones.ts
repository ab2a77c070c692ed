import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs, places } from './orgs.js';
import { persons } from './people.js';

/** A person holding a post in another organisation for a period (a station head as the community's deputy secretary). */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'restrict' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    post: text('post').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appointments_person').on(t.personId), index('appointments_org').on(t.orgId)],
);

/**
 * A party member's responsibility zone (党员责任区): an outlet with no member of its own, covered by a
 * named member in the five roles. One current member per outlet.
 */
export const responsibilityZones = pgTable(
  'responsibility_zones',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'restrict' }),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'restrict' }),
    roles: text('roles').array().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('zones_one_current_per_place')
      .on(t.placeId)
      .where(sql`${t.endsOn} is null`),
    index('zones_person').on(t.personId),
  ],
);
