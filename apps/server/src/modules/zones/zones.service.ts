import { and, asc, desc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type {
  createAppointmentSchema,
  createZoneSchema,
  appointmentListQuerySchema,
  coverageQuerySchema,
  zoneListQuerySchema,
} from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { appointments, orgs, persons, places, responsibilityZones } from '../../db/schema/index.js';
import { can, inScope, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { orgsRepository } from '../orgs/orgs.repository.js';
import { peopleRepository } from '../people/people.repository.js';
import { chinaToday } from '../stations/china-day.js';

type ZoneRole = z.infer<typeof createZoneSchema>['roles'][number];
const under = (column: SQL | typeof orgs.path, path?: string) => (path ? sql`${column} like ${path + '%'}` : undefined);

/** Cross-appointments and responsibility zones: who serves where beyond their own unit, and which outlets are covered. */
export function createZonesService(db: Db) {
  async function pathOf(actor: Actor, orgId: string | undefined) {
    if (!orgId) return undefined;
    const path = (await orgsRepository.findById(db, orgId))?.path;
    requireAccess(actor, 'org.read', path);
    return path;
  }

  async function listAppointments(actor: Actor, q: z.infer<typeof appointmentListQuerySchema>) {
    const scope = scopeOf(actor, 'person.read');
    const path = await pathOf(actor, q.orgId);
    const host = sql`(select path from orgs h where h.id = ${appointments.orgId})`;
    const rows = await db
      .select({
        a: appointments,
        personName: persons.name,
        personOrgName: orgs.name,
        personOrgPath: orgs.path,
        orgName: sql<string>`(select name from orgs h where h.id = appointments.org_id)`,
      })
      .from(appointments)
      .innerJoin(persons, eq(persons.id, appointments.personId))
      .innerJoin(orgs, eq(orgs.id, persons.orgId))
      // Seen from either side: the person's own unit, or the unit where they serve.
      .where(
        and(
          or(inScope(orgs.path, scope), inScope(host, scopeOf(actor, 'org.read'))),
          path ? or(under(orgs.path, path), under(host, path)) : undefined,
          q.personId ? eq(appointments.personId, q.personId) : undefined,
          q.current === 'true' ? sql`(${appointments.endsOn} is null or ${appointments.endsOn} >= ${chinaToday()}::date)` : undefined,
        ),
      )
      .orderBy(asc(appointments.startsOn), asc(appointments.id))
      .limit(500);
    const now = chinaToday();
    return {
      items: rows.map(({ a, personName, personOrgName, personOrgPath, orgName }) => ({
        id: a.id,
        personId: a.personId,
        personName,
        personOrgName,
        orgId: a.orgId,
        orgName,
        post: a.post,
        startsOn: a.startsOn,
        endsOn: a.endsOn,
        current: a.startsOn <= now && (a.endsOn === null || a.endsOn >= now),
        editable: can(actor, 'person.write', personOrgPath),
      })),
    };
  }

  async function createAppointment(actor: Actor, input: z.infer<typeof createAppointmentSchema>) {
    const person = await peopleRepository.findById(db, input.personId);
    requireAccess(actor, 'person.write', person?.orgPath);
    const host = await orgsRepository.findById(db, input.orgId);
    if (!host || host.archivedAt) throw invalidField('orgId', 'custom', 'invalid_value');
    if (input.endsOn && input.endsOn < input.startsOn) throw invalidField('endsOn', 'custom', 'ends_before_start');
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await tx.insert(appointments).values({
        id,
        personId: input.personId,
        orgId: input.orgId,
        post: input.post,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
      });
      await recordAudit(tx, actor, {
        action: 'appointment.create',
        entity: 'appointment',
        entityId: id,
        org: { id: person!.orgId, path: person!.orgPath },
        details: { post: input.post, hostOrgId: input.orgId },
      });
    });
    return (await listAppointments(actor, { personId: input.personId })).items.find((a) => a.id === id)!;
  }

  async function endAppointment(actor: Actor, id: string, endsOn: string) {
    const row = await db.query.appointments.findFirst({ where: eq(appointments.id, id) });
    const person = row ? await peopleRepository.findById(db, row.personId) : undefined;
    requireAccess(actor, 'person.write', person?.orgPath);
    if (endsOn < row!.startsOn) throw invalidField('endsOn', 'custom', 'ends_before_start');
    await db.transaction(async (tx) => {
      await tx.update(appointments).set({ endsOn }).where(eq(appointments.id, id));
      await recordAudit(tx, actor, {
        action: 'appointment.end',
        entity: 'appointment',
        entityId: id,
        org: { id: person!.orgId, path: person!.orgPath },
      });
    });
    return (await listAppointments(actor, { personId: row!.personId })).items.find((a) => a.id === id)!;
  }

  const zoneColumns = { z: responsibilityZones, personName: persons.name, placeName: places.name, orgName: orgs.name, orgPath: orgs.path };
  const presentZone = (
    actor: Actor,
    {
      z: zone,
      personName,
      placeName,
      orgName,
      orgPath,
    }: {
      z: typeof responsibilityZones.$inferSelect;
      personName: string;
      placeName: string;
      orgName: string;
      orgPath: string;
    },
  ) => ({
    id: zone.id,
    personId: zone.personId,
    personName,
    placeId: zone.placeId,
    placeName,
    orgName,
    roles: zone.roles as ZoneRole[],
    startsOn: zone.startsOn,
    endsOn: zone.endsOn,
    editable: can(actor, 'place.write', orgPath),
  });

  async function listZones(actor: Actor, q: z.infer<typeof zoneListQuerySchema>) {
    const path = await pathOf(actor, q.orgId);
    const rows = await db
      .select(zoneColumns)
      .from(responsibilityZones)
      .innerJoin(persons, eq(persons.id, responsibilityZones.personId))
      .innerJoin(places, eq(places.id, responsibilityZones.placeId))
      .innerJoin(orgs, eq(orgs.id, places.orgId))
      .where(
        and(
          inScope(orgs.path, scopeOf(actor, 'place.read')),
          under(orgs.path, path),
          q.personId ? eq(responsibilityZones.personId, q.personId) : undefined,
          q.current === 'true' ? isNull(responsibilityZones.endsOn) : undefined,
          q.current === 'false' ? isNotNull(responsibilityZones.endsOn) : undefined,
        ),
      )
      .orderBy(asc(places.name), desc(responsibilityZones.startsOn))
      .limit(1000);
    return { items: rows.map((r) => presentZone(actor, r)) };
  }

  async function createZone(actor: Actor, input: z.infer<typeof createZoneSchema>) {
    const [place] = await db
      .select({ p: places, path: orgs.path })
      .from(places)
      .innerJoin(orgs, eq(orgs.id, places.orgId))
      .where(eq(places.id, input.placeId));
    requireAccess(actor, 'place.write', place?.path);
    if (place!.p.kind !== 'outlet' || place!.p.hasPartyMember || place!.p.archivedAt)
      throw invalidField('placeId', 'custom', 'not_an_outlet');
    const person = await peopleRepository.findById(db, input.personId);
    requireAccess(actor, 'person.read', person?.orgPath);
    if (!person!.kinds.includes('party_member')) throw invalidField('personId', 'custom', 'not_party_member');
    const id = uuidv7();
    await db.transaction(async (tx) => {
      // One current member per outlet: the partial unique index turns a second one away.
      const rows = await tx
        .insert(responsibilityZones)
        .values({ id, personId: input.personId, placeId: input.placeId, roles: [...new Set(input.roles)], startsOn: input.startsOn })
        .onConflictDoNothing()
        .returning({ id: responsibilityZones.id });
      if (!rows.length) throw invalidField('placeId', 'custom', 'zone_taken');
      await recordAudit(tx, actor, {
        action: 'zone.create',
        entity: 'zone',
        entityId: id,
        org: { id: place!.p.orgId, path: place!.path },
        details: { placeId: input.placeId },
      });
    });
    return (await listZones(actor, { personId: input.personId })).items.find((z) => z.id === id)!;
  }

  async function endZone(actor: Actor, id: string, endsOn: string) {
    const [row] = await db
      .select({ zone: responsibilityZones, path: orgs.path, orgId: orgs.id })
      .from(responsibilityZones)
      .innerJoin(places, eq(places.id, responsibilityZones.placeId))
      .innerJoin(orgs, eq(orgs.id, places.orgId))
      .where(eq(responsibilityZones.id, id));
    requireAccess(actor, 'place.write', row?.path);
    if (endsOn < row!.zone.startsOn) throw invalidField('endsOn', 'custom', 'ends_before_start');
    // A zone ends when the member stops: a date still to come would leave the outlet shown uncovered meanwhile.
    if (endsOn > chinaToday()) throw invalidField('endsOn', 'custom', 'zone_end_in_future');
    if (row!.zone.endsOn) return (await listZones(actor, { personId: row!.zone.personId })).items.find((z) => z.id === id)!;
    await db.transaction(async (tx) => {
      await tx
        .update(responsibilityZones)
        .set({ endsOn })
        .where(and(eq(responsibilityZones.id, id), isNull(responsibilityZones.endsOn)));
      await recordAudit(tx, actor, { action: 'zone.end', entity: 'zone', entityId: id, org: { id: row!.orgId, path: row!.path } });
    });
    return (await listZones(actor, { personId: row!.zone.personId })).items.find((z) => z.id === id)!;
  }

  /** Outlets with no member of their own, and the member whose zone covers each (or none). */
  async function coverage(actor: Actor, q: z.infer<typeof coverageQuerySchema>) {
    const scope = scopeOf(actor, 'place.read');
    if (scope !== 'all' && scope.length === 0) throw new AppError('forbidden');
    const path = await pathOf(actor, q.orgId);
    const rows = await db
      .select({
        placeId: places.id,
        placeName: places.name,
        orgId: orgs.id,
        orgName: orgs.name,
        orgPath: orgs.path,
        coveredBy: persons.name,
        zoneId: responsibilityZones.id,
        coveredSince: responsibilityZones.startsOn,
      })
      .from(places)
      .innerJoin(orgs, eq(orgs.id, places.orgId))
      // At most one current zone per outlet (a partial unique index), so the join never doubles a row.
      .leftJoin(responsibilityZones, and(eq(responsibilityZones.placeId, places.id), isNull(responsibilityZones.endsOn)))
      .leftJoin(persons, eq(persons.id, responsibilityZones.personId))
      .where(
        and(
          eq(places.kind, 'outlet'),
          eq(places.hasPartyMember, false),
          isNull(places.archivedAt),
          inScope(orgs.path, scope),
          under(orgs.path, path),
        ),
      )
      .orderBy(asc(orgs.name), asc(places.name));
    const covered = rows.filter((r) => r.coveredBy).length;
    const items = rows.map(({ orgPath, ...r }) => ({ ...r, editable: can(actor, 'place.write', orgPath) }));
    return {
      outletsWithoutMember: rows.length,
      covered,
      uncovered: rows.length - covered,
      items: q.uncoveredOnly === 'true' ? items.filter((r) => !r.coveredBy) : items,
    };
  }

  return { listAppointments, createAppointment, endAppointment, listZones, createZone, endZone, coverage };
}

export type ZonesService = ReturnType<typeof createZonesService>;
