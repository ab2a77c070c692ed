import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { checkInSchema, decideHoursSchema, hoursQuerySchema, TeamKind } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgs, persons, teamMemberships, volunteerHours, volunteerShifts, volunteerTeams } from '../../db/schema/index.js';
import { can, inScope, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { hoursCertificate } from './certificate.js';
import { onChinaDays } from '../stations/china-day.js';
import { recordHours } from './hours.js';

type HoursRow = { h: typeof volunteerHours.$inferSelect; personName: string; orgName: string };
const toEntry = ({ h, personName, orgName }: HoursRow) => ({
  id: h.id,
  personId: h.personId,
  personName,
  orgName,
  source: h.source as 'visit' | 'activity' | 'shift',
  startedAt: h.startedAt.toISOString(),
  minutes: h.minutes,
  status: h.status as 'pending' | 'approved' | 'rejected',
  decisionNote: h.decisionNote,
});

/** Shifts, hours and their approval, a volunteer's record and certificate. */
export function createHoursService(db: Db) {
  async function personWithPath(personId: string) {
    const [p] = await db
      .select({ id: persons.id, name: persons.name, orgId: persons.orgId, orgName: orgs.name, path: orgs.path })
      .from(persons)
      .innerJoin(orgs, eq(orgs.id, persons.orgId))
      .where(eq(persons.id, personId));
    return p;
  }

  /** A volunteer sees their own record; a coordinator those of their subtree; anyone else gets not-found. */
  async function readable(actor: Actor, personId: string) {
    const p = await personWithPath(personId);
    if (p && actor.personId === personId) return p;
    requireAccess(actor, 'volunteer.manage', p?.path);
    return p!;
  }

  const hoursSelect = () =>
    db
      .select({ h: volunteerHours, personName: persons.name, orgName: orgs.name })
      .from(volunteerHours)
      .innerJoin(persons, eq(persons.id, volunteerHours.personId))
      .innerJoin(orgs, eq(orgs.id, volunteerHours.orgId));

  async function shiftView(id: string) {
    const [s] = await db
      .select({ s: volunteerShifts, personName: persons.name, minutes: volunteerHours.minutes })
      .from(volunteerShifts)
      .innerJoin(persons, eq(persons.id, volunteerShifts.personId))
      .leftJoin(volunteerHours, and(eq(volunteerHours.source, 'shift'), eq(volunteerHours.sourceId, volunteerShifts.id)))
      .where(eq(volunteerShifts.id, id));
    if (!s) throw new AppError('not_found');
    return {
      id: s.s.id,
      personId: s.s.personId,
      personName: s.personName,
      teamId: s.s.teamId,
      place: s.s.place,
      checkedInAt: s.s.checkedInAt.toISOString(),
      checkedOutAt: s.s.checkedOutAt?.toISOString() ?? null,
      minutes: s.minutes ?? null,
    };
  }

  /** Checking in twice while a shift is open returns the open shift: one shift, whatever the phone resends. */
  async function checkIn(actor: Actor, input: z.infer<typeof checkInSchema>) {
    const personId = input.personId ?? actor.personId;
    if (!personId) throw invalidField('personId', 'custom', 'required');
    const person = personId === actor.personId ? await personWithPath(personId) : await readable(actor, personId);
    if (!person) throw new AppError('not_found');
    let orgId = person.orgId;
    if (input.teamId) {
      const team = await db.query.volunteerTeams.findFirst({ where: eq(volunteerTeams.id, input.teamId) });
      const member = team
        ? await db.query.teamMemberships.findFirst({
            where: and(eq(teamMemberships.teamId, team.id), eq(teamMemberships.personId, personId), isNull(teamMemberships.leftOn)),
          })
        : undefined;
      if (!team || !member) throw invalidField('teamId', 'custom', 'invalid_value');
      orgId = team.orgId;
    }
    const id = uuidv7();
    const inserted = await db
      .insert(volunteerShifts)
      .values({
        id,
        personId,
        orgId,
        teamId: input.teamId ?? null,
        place: input.place ?? null,
        checkedInAt: new Date(),
        recordedBy: actor.accountId,
      })
      .onConflictDoNothing()
      .returning({ id: volunteerShifts.id });
    if (inserted.length) return shiftView(id);
    const open = await db.query.volunteerShifts.findFirst({
      where: and(eq(volunteerShifts.personId, personId), isNull(volunteerShifts.checkedOutAt)),
    });
    return shiftView(open!.id);
  }

  async function openShift(actor: Actor) {
    if (!actor.personId) return { shift: null };
    const open = await db.query.volunteerShifts.findFirst({
      where: and(eq(volunteerShifts.personId, actor.personId), isNull(volunteerShifts.checkedOutAt)),
    });
    return { shift: open ? await shiftView(open.id) : null };
  }

  /** Closing a shift records its hours once: the update is conditional, so a second tap changes nothing. */
  async function checkOut(actor: Actor, shiftId: string) {
    const shift = await db.query.volunteerShifts.findFirst({ where: eq(volunteerShifts.id, shiftId) });
    if (!shift) throw new AppError('not_found');
    if (shift.personId !== actor.personId) await readable(actor, shift.personId);
    await db.transaction(async (tx) => {
      const [closed] = await tx
        .update(volunteerShifts)
        .set({ checkedOutAt: sql`now()` })
        .where(and(eq(volunteerShifts.id, shiftId), isNull(volunteerShifts.checkedOutAt)))
        .returning();
      if (!closed) return;
      const minutes = Math.min(1440, Math.round((closed.checkedOutAt!.getTime() - closed.checkedInAt.getTime()) / 60_000));
      await recordHours(tx, {
        personId: closed.personId,
        orgId: closed.orgId,
        source: 'shift',
        sourceId: closed.id,
        startedAt: closed.checkedInAt,
        minutes,
      });
    });
    return shiftView(shiftId);
  }

  async function listHours(actor: Actor, q: z.infer<typeof hoursQuerySchema>) {
    const own = q.personId && q.personId === actor.personId;
    const where = and(
      own ? undefined : inScope(orgs.path, scopeOf(actor, 'volunteer.manage')),
      q.personId ? eq(volunteerHours.personId, q.personId) : undefined,
      q.status ? eq(volunteerHours.status, q.status) : undefined,
      onChinaDays(volunteerHours.startedAt, q),
    );
    const [rows, [count]] = await Promise.all([
      hoursSelect()
        .where(where)
        .orderBy(desc(volunteerHours.startedAt))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(volunteerHours)
        .innerJoin(orgs, eq(orgs.id, volunteerHours.orgId))
        .where(where),
    ]);
    return { items: rows.map(toEntry), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
  }

  /** Approve or reject once: the decision is a conditional update, so two coordinators cannot both decide. */
  async function decide(actor: Actor, id: string, input: z.infer<typeof decideHoursSchema>) {
    const [row] = await hoursSelect().where(eq(volunteerHours.id, id));
    const org = row ? await db.query.orgs.findFirst({ where: eq(orgs.id, row.h.orgId) }) : undefined;
    requireAccess(actor, 'volunteer.manage', org?.path);
    // Nobody approves their own hours.
    if (row!.h.personId === actor.personId) throw new AppError('forbidden');
    await db.transaction(async (tx) => {
      const done = await tx
        .update(volunteerHours)
        .set({ status: input.decision, decidedBy: actor.accountId, decidedAt: sql`now()`, decisionNote: input.note ?? null })
        .where(and(eq(volunteerHours.id, id), eq(volunteerHours.status, 'pending')))
        .returning({ id: volunteerHours.id });
      if (!done.length) throw new AppError('conflict');
      await recordAudit(tx, actor, {
        action: `hours.${input.decision}`,
        entity: 'volunteer_hours',
        entityId: id,
        org: org!,
        details: { minutes: row!.h.minutes },
      });
    });
    const [after] = await hoursSelect().where(eq(volunteerHours.id, id));
    return toEntry(after!);
  }

  async function record(actor: Actor, personId: string) {
    const p = await readable(actor, personId);
    const [teams, totals, hours] = await Promise.all([
      db
        .select({
          teamId: volunteerTeams.id,
          name: volunteerTeams.name,
          kind: volunteerTeams.kind,
          joinedOn: teamMemberships.joinedOn,
          leftOn: teamMemberships.leftOn,
        })
        .from(teamMemberships)
        .innerJoin(volunteerTeams, eq(volunteerTeams.id, teamMemberships.teamId))
        .where(eq(teamMemberships.personId, personId))
        .orderBy(desc(teamMemberships.joinedOn)),
      db
        .select({
          approved: sql<number>`coalesce(sum(minutes) filter (where status = 'approved'), 0)::int`,
          pending: sql<number>`coalesce(sum(minutes) filter (where status = 'pending'), 0)::int`,
        })
        .from(volunteerHours)
        .where(eq(volunteerHours.personId, personId)),
      hoursSelect().where(eq(volunteerHours.personId, personId)).orderBy(desc(volunteerHours.startedAt)).limit(100),
    ]);
    return {
      personId,
      name: p.name,
      orgName: p.orgName,
      teams: teams.map((t) => ({ ...t, kind: t.kind as TeamKind })),
      approvedMinutes: totals[0]?.approved ?? 0,
      pendingMinutes: totals[0]?.pending ?? 0,
      hours: hours.map(toEntry),
    };
  }

  /** The certificate counts approved hours only; issuing one is logged. */
  async function certificate(actor: Actor, personId: string): Promise<{ pdf: Buffer; name: string }> {
    const r = await record(actor, personId);
    const p = await personWithPath(personId);
    await recordAudit(db, actor, {
      action: 'hours.certificate',
      entity: 'person',
      entityId: personId,
      org: { id: p!.orgId, path: p!.path },
      details: { approvedMinutes: r.approvedMinutes },
    });
    return { pdf: await hoursCertificate(r, new Date()), name: r.name };
  }

  return {
    checkIn,
    checkOut,
    openShift,
    listHours,
    decide,
    record,
    certificate,
    canManage: (a: Actor, path: string) => can(a, 'volunteer.manage', path),
  };
}

export type HoursService = ReturnType<typeof createHoursService>;
