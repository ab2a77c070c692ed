import { and, asc, eq, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { orgs } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';
import { escapeLike } from '../../platform/sql.js';

export type OrgRow = typeof orgs.$inferSelect;

// Written out in full: inside a sub-select drizzle would print the outer column unqualified.
const childCount = sql<number>`(select count(*)::int from orgs c where c.parent_id = orgs.id)`;

const listColumns = {
  id: orgs.id,
  parentId: orgs.parentId,
  kind: orgs.kind,
  side: orgs.side,
  name: orgs.name,
  shortName: orgs.shortName,
  code: orgs.code,
  depth: orgs.depth,
  path: orgs.path,
  archivedAt: orgs.archivedAt,
  childCount,
};

export interface OrgFilter {
  scope: Scope;
  parentId?: string;
  /** Only the topmost orgs of the scope (no parent inside the scope). */
  scopeRoots?: string[];
  rootsOnly?: boolean;
  q?: string;
  kind?: string;
  includeArchived: boolean;
}

function conditions(f: OrgFilter): SQL[] {
  const where: SQL[] = [inScope(orgs.path, f.scope)];
  if (f.parentId) where.push(eq(orgs.parentId, f.parentId));
  if (f.scopeRoots)
    where.push(
      f.scopeRoots.length
        ? sql`${orgs.path} in (${sql.join(
            f.scopeRoots.map((p) => sql`${p}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (f.rootsOnly) where.push(isNull(orgs.parentId));
  if (f.q) where.push(ilike(orgs.name, `%${escapeLike(f.q)}%`));
  if (f.kind) where.push(eq(orgs.kind, f.kind));
  if (!f.includeArchived) where.push(isNull(orgs.archivedAt));
  return where;
}

export const orgsRepository = {
  findById(db: Executor, id: string) {
    return db.query.orgs.findFirst({ where: eq(orgs.id, id) });
  },

  async list(db: Executor, f: OrgFilter, page: number, pageSize: number) {
    const where = and(...conditions(f));
    const [items, [count]] = await Promise.all([
      db
        .select(listColumns)
        .from(orgs)
        .where(where)
        .orderBy(asc(orgs.depth), asc(orgs.name))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(orgs)
        .where(where),
    ]);
    return { items, total: count?.n ?? 0 };
  },

  async ancestors(db: Executor, path: string) {
    const ids = path.split('/').filter(Boolean).slice(0, -1);
    if (!ids.length) return [];
    const rows = await db
      .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, depth: orgs.depth })
      .from(orgs)
      .where(
        sql`${orgs.id} in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
      );
    return rows.sort((a, b) => a.depth - b.depth).map(({ depth: _d, ...r }) => r);
  },

  /** Children directly below; places and people in the whole subtree, as the detail panel lists them. */
  async counts(db: Executor, id: string) {
    const [row] = await db
      .select({
        childCount,
        placeCount: sql<number>`(select count(*)::int from places p join orgs o2 on o2.id = p.org_id where o2.path like orgs.path || '%' and p.archived_at is null)`,
        personCount: sql<number>`(select count(*)::int from persons p join orgs o2 on o2.id = p.org_id where o2.path like orgs.path || '%' and p.archived_at is null)`,
      })
      .from(orgs)
      .where(eq(orgs.id, id));
    return row ?? { childCount: 0, placeCount: 0, personCount: 0 };
  },

  async insert(db: Executor, row: Omit<typeof orgs.$inferInsert, 'path' | 'depth'>, parent: { path: string; depth: number } | null) {
    const [created] = await db
      .insert(orgs)
      .values({ ...row, path: `${parent?.path ?? '/'}${row.id}/`, depth: parent ? parent.depth + 1 : 0 })
      .returning();
    return created!;
  },

  async update(db: Executor, id: string, patch: Partial<typeof orgs.$inferInsert>) {
    const [row] = await db
      .update(orgs)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(orgs.id, id))
      .returning();
    return row!;
  },

  /** Re-roots a whole subtree in one statement: every descendant's path and depth follow. */
  async moveSubtree(db: Executor, org: OrgRow, newParent: OrgRow) {
    const newPath = `${newParent.path}${org.id}/`;
    const shift = newParent.depth + 1 - org.depth;
    await db.execute(sql`
      update orgs set
        path = ${newPath} || substr(path, ${org.path.length + 1}),
        depth = depth + ${shift},
        parent_id = case when id = ${org.id} then ${newParent.id}::uuid else parent_id end,
        updated_at = case when id = ${org.id} then now() else updated_at end
      where path like ${org.path + '%'}`);
    return newPath;
  },

  /** Archiving a unit archives its whole subtree; restoring brings back only what it archived at the same moment. */
  async setArchived(db: Executor, org: OrgRow, archived: boolean) {
    if (archived) {
      // Millisecond precision, so that a restore can find exactly the rows of this archive.
      const at = new Date().toISOString();
      await db.execute(
        sql`update orgs set archived_at = ${at}::timestamptz, updated_at = now() where path like ${org.path + '%'} and archived_at is null`,
      );
    } else {
      await db.execute(
        sql`update orgs set archived_at = null, updated_at = now() where path like ${org.path + '%'} and archived_at = ${org.archivedAt?.toISOString() ?? null}::timestamptz`,
      );
    }
  },

  directory(db: Executor, q: string, kind: string | undefined) {
    const parent = alias(orgs, 'parent');
    return db
      .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, side: orgs.side, parentName: parent.name })
      .from(orgs)
      .leftJoin(parent, eq(parent.id, orgs.parentId))
      .where(and(ilike(orgs.name, `%${escapeLike(q)}%`), isNull(orgs.archivedAt), kind ? eq(orgs.kind, kind) : undefined))
      .orderBy(asc(orgs.depth), asc(orgs.name))
      .limit(20);
  },

  delete(db: Executor, id: string) {
    return db.delete(orgs).where(eq(orgs.id, id));
  },
};
