import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * One tree for the postal side, the community side and partner units.
 * `path` is the materialised chain of ids ("/root/child/.../self/"): a subtree is a prefix match.
 */
export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id').references((): any => orgs.id, { onDelete: 'restrict' }),
    path: text('path').notNull().unique(),
    depth: integer('depth').notNull(),
    kind: text('kind').notNull(),
    side: text('side').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    code: text('code').unique(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('orgs_path_prefix').using('btree', sql`${t.path} text_pattern_ops`),
    index('orgs_parent').on(t.parentId, t.name),
    index('orgs_name').on(t.name),
  ],
);

export const places = pgTable(
  'places',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    openingHours: text('opening_hours'),
    hasPartyMember: boolean('has_party_member').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('places_org').on(t.orgId, t.kind)],
);

export { timestamps };
