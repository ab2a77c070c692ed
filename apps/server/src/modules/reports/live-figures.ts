import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { partnershipsRepository } from '../partnerships/partnerships.repository.js';
import { rowsOf } from './rollups.js';

/**
 * States rather than counts over a period (partnerships in force, goals met, outlets covered, stations,
 * open alerts): read live, scoped to the subtree. Each query is a prefix match on orgs.path joined to a
 * small table, so they stay cheap at province scale.
 */
const under = (path: string | null, column: SQL) => (path ? sql`${column} like ${path + '%'}` : sql`true`);

/** Active partnerships with a member organisation in the subtree. */
const activePartnerships = (path: string | null) => sql`select p.id from partnerships p
  where p.archived_at is null and p.starts_on <= current_date and p.ends_on >= current_date
    and exists (select 1 from partnership_members pm join orgs o on o.id = pm.org_id where pm.partnership_id = p.id and ${under(path, sql`o.path`)})`;

async function goalsOf(db: Executor, path: string | null) {
  const ids = rowsOf<{ id: string }>(await db.execute(sql`${activePartnerships(path)} limit 500`)).map((r) => r.id);
  const goals = await partnershipsRepository.goalsWithProgress(db, ids);
  const titles = new Map(
    rowsOf<{ id: string; title: string }>(
      ids.length
        ? await db.execute(
            sql`select id, title from partnerships where id in (${sql.join(
              ids.map((i) => sql`${i}::uuid`),
              sql`, `,
            )})`,
          )
        : [],
    ).map((r) => [r.id, r.title]),
  );
  return { ids, goals: goals.map((g) => ({ ...g, partnershipTitle: titles.get(g.partnershipId) ?? '' })) };
}

/** The current figures and the goals of the subtree's partnerships in force, least advanced first (what needs attention). */
export async function liveFigures(db: Executor, path: string | null, goalLimit = 12) {
  const [{ ids, goals }, coverage] = await Promise.all([
    goalsOf(db, path),
    db.execute(sql`select count(*)::int as outlets,
        count(*) filter (where exists (select 1 from responsibility_zones z where z.place_id = pl.id and z.ends_on is null))::int as covered
      from places pl join orgs o on o.id = pl.org_id
      where pl.kind = 'outlet' and pl.has_party_member = false and pl.archived_at is null and ${under(path, sql`o.path`)}`),
  ]);
  const cov = rowsOf<{ outlets: number; covered: number }>(coverage)[0] ?? { outlets: 0, covered: 0 };
  const figures: Record<string, number> = {
    partnerships: ids.length,
    goals: goals.length,
    goals_met: goals.filter((g) => Number(g.progress) >= Number(g.target)).length,
    outlets_without_member: Number(cov.outlets),
    outlets_covered: Number(cov.covered),
  };
  Object.assign(figures, await extraCurrentFigures(db, path));
  const top = goals
    .map((g) => ({
      partnershipId: g.partnershipId,
      partnershipTitle: g.partnershipTitle,
      title: g.title,
      target: Number(g.target),
      progress: Number(g.progress),
    }))
    .sort((a, b) => a.progress / Math.max(a.target, 1) - b.progress / Math.max(b.target, 1))
    .slice(0, goalLimit);
  return { current: figures, goals: top };
}

/** Red stations, volunteers in teams, people cared for and their alerts: as they stand now. */
async function extraCurrentFigures(db: Executor, path: string | null): Promise<Record<string, number>> {
  const inTree = (org: SQL) => sql`exists (select 1 from orgs o where o.id = ${org} and ${under(path, sql`o.path`)})`;
  const [row] = rowsOf<Record<string, number>>(
    await db.execute(sql`select
      (select count(*) from places p where p.kind = 'red_station' and p.archived_at is null and ${inTree(sql`p.org_id`)})::int as stations,
      (select count(distinct m.person_id) from team_memberships m join volunteer_teams vt on vt.id = m.team_id
        where m.left_on is null and vt.archived_at is null and ${inTree(sql`vt.org_id`)})::int as volunteers,
      (select count(*) from care_alerts a where a.status in ('open', 'acknowledged') and ${inTree(sql`a.org_id`)})::int as alerts_open,
      (select count(*) from care_alerts a where a.status in ('open', 'acknowledged') and (a.escalation_level > 0 or a.escalate_at <= now())
        and ${inTree(sql`a.org_id`)})::int as alerts_overdue`),
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}
