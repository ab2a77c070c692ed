import { and, asc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { orgs, partnershipGoals, partnershipMembers, partnerships } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';
import { escapeLike } from '../../platform/sql.js';
import { attendanceOf } from '../activities/attendance.js';

export interface PartnershipFilter {
  scope: Scope;
  underPath?: string;
  q?: string;
  endingWithinDays?: number;
}

export const partnershipsRepository = {
  findById(db: Executor, id: string) {
    return db.query.partnerships.findFirst({ where: eq(partnerships.id, id) });
  },

  members(db: Executor, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .select({ partnershipId: partnershipMembers.partnershipId, id: orgs.id, name: orgs.name, path: orgs.path })
      .from(partnershipMembers)
      .innerJoin(orgs, eq(orgs.id, partnershipMembers.orgId))
      .where(inArray(partnershipMembers.partnershipId, ids))
      .orderBy(asc(orgs.depth), asc(orgs.name));
  },

  async setMembers(db: Executor, partnershipId: string, orgIds: string[]) {
    await db.delete(partnershipMembers).where(eq(partnershipMembers.partnershipId, partnershipId));
    await db.insert(partnershipMembers).values(orgIds.map((orgId) => ({ partnershipId, orgId })));
  },

  /**
   * Each goal with its progress, counted from the closed activities linked to the partnership within
   * its period: their number, their attendance, or the sum of one outcome figure.
   */
  goalsWithProgress(db: Executor, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .select({
        id: partnershipGoals.id,
        partnershipId: partnershipGoals.partnershipId,
        title: partnershipGoals.title,
        metric: partnershipGoals.metric,
        kindId: partnershipGoals.kindId,
        target: partnershipGoals.target,
        // Written out in full: inside a sub-select drizzle would print the outer columns unqualified.
        progress: sql<number>`(select coalesce(sum(case
            when partnership_goals.metric = 'activities' then 1
            when partnership_goals.metric = 'attendance' then ${attendanceOf(sql`a`)}
            else coalesce((a.outcome ->> partnership_goals.metric)::bigint, 0) end), 0)::float8
          from activity_partnerships ap join activities a on a.id = ap.activity_id join partnerships p on p.id = ap.partnership_id
          where ap.partnership_id = partnership_goals.partnership_id and a.status = 'closed'
            and (partnership_goals.kind_id is null or a.kind_id = partnership_goals.kind_id)
            and a.starts_at >= (p.starts_on::timestamp at time zone 'Asia/Shanghai')
            and a.starts_at < ((p.ends_on + 1)::timestamp at time zone 'Asia/Shanghai'))`,
      })
      .from(partnershipGoals)
      .where(inArray(partnershipGoals.partnershipId, ids))
      .orderBy(asc(partnershipGoals.sort), asc(partnershipGoals.id));
  },

  insertGoals(db: Executor, rows: (typeof partnershipGoals.$inferInsert)[]) {
    return rows.length ? db.insert(partnershipGoals).values(rows) : Promise.resolve();
  },

  updateGoal(db: Executor, id: string, patch: Partial<typeof partnershipGoals.$inferInsert>) {
    return db.update(partnershipGoals).set(patch).where(eq(partnershipGoals.id, id));
  },

  deleteGoal(db: Executor, id: string) {
    return db.delete(partnershipGoals).where(eq(partnershipGoals.id, id));
  },

  findGoal(db: Executor, id: string) {
    return db.query.partnershipGoals.findFirst({ where: eq(partnershipGoals.id, id) });
  },

  condition(f: PartnershipFilter): SQL | undefined {
    const where: SQL[] = [
      sql`exists (select 1 from partnership_members pm join orgs o on o.id = pm.org_id where pm.partnership_id = ${partnerships.id}
        and ${inScope(sql`o.path`, f.scope)} ${f.underPath ? sql`and o.path like ${f.underPath + '%'}` : sql``})`,
      isNull(partnerships.archivedAt),
    ];
    if (f.q) where.push(ilike(partnerships.title, `%${escapeLike(f.q)}%`));
    // Ending soon: not yet ended, not yet renewed, and ending within the days asked.
    if (f.endingWithinDays !== undefined)
      where.push(
        sql`${partnerships.endsOn} >= current_date and ${partnerships.endsOn} <= current_date + ${f.endingWithinDays}::int
          and not exists (select 1 from partnerships r where r.renewed_from_id = ${partnerships.id})`,
      );
    return and(...where);
  },

  async list(db: Executor, where: SQL | undefined, page: number, pageSize: number) {
    const [rows, [count]] = await Promise.all([
      db
        .select({ p: partnerships, orgName: orgs.name })
        .from(partnerships)
        .innerJoin(orgs, eq(orgs.id, partnerships.orgId))
        .where(where)
        .orderBy(asc(partnerships.endsOn), asc(partnerships.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(partnerships)
        .where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  },

  insert(db: Executor, row: typeof partnerships.$inferInsert) {
    return db.insert(partnerships).values(row);
  },

  update(db: Executor, id: string, patch: Partial<typeof partnerships.$inferInsert>) {
    return db
      .update(partnerships)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(partnerships.id, id));
  },
};
