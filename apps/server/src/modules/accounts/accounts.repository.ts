import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, grants, orgs, persons, sessions } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';
import { escapeLike } from '../../platform/sql.js';

export interface AccountFilter {
  scope: Scope;
  underPath?: string;
  q?: string;
}

/** An account is in view when one of its grants, or the person it belongs to, lies inside the scope. */
function visible(f: AccountFilter): SQL {
  const within = (path: SQL | typeof orgs.path) =>
    and(inScope(path, f.scope), f.underPath ? sql`${path} like ${f.underPath + '%'}` : undefined)!;
  return sql`(exists (select 1 from grants g join orgs o on o.id = g.org_id where g.account_id = ${accounts.id} and ${within(sql`o.path`)})
    or exists (select 1 from persons p join orgs o on o.id = p.org_id where p.id = ${accounts.personId} and ${within(sql`o.path`)})
    ${f.scope === 'all' && !f.underPath ? sql`or true` : sql``})`;
}

export const accountsRepository = {
  async list(db: Executor, f: AccountFilter, page: number, pageSize: number) {
    const where = and(visible(f), f.q ? ilike(accounts.login, `%${escapeLike(f.q)}%`) : undefined);
    const [rows, [count]] = await Promise.all([
      db
        .select({ id: accounts.id })
        .from(accounts)
        .where(where)
        .orderBy(asc(accounts.login))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(accounts)
        .where(where),
    ]);
    return { ids: rows.map((r) => r.id), total: count?.n ?? 0 };
  },

  async isVisible(db: Executor, id: string, f: AccountFilter) {
    const [row] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.id, id), visible(f)));
    return Boolean(row);
  },

  async load(db: Executor, ids: string[]) {
    if (!ids.length) return [];
    const [rows, grantRows] = await Promise.all([
      db
        .select({
          id: accounts.id,
          login: accounts.login,
          personId: accounts.personId,
          personName: persons.name,
          disabledAt: accounts.disabledAt,
          lockedUntil: accounts.lockedUntil,
          mustChangePassword: accounts.mustChangePassword,
          createdAt: accounts.createdAt,
        })
        .from(accounts)
        .leftJoin(persons, eq(persons.id, accounts.personId))
        .where(inArray(accounts.id, ids)),
      db
        .select({ id: grants.id, accountId: grants.accountId, role: grants.role, orgId: grants.orgId, orgName: orgs.name })
        .from(grants)
        .leftJoin(orgs, eq(orgs.id, grants.orgId))
        .where(inArray(grants.accountId, ids))
        .orderBy(asc(grants.createdAt)),
    ]);
    const order = new Map(ids.map((id, i) => [id, i]));
    return rows
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map((a) => ({ ...a, grants: grantRows.filter((g) => g.accountId === a.id) }));
  },

  async grant(db: Executor, id: string) {
    const [row] = await db
      .select({ id: grants.id, accountId: grants.accountId, role: grants.role, orgId: grants.orgId, orgPath: orgs.path })
      .from(grants)
      .leftJoin(orgs, eq(orgs.id, grants.orgId))
      .where(eq(grants.id, id));
    return row;
  },

  insertAccount(db: Executor, row: typeof accounts.$inferInsert) {
    return db.insert(accounts).values(row);
  },

  /** False when the account already holds this role on this org. */
  async insertGrant(db: Executor, row: typeof grants.$inferInsert): Promise<boolean> {
    const rows = await db.insert(grants).values(row).onConflictDoNothing().returning({ id: grants.id });
    return rows.length === 1;
  },

  deleteGrant(db: Executor, id: string) {
    return db.delete(grants).where(eq(grants.id, id));
  },

  update(db: Executor, id: string, patch: Partial<typeof accounts.$inferInsert>) {
    return db.update(accounts).set(patch).where(eq(accounts.id, id));
  },

  endSessions(db: Executor, accountId: string) {
    return db.delete(sessions).where(eq(sessions.accountId, accountId));
  },

  async loginTaken(db: Executor, login: string) {
    const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.login, login));
    return Boolean(row);
  },

  async personHasAccount(db: Executor, personId: string) {
    const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, personId));
    return Boolean(row);
  },
};
