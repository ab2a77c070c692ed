import { and, asc, eq, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { orgs, places } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';
import { escapeLike } from '../../platform/sql.js';

export interface PlaceFilter {
  scope: Scope;
  /** Path prefix of the org whose subtree is asked for. */
  underPath?: string;
  kind?: string;
  q?: string;
  hasPartyMember?: boolean;
  includeArchived: boolean;
}

const columns = {
  id: places.id,
  orgId: places.orgId,
  orgName: orgs.name,
  orgPath: orgs.path,
  kind: places.kind,
  name: places.name,
  address: places.address,
  lat: places.lat,
  lng: places.lng,
  openingHours: places.openingHours,
  hasPartyMember: places.hasPartyMember,
  archivedAt: places.archivedAt,
};

export const placesRepository = {
  async findById(db: Executor, id: string) {
    const [row] = await db.select(columns).from(places).innerJoin(orgs, eq(orgs.id, places.orgId)).where(eq(places.id, id));
    return row;
  },

  async list(db: Executor, f: PlaceFilter, page: number, pageSize: number) {
    const where: SQL[] = [inScope(orgs.path, f.scope)];
    if (f.underPath) where.push(sql`${orgs.path} like ${f.underPath + '%'}`);
    if (f.kind) where.push(eq(places.kind, f.kind));
    if (f.q) where.push(ilike(places.name, `%${escapeLike(f.q)}%`));
    if (f.hasPartyMember !== undefined) where.push(eq(places.hasPartyMember, f.hasPartyMember));
    if (!f.includeArchived) where.push(isNull(places.archivedAt));
    const cond = and(...where);
    const [items, [count]] = await Promise.all([
      db
        .select(columns)
        .from(places)
        .innerJoin(orgs, eq(orgs.id, places.orgId))
        .where(cond)
        .orderBy(asc(places.name), asc(places.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(places)
        .innerJoin(orgs, eq(orgs.id, places.orgId))
        .where(cond),
    ]);
    return { items, total: count?.n ?? 0 };
  },

  insert(db: Executor, row: typeof places.$inferInsert) {
    return db.insert(places).values(row);
  },

  update(db: Executor, id: string, patch: Partial<typeof places.$inferInsert>) {
    return db
      .update(places)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(places.id, id));
  },
};
