import { and, asc, eq, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { accounts, orgs, persons } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';
import { escapeLike } from '../../platform/sql.js';

export interface PersonFilter {
  scope: Scope;
  underPath?: string;
  q?: string;
  phoneBidx?: string;
  kind?: string;
  includeArchived: boolean;
}

const branch = alias(orgs, 'party_branch');

const listColumns = {
  id: persons.id,
  orgId: persons.orgId,
  orgName: orgs.name,
  orgPath: orgs.path,
  name: persons.name,
  gender: persons.gender,
  kinds: persons.kinds,
  partyJoinDate: persons.partyJoinDate,
  partyBranchId: persons.partyBranchId,
  partyBranchName: branch.name,
  phoneMasked: persons.phoneMasked,
  idNumberMasked: persons.idNumberMasked,
  addressMasked: persons.addressMasked,
  accountLogin: accounts.login,
  archivedAt: persons.archivedAt,
};

function base(db: Executor, columns: typeof listColumns | { n: SQL<number> }) {
  return db
    .select(columns as typeof listColumns)
    .from(persons)
    .innerJoin(orgs, eq(orgs.id, persons.orgId))
    .leftJoin(branch, eq(branch.id, persons.partyBranchId))
    .leftJoin(accounts, eq(accounts.personId, persons.id));
}

export const peopleRepository = {
  async findById(db: Executor, id: string) {
    const [row] = await base(db, listColumns).where(eq(persons.id, id));
    return row;
  },

  /** The encrypted columns, read only to reveal one of them. */
  async secrets(db: Executor, id: string) {
    const [row] = await db
      .select({ phone: persons.phoneEnc, idNumber: persons.idNumberEnc, address: persons.addressEnc })
      .from(persons)
      .where(eq(persons.id, id));
    return row;
  },

  async list(db: Executor, f: PersonFilter, page: number, pageSize: number) {
    const where: SQL[] = [inScope(orgs.path, f.scope)];
    if (f.underPath) where.push(sql`${orgs.path} like ${f.underPath + '%'}`);
    if (f.q) where.push(ilike(persons.name, `%${escapeLike(f.q)}%`));
    if (f.phoneBidx) where.push(eq(persons.phoneBidx, f.phoneBidx));
    if (f.kind) where.push(sql`${f.kind} = any(${persons.kinds})`);
    if (!f.includeArchived) where.push(isNull(persons.archivedAt));
    const cond = and(...where);
    const [items, [count]] = await Promise.all([
      base(db, listColumns)
        .where(cond)
        .orderBy(asc(persons.name), asc(persons.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      base(db, { n: sql<number>`count(*)::int` }).where(cond) as unknown as Promise<{ n: number }[]>,
    ]);
    return { items, total: count?.n ?? 0 };
  },

  insert(db: Executor, row: typeof persons.$inferInsert) {
    return db.insert(persons).values(row);
  },

  update(db: Executor, id: string, patch: Partial<typeof persons.$inferInsert>) {
    return db
      .update(persons)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(persons.id, id));
  },
};
