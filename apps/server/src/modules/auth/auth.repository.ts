import { and, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, grants, loginFailures, orgs, persons, sessions } from '../../db/schema/index.js';

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

  /** The live session behind a token, with its account, in one round trip. */
  async findLiveSession(db: Executor, tokenHash: string) {
    const [row] = await db
      .select({
        accountId: accounts.id,
        login: accounts.login,
        locale: accounts.locale,
        personId: accounts.personId,
        mustChangePassword: accounts.mustChangePassword,
        lastSeenAt: sessions.lastSeenAt,
        createdAt: sessions.createdAt,
      })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`), sql`${accounts.disabledAt} is null`));
    return row ?? null;
  },

  touchSession(db: Executor, tokenHash: string, expiresAt: Date) {
    return db
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt })
      .where(eq(sessions.tokenHash, tokenHash));
  },

  grantsOf(db: Executor, accountId: string) {
    return db
      .select({ role: grants.role, orgId: grants.orgId, orgPath: orgs.path, orgName: orgs.name })
      .from(grants)
      .leftJoin(orgs, eq(orgs.id, grants.orgId))
      .where(eq(grants.accountId, accountId))
      .orderBy(orgs.depth, orgs.name);
  },

  async personName(db: Executor, personId: string) {
    const [row] = await db.select({ id: persons.id, name: persons.name }).from(persons).where(eq(persons.id, personId));
    return row ?? null;
  },

  setPassword(db: Executor, accountId: string, passwordHash: string) {
    return db
      .update(accounts)
      .set({ passwordHash, mustChangePassword: 0, passwordChangedAt: sql`now()` })
      .where(eq(accounts.id, accountId));
  },
};
