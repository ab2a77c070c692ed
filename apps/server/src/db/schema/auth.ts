import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';
import { persons } from './people.js';

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey(),
  login: text('login').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  personId: uuid('person_id')
    .unique()
    .references(() => persons.id, { onDelete: 'restrict' }),
  locale: text('locale').notNull().default('zh-CN'),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  mustChangePassword: integer('must_change_password').notNull().default(0),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A role granted on an organisation subtree; platform admins hold theirs on no org (everything). */
export const grants = pgTable(
  'grants',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('grants_unique').on(t.accountId, t.role, t.orgId).nullsNotDistinct(),
    check('grants_org_required', sql`${t.role} = 'platform_admin' or ${t.orgId} is not null`),
  ],
);

/** Sessions live in the database so that any instance can serve any request. The cookie holds a token; only its hash is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_account').on(t.accountId), index('sessions_expires').on(t.expiresAt)],
);

/** Failed sign-ins per client address, shared by all instances. */
export const loginFailures = pgTable(
  'login_failures',
  {
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_ip_at').on(t.ip, t.at)],
);
