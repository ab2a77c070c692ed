import { and, asc, eq, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { activities, activityKinds, activityOrganisers, orgs, places } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';
import { escapeLike } from '../../platform/sql.js';
import { attendanceOf } from './attendance.js';

export type ActivityRow = typeof activities.$inferSelect;

export interface ActivityFilter {
  scope: Scope;
  underPath?: string;
  status?: string;
  statuses?: string[];
  partnershipId?: string;
  kindId?: string;
  from?: Date;
  to?: Date;
  q?: string;
}

/** An activity is in view when any of its organisers lies in the scope (the owner is always one of them). */
function organisedWithin(scope: Scope, underPath?: string): SQL {
  return sql`exists (select 1 from activity_organisers ao join orgs o on o.id = ao.org_id
    where ao.activity_id = ${activities.id} and ${inScope(sql`o.path`, scope)}
    ${underPath ? sql`and o.path like ${underPath + '%'}` : sql``})`;
}

const waitlistCount = sql<number>`(select count(*)::int from signups s where s.activity_id = activities.id and s.status = 'waitlisted')`;
const photoCount = sql<number>`(select count(*)::int from activity_photos ph where ph.activity_id = activities.id)`;
const confirmedCount = sql<number>`(select count(*)::int from signups s where s.activity_id = activities.id and s.status = 'confirmed' and not s.walkin)`;
const attendance = attendanceOf(sql`activities`);

export const activitiesRepository = {
  listKinds(db: Executor) {
    return db.select().from(activityKinds).orderBy(asc(activityKinds.sort), asc(activityKinds.id));
  },

  findKind(db: Executor, id: string) {
    return db.query.activityKinds.findFirst({ where: eq(activityKinds.id, id) });
  },

  upsertKind(db: Executor, row: typeof activityKinds.$inferInsert) {
    return db
      .insert(activityKinds)
      .values(row)
      .onConflictDoUpdate({
        target: activityKinds.id,
        set: { name: row.name, outcomeFields: row.outcomeFields, archivedAt: row.archivedAt },
      });
  },

  findById(db: Executor, id: string) {
    return db.query.activities.findFirst({ where: eq(activities.id, id) });
  },

  findByToken(db: Executor, token: string) {
    return db.query.activities.findFirst({ where: eq(activities.publicToken, token) });
  },

  async organisers(db: Executor, activityIds: string[]) {
    if (!activityIds.length) return [];
    return db
      .select({ activityId: activityOrganisers.activityId, id: orgs.id, name: orgs.name, path: orgs.path })
      .from(activityOrganisers)
      .innerJoin(orgs, eq(orgs.id, activityOrganisers.orgId))
      .where(inArray(activityOrganisers.activityId, activityIds))
      .orderBy(asc(orgs.depth), asc(orgs.name));
  },

  async setOrganisers(db: Executor, activityId: string, orgIds: string[]) {
    await db.delete(activityOrganisers).where(eq(activityOrganisers.activityId, activityId));
    if (orgIds.length) await db.insert(activityOrganisers).values(orgIds.map((orgId) => ({ activityId, orgId })));
  },

  /** Activities with the names and counts a list shows, in one query. */
  async listRows(db: Executor, where: SQL | undefined, page: number, pageSize: number) {
    return db
      .select({
        activity: activities,
        orgName: orgs.name,
        kindName: activityKinds.name,
        placeName: places.name,
        waitlistCount,
        confirmedCount,
        attendance,
        photoCount,
      })
      .from(activities)
      .innerJoin(orgs, eq(orgs.id, activities.orgId))
      .innerJoin(activityKinds, eq(activityKinds.id, activities.kindId))
      .leftJoin(places, eq(places.id, activities.placeId))
      .where(where)
      .orderBy(sql`${activities.startsAt} desc`, asc(activities.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  },

  filterCondition(f: ActivityFilter): SQL | undefined {
    const where: SQL[] = [organisedWithin(f.scope, f.underPath)];
    if (f.status) where.push(eq(activities.status, f.status));
    if (f.statuses) where.push(inArray(activities.status, f.statuses));
    if (f.partnershipId)
      where.push(
        sql`exists (select 1 from activity_partnerships ap where ap.activity_id = ${activities.id} and ap.partnership_id = ${f.partnershipId})`,
      );
    if (f.kindId) where.push(eq(activities.kindId, f.kindId));
    if (f.from) where.push(gte(activities.startsAt, f.from));
    if (f.to) where.push(lte(activities.startsAt, f.to));
    if (f.q) where.push(ilike(activities.title, `%${escapeLike(f.q)}%`));
    return and(...where);
  },

  async count(db: Executor, where: SQL | undefined) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(activities)
      .where(where);
    return row?.n ?? 0;
  },

  insert(db: Executor, row: typeof activities.$inferInsert) {
    return db.insert(activities).values(row);
  },

  update(db: Executor, id: string, patch: Partial<typeof activities.$inferInsert>) {
    return db
      .update(activities)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(activities.id, id));
  },

  /** Moves the status only from the states given: two people closing at once cannot both succeed. */
  async transition(db: Executor, id: string, from: string[], patch: Partial<typeof activities.$inferInsert>) {
    const rows = await db
      .update(activities)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(activities.id, id), inArray(activities.status, from)))
      .returning({ id: activities.id });
    return rows.length === 1;
  },
};
