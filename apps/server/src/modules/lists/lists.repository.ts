import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { accounts, needs, orgs, persons, projects, resources } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';

/** Whether an organisation lies inside the scope itself (one's own tree). */
export function orgInScope(scope: Scope, orgId: SQL | typeof needs.orgId): SQL {
  return sql`exists (select 1 from orgs o where o.id = ${orgId} and ${inScope(sql`o.path`, scope)})`;
}

/**
 * Whether an organisation lies under a member of a live agreement that a unit of the scope also belongs
 * to: a community (or the communities of a street) one's unit is paired with.
 */
export function pairedWithScope(scope: Scope, orgId: SQL | typeof needs.orgId): SQL {
  return sql`exists (select 1 from orgs n
      join partnership_members pm_need on true
      join orgs mo on mo.id = pm_need.org_id
      join partnerships p on p.id = pm_need.partnership_id and p.archived_at is null
      join partnership_members pm_mine on pm_mine.partnership_id = pm_need.partnership_id
      join orgs o on o.id = pm_mine.org_id
      where n.id = ${orgId} and n.path like mo.path || '%' and ${inScope(sql`o.path`, scope)})`;
}

/**
 * Whose needs may a person see? Those of organisations in their scope, and those of communities their
 * organisation is paired with (a partnership member covers the units below it): that is two-way claiming.
 */
export function needVisible(scope: Scope, needOrgId: SQL | typeof needs.orgId): SQL {
  return sql`(${orgInScope(scope, needOrgId)} or ${pairedWithScope(scope, needOrgId)})`;
}

export const under = (column: SQL | typeof orgs.path, path: string | undefined) => (path ? sql`${column} like ${path + '%'}` : undefined);

const needOrg = alias(orgs, 'need_org');
const claimant = alias(accounts, 'claimant');
const claimantPerson = alias(persons, 'claimant_person');
const need = alias(needs, 'need');

export const listsRepository = {
  needRows(db: Executor, where: SQL | undefined, page: number, pageSize: number) {
    return db
      .select({
        n: needs,
        orgName: needOrg.name,
        projectId: sql<string | null>`(select id from projects pr where pr.need_id = needs.id and pr.status <> 'cancelled')`,
      })
      .from(needs)
      .innerJoin(needOrg, eq(needOrg.id, needs.orgId))
      .where(where)
      .orderBy(desc(needs.createdAt), desc(needs.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  },

  async count(db: Executor, table: typeof needs | typeof resources | typeof projects, where: SQL | undefined, join?: 'org') {
    const q = db.select({ n: sql<number>`count(*)::int` }).from(table);
    const [row] = await (join === 'org' ? q.innerJoin(orgs, eq(orgs.id, table.orgId)).where(where) : q.where(where));
    return row?.n ?? 0;
  },

  resourceRows(db: Executor, where: SQL | undefined, page: number, pageSize: number) {
    return db
      .select({ r: resources, orgName: orgs.name })
      .from(resources)
      .innerJoin(orgs, eq(orgs.id, resources.orgId))
      .where(where)
      .orderBy(desc(resources.createdAt), desc(resources.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  },

  projectRows(db: Executor, where: SQL | undefined, page: number, pageSize: number) {
    return db
      .select({
        p: projects,
        orgName: orgs.name,
        orgPath: orgs.path,
        needTitle: need.title,
        resourceTitle: resources.title,
        claimedByLogin: claimant.login,
        claimedByName: claimantPerson.name,
      })
      .from(projects)
      .innerJoin(orgs, eq(orgs.id, projects.orgId))
      .leftJoin(need, eq(need.id, projects.needId))
      .leftJoin(resources, eq(resources.id, projects.resourceId))
      .leftJoin(claimant, eq(claimant.id, projects.claimedBy))
      .leftJoin(claimantPerson, eq(claimantPerson.id, claimant.personId))
      .where(where)
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  },

  /**
   * The community-side members of live agreements that a unit of the scope belongs to (outside the
   * scope itself), each with the agreement that pairs them and its open needs. A renewed agreement
   * gives way to its renewal, which carries the pairing on.
   */
  async partnerCommunities(db: Executor, scope: Scope) {
    const result = await db.execute(sql`
      select distinct mo.id, mo.name, up.name as parent_name, p.id as partnership_id, p.title as partnership_title,
          (select count(*)::int from needs nd join orgs nog on nog.id = nd.org_id
            where nd.status = 'open' and nog.path like mo.path || '%') as open_needs
        from partnerships p
        join partnership_members pm_mine on pm_mine.partnership_id = p.id
        join orgs o on o.id = pm_mine.org_id
        join partnership_members pm on pm.partnership_id = p.id
        join orgs mo on mo.id = pm.org_id
        left join orgs up on up.id = mo.parent_id
       where p.archived_at is null
         and ${inScope(sql`o.path`, scope)}
         and mo.side = 'community' and mo.archived_at is null
         and not ${inScope(sql`mo.path`, scope)}
         and not exists (select 1 from partnerships r where r.renewed_from_id = p.id)
       order by mo.name, p.title`);
    return (
      result as unknown as {
        rows: {
          id: string;
          name: string;
          parent_name: string | null;
          partnership_id: string;
          partnership_title: string;
          open_needs: number;
        }[];
      }
    ).rows;
  },

  /** Claims a project only if nobody has: two members tapping at once get one winner. */
  async claim(db: Executor, id: string, accountId: string) {
    const rows = await db
      .update(projects)
      .set({ claimedBy: accountId, claimedAt: sql`now()`, status: 'claimed', updatedAt: sql`now()` })
      .where(and(eq(projects.id, id), eq(projects.status, 'open')))
      .returning({ id: projects.id });
    return rows.length === 1;
  },
};
