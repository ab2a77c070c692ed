import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { addMemberSchema, createTeamSchema, TeamKind } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { orgs, persons, teamMemberships, volunteerTeams } from '../../db/schema/index.js';
import { inScope, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { orgsRepository } from '../orgs/orgs.repository.js';

const memberCount = sql<number>`(select count(*)::int from team_memberships tm where tm.team_id = ${volunteerTeams.id} and tm.left_on is null)`;

/**
 * Size on the last day of each month from the first joining to this month. The end of a month is taken in
 * China time: dates are calendar days there.
 */
export async function growthSeries(db: Executor, teamFilter: ReturnType<typeof sql>) {
  const res = await db.execute(sql`
    with m as (
      select tm.person_id, tm.joined_on, tm.left_on from team_memberships tm join volunteer_teams t on t.id = tm.team_id where ${teamFilter}
    ), months as (
      select (generate_series(date_trunc('month', (select min(joined_on) from m)),
                              date_trunc('month', (now() at time zone 'Asia/Shanghai')::date), interval '1 month')
              + interval '1 month' - interval '1 day')::date as month_end
    )
    select to_char(month_end, 'YYYY-MM') as month,
           (select count(distinct person_id)::int from m where joined_on <= month_end and (left_on is null or left_on > month_end)) as members
      from months order by month_end`);
  return (res as unknown as { rows: { month: string; members: number }[] }).rows;
}

/** Volunteer teams and who was in them when. Anyone who can read the org sees its teams; managing needs volunteer.manage. */
export function createTeamsService(db: Db) {
  async function teamRow(id: string) {
    const [row] = await db
      .select({ t: volunteerTeams, orgName: orgs.name, orgPath: orgs.path, members: memberCount })
      .from(volunteerTeams)
      .innerJoin(orgs, eq(orgs.id, volunteerTeams.orgId))
      .where(eq(volunteerTeams.id, id));
    return row;
  }
  const toTeam = (r: NonNullable<Awaited<ReturnType<typeof teamRow>>>) => ({
    id: r.t.id,
    orgId: r.t.orgId,
    orgName: r.orgName,
    kind: r.t.kind as TeamKind,
    name: r.t.name,
    description: r.t.description,
    members: r.members,
    createdAt: r.t.createdAt.toISOString(),
  });

  async function list(actor: Actor, orgId?: string) {
    let under: string | undefined;
    if (orgId) {
      under = (await orgsRepository.findById(db, orgId))?.path;
      requireAccess(actor, 'org.read', under);
    }
    const rows = await db
      .select({ t: volunteerTeams, orgName: orgs.name, orgPath: orgs.path, members: memberCount })
      .from(volunteerTeams)
      .innerJoin(orgs, eq(orgs.id, volunteerTeams.orgId))
      .where(
        and(
          inScope(orgs.path, scopeOf(actor, 'org.read')),
          under ? sql`${orgs.path} like ${under + '%'}` : undefined,
          isNull(volunteerTeams.archivedAt),
        ),
      )
      .orderBy(asc(orgs.path), asc(volunteerTeams.name));
    return { items: rows.map(toTeam) };
  }

  async function get(actor: Actor, id: string) {
    const row = await teamRow(id);
    requireAccess(actor, 'org.read', row?.orgPath);
    const roster = await db
      .select({
        id: teamMemberships.id,
        personId: teamMemberships.personId,
        name: persons.name,
        joinedOn: teamMemberships.joinedOn,
        leftOn: teamMemberships.leftOn,
      })
      .from(teamMemberships)
      .innerJoin(persons, eq(persons.id, teamMemberships.personId))
      .where(eq(teamMemberships.teamId, id))
      .orderBy(sql`${teamMemberships.leftOn} is not null`, desc(teamMemberships.joinedOn), asc(persons.name))
      .limit(1000);
    return { ...toTeam(row!), roster, growth: await growthSeries(db, sql`t.id = ${id}`) };
  }

  /** Distinct volunteers across all teams of an organisation's subtree, month by month (Changzhou's 35 → 562). */
  async function growth(actor: Actor, orgId: string) {
    const path = (await orgsRepository.findById(db, orgId))?.path;
    requireAccess(actor, 'org.read', path);
    return { points: await growthSeries(db, sql`t.org_id in (select id from orgs where path like ${path + '%'})`) };
  }

  async function create(actor: Actor, input: z.infer<typeof createTeamSchema>) {
    const org = await orgsRepository.findById(db, input.orgId);
    requireAccess(actor, 'volunteer.manage', org?.path);
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await tx
        .insert(volunteerTeams)
        .values({ id, orgId: input.orgId, kind: input.kind, name: input.name, description: input.description ?? null });
      await recordAudit(tx, actor, {
        action: 'team.create',
        entity: 'volunteer_team',
        entityId: id,
        org: org!,
        details: { name: input.name },
      });
    });
    return get(actor, id);
  }

  async function manageable(actor: Actor, teamId: string) {
    const row = await teamRow(teamId);
    requireAccess(actor, 'volunteer.manage', row?.orgPath);
    return row!;
  }

  /** Joining twice at once makes one membership: the open stretch is unique in the database. */
  async function addMember(actor: Actor, teamId: string, input: z.infer<typeof addMemberSchema>) {
    const team = await manageable(actor, teamId);
    const person = await db
      .select({ id: persons.id, path: orgs.path })
      .from(persons)
      .innerJoin(orgs, eq(orgs.id, persons.orgId))
      .where(eq(persons.id, input.personId));
    if (!person[0] || !inScopeOf(actor, person[0].path)) throw invalidField('personId', 'custom', 'person_out_of_reach');
    await db.transaction(async (tx) => {
      const added = await tx
        .insert(teamMemberships)
        .values({ id: uuidv7(), teamId, personId: input.personId, joinedOn: input.joinedOn })
        .onConflictDoNothing()
        .returning({ id: teamMemberships.id });
      if (!added.length) throw new AppError('conflict');
      await recordAudit(tx, actor, {
        action: 'team.join',
        entity: 'volunteer_team',
        entityId: teamId,
        org: { id: team.t.orgId, path: team.orgPath },
        details: { personId: input.personId },
      });
    });
    return get(actor, teamId);
  }

  function inScopeOf(actor: Actor, path: string) {
    const scope = scopeOf(actor, 'volunteer.manage');
    return scope === 'all' || scope.some((p) => path.startsWith(p));
  }

  async function leave(actor: Actor, teamId: string, personId: string, leftOn: string) {
    const team = await manageable(actor, teamId);
    await db.transaction(async (tx) => {
      const open = await tx.query.teamMemberships.findFirst({
        where: and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.personId, personId), isNull(teamMemberships.leftOn)),
      });
      if (!open) throw new AppError('not_found');
      if (leftOn < open.joinedOn) throw invalidField('leftOn', 'custom', 'left_before_joined');
      await tx
        .update(teamMemberships)
        .set({ leftOn })
        .where(and(eq(teamMemberships.id, open.id), isNull(teamMemberships.leftOn)));
      await recordAudit(tx, actor, {
        action: 'team.leave',
        entity: 'volunteer_team',
        entityId: teamId,
        org: { id: team.t.orgId, path: team.orgPath },
        details: { personId, leftOn },
      });
    });
    return get(actor, teamId);
  }

  return { list, get, growth, create, addMember, leave };
}

export type TeamsService = ReturnType<typeof createTeamsService>;
