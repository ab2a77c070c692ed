import { and, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, loginFailures, persons, sessions } from '../../db/schema/index.js';

interface GrantRow {
  role: string;
  orgId: string | null;
  orgPath: string | null;
  orgName: string | null;
}

export const authRepository = {
  findAccountByLogin(db: Executor, login: string) {
    return db.query.accounts.findFirst({ where: eq(accounts.login, login) });
  },

  findAccountById(db: Executor, id: string) {
    return db.query.accounts.findFirst({ where: eq(accounts.id, id) });
  },

  /** Counts a failure; at the threshold the account is locked and the counter starts again. */
  async recordFailure(db: Executor, accountId: string, threshold: number, lockMinutes: number) {
    const [row] = await db
      .update(accounts)
      .set({
        failedAttempts: sql`case when ${accounts.failedAttempts} + 1 >= ${threshold} then 0 else ${accounts.failedAttempts} + 1 end`,
        lockedUntil: sql`case when ${accounts.failedAttempts} + 1 >= ${threshold} then now() + make_interval(mins => ${lockMinutes}) else ${accounts.lockedUntil} end`,
      })
      .where(eq(accounts.id, accountId))
      .returning({ lockedUntil: accounts.lockedUntil });
    return row?.lockedUntil ?? null;
  },

  resetFailures(db: Executor, accountId: string) {
    return db.update(accounts).set({ failedAttempts: 0, lockedUntil: null }).where(eq(accounts.id, accountId));
  },

  recordAddressFailure(db: Executor, ip: string) {
    return db.insert(loginFailures).values({ ip });
  },

  async addressFailuresSince(db: Executor, ip: string, minutes: number): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(loginFailures)
      .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, sql`now() - make_interval(mins => ${minutes})`)));
    return row?.n ?? 0;
  },

  createSession(db: Executor, values: typeof sessions.$inferInsert) {
    return db.insert(sessions).values(values);
  },

  deleteSession(db: Executor, tokenHash: string) {
    return db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  },

  deleteOtherSessions(db: Executor, accountId: string, keepTokenHash: string) {
    return db.delete(sessions).where(and(eq(sessions.accountId, accountId), sql`${sessions.tokenHash} <> ${keepTokenHash}`));
  },

  /** The live session behind a token, with its account, person and grants: one round trip per request. */
  async findLiveSession(db: Executor, tokenHash: string) {
    const [row] = await db
      .select({
        accountId: accounts.id,
        login: accounts.login,
        locale: accounts.locale,
        personId: accounts.personId,
        personName: persons.name,
        mustChangePassword: accounts.mustChangePassword,
        lastSeenAt: sessions.lastSeenAt,
        createdAt: sessions.createdAt,
        grants: sql<
          GrantRow[]
        >`(select coalesce(json_agg(json_build_object('role', g.role, 'orgId', g.org_id, 'orgPath', o.path, 'orgName', o.name)
            order by o.depth nulls first, o.name), '[]'::json)
          from grants g left join orgs o on o.id = g.org_id where g.account_id = accounts.id)`,
      })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .leftJoin(persons, eq(persons.id, accounts.personId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`), sql`${accounts.disabledAt} is null`));
    return row ?? null;
  },

  touchSession(db: Executor, tokenHash: string, expiresAt: Date) {
    return db
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt })
      .where(eq(sessions.tokenHash, tokenHash));
  },

  setLocale(db: Executor, accountId: string, locale: string) {
    return db.update(accounts).set({ locale }).where(eq(accounts.id, accountId));
  },

  setPassword(db: Executor, accountId: string, passwordHash: string) {
    return db
      .update(accounts)
      .set({ passwordHash, mustChangePassword: 0, passwordChangedAt: sql`now()` })
      .where(eq(accounts.id, accountId));
  },
};
