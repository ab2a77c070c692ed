import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { activities } from './activities.js';
import { accounts } from './auth.js';
import { orgs, timestamps } from './orgs.js';

/**
 * Dashboard figures, one row per organisation (where the record belongs), month (Asia/Shanghai) and metric.
 * Small enough that a province is a prefix scan over orgs.path joined to a few thousand rows.
 * Metric names: "activities", "activities:<kind>", "attendance", "attendance:<kind>", "outcome:<field>", "visits", ...
 */
export const rollupOrgMonth = pgTable(
  'rollup_org_month',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    month: date('month').notNull(),
    metric: text('metric').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month, t.metric] }), index('rollup_org_month_month').on(t.month, t.metric)],
);

/**
 * The same figures summed over each organisation's whole subtree (the org itself and everything below it),
 * so that a province or a city is one indexed lookup. Kept by applying the change of each (org, month)'s
 * own figures to all its ancestors; the rebuild derives it from rollup_org_month and orgs.path.
 */
export const rollupTreeMonth = pgTable(
  'rollup_tree_month',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    month: date('month').notNull(),
    metric: text('metric').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month, t.metric] })],
);

/**
 * (org, month) pairs whose figures changed, written by triggers in the transaction of the change.
 * No unique key on purpose: writers never wait on each other here; `tx` lets a trigger skip a pair its own
 * transaction has already marked. A flush deletes what it recomputes; rows of transactions still open stay.
 */
export const rollupDirty = pgTable(
  'rollup_dirty',
  {
    orgId: uuid('org_id').notNull(),
    month: date('month').notNull(),
    tx: bigint('tx', { mode: 'number' })
      .notNull()
      .default(sql`txid_current()`),
  },
  (t) => [index('rollup_dirty_pair').on(t.orgId, t.month, t.tx)],
);

/** A news release (新闻稿) drafted from an activity's records, edited by people, then tracked once published. */
export const pressReleases = pgTable(
  'press_releases',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    activityId: uuid('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    lead: text('lead').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('draft'),
    outlet: text('outlet'),
    publishedOn: date('published_on'),
    link: text('link'),
    /** Bumped on every edit: a save based on an older version is refused (two editors, one text). */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('press_releases_org').on(t.orgId, t.createdAt), index('press_releases_activity').on(t.activityId)],
);
