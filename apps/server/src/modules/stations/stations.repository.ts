import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  appointments,
  orgs,
  persons,
  places,
  serviceOfferings,
  serviceRecords,
  serviceTallies,
  stationFunctionLinks,
  stationFunctions,
  stationProfiles,
} from '../../db/schema/index.js';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export const stationsRepository = {
  functions(db: Executor, includeArchived: boolean) {
    return db
      .select()
      .from(stationFunctions)
      .where(includeArchived ? undefined : sql`${stationFunctions.archivedAt} is null`)
      .orderBy(asc(stationFunctions.sort), asc(stationFunctions.id));
  },

  /** Red stations whose owning org satisfies `where` (a scope condition on orgs.path), with the figures a list shows. */
  list(db: Executor, where: SQL, today: string) {
    return db
      .select({
        placeId: places.id,
        name: places.name,
        orgId: places.orgId,
        orgName: orgs.name,
        orgPath: orgs.path,
        address: places.address,
        communityName: sql<string | null>`(select c.name from orgs c where c.id = ${stationProfiles.communityOrgId})`,
        headName: sql<string | null>`(select p.name from persons p where p.id = ${stationProfiles.headPersonId})`,
        functionCount: sql<number>`(select count(*)::int from station_function_links l where l.place_id = ${places.id})`,
        serviceCount: sql<number>`(select count(*)::int from service_offerings s where s.place_id = ${places.id})`,
        todayCount: sql<number>`((select coalesce(sum(t.count), 0)::int from service_tallies t where t.place_id = ${places.id} and t.day = ${today})
          + (select count(*)::int from service_records r where r.place_id = ${places.id}
             and (r.created_at at time zone 'Asia/Shanghai')::date = ${today}::date))`,
      })
      .from(places)
      .innerJoin(orgs, eq(orgs.id, places.orgId))
      .leftJoin(stationProfiles, eq(stationProfiles.placeId, places.id))
      .where(and(eq(places.kind, 'red_station'), sql`${places.archivedAt} is null`, where))
      .orderBy(asc(places.name), asc(places.id))
      .limit(500);
  },

  async profile(db: Executor, placeId: string) {
    const [row] = await db.select().from(stationProfiles).where(eq(stationProfiles.placeId, placeId));
    return row;
  },

  async functionIds(db: Executor, placeId: string) {
    const rows = await db
      .select({ id: stationFunctionLinks.functionId })
      .from(stationFunctionLinks)
      .innerJoin(stationFunctions, eq(stationFunctions.id, stationFunctionLinks.functionId))
      .where(eq(stationFunctionLinks.placeId, placeId))
      .orderBy(asc(stationFunctions.sort));
    return rows.map((r) => r.id);
  },

  /** Enabled functions that are still in the catalogue, in catalogue order: what the public page lists. */
  enabledFunctions(db: Executor, placeId: string) {
    return db
      .select({ groupKey: stationFunctions.groupKey, name: stationFunctions.name, description: stationFunctions.description })
      .from(stationFunctionLinks)
      .innerJoin(stationFunctions, eq(stationFunctions.id, stationFunctionLinks.functionId))
      .where(and(eq(stationFunctionLinks.placeId, placeId), sql`${stationFunctions.archivedAt} is null`))
      .orderBy(asc(stationFunctions.sort));
  },

  services(db: Executor, placeId: string) {
    return db
      .select({ kind: serviceOfferings.kind, note: serviceOfferings.note })
      .from(serviceOfferings)
      .where(eq(serviceOfferings.placeId, placeId));
  },

  async offers(db: Executor, placeId: string, kind: string) {
    const [row] = await db
      .select({ kind: serviceOfferings.kind })
      .from(serviceOfferings)
      .where(and(eq(serviceOfferings.placeId, placeId), eq(serviceOfferings.kind, kind)));
    return row !== undefined;
  },

  async personName(db: Executor, id: string) {
    const [row] = await db.select({ name: persons.name }).from(persons).where(eq(persons.id, id));
    return row?.name ?? null;
  },

  async orgName(db: Executor, id: string | null) {
    if (!id) return null;
    const [row] = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, id));
    return row ?? null;
  },

  /** The head's current cross-appointments (e.g. deputy secretary of the community's party branch). */
  currentAppointments(db: Executor, personId: string) {
    return db
      .select({ orgName: orgs.name, post: appointments.post })
      .from(appointments)
      .innerJoin(orgs, eq(orgs.id, appointments.orgId))
      .where(
        and(
          eq(appointments.personId, personId),
          sql`${appointments.startsOn} <= current_date`,
          sql`(${appointments.endsOn} is null or ${appointments.endsOn} >= current_date)`,
        ),
      )
      .orderBy(asc(appointments.startsOn));
  },

  upsertProfile(db: Executor, row: typeof stationProfiles.$inferInsert) {
    const { placeId: _p, ...set } = row;
    return db
      .insert(stationProfiles)
      .values(row)
      .onConflictDoUpdate({ target: stationProfiles.placeId, set: { ...set, updatedAt: sql`now()` } });
  },

  async replaceFunctions(db: Executor, placeId: string, ids: string[]) {
    await db.delete(stationFunctionLinks).where(eq(stationFunctionLinks.placeId, placeId));
    if (ids.length) await db.insert(stationFunctionLinks).values(ids.map((functionId) => ({ placeId, functionId })));
  },

  async replaceServices(db: Executor, placeId: string, services: { kind: string; note: string }[]) {
    await db.delete(serviceOfferings).where(eq(serviceOfferings.placeId, placeId));
    if (services.length) await db.insert(serviceOfferings).values(services.map((s) => ({ placeId, ...s })));
  },

  /**
   * One tap, counted exactly once: the tap row is inserted unless its id is known, and only a newly
   * inserted tap adds to the day's tally, in the same statement. The upsert adds to whatever the row
   * holds at commit, so taps from two phones at once both count.
   */
  async tap(db: Executor, t: { id: string; placeId: string; kind: string; day: string; delta: number; accountId: string }) {
    const result = await db.execute(sql`
      with tap as (
        insert into service_taps (id, place_id, kind, day, delta, account_id)
        values (${t.id}, ${t.placeId}, ${t.kind}, ${t.day}, ${t.delta}, ${t.accountId})
        on conflict (id) do nothing
        returning place_id, kind, day, delta
      ), tally as (
        insert into service_tallies (place_id, kind, day, count)
        select place_id, kind, day, greatest(delta, 0) from tap
        on conflict (place_id, kind, day)
        do update set count = greatest(service_tallies.count + ${t.delta}, 0), updated_at = now()
        returning count
      )
      select (select count from tally) as count, exists (select 1 from tap) as counted`);
    const row = rowsOf<{ count: number | null; counted: boolean }>(result)[0]!;
    return { count: row.count === null ? null : Number(row.count), counted: row.counted };
  },

  async tallyCount(db: Executor, placeId: string, kind: string, day: string) {
    const [row] = await db
      .select({ count: serviceTallies.count })
      .from(serviceTallies)
      .where(and(eq(serviceTallies.placeId, placeId), eq(serviceTallies.kind, kind), eq(serviceTallies.day, day)));
    return row?.count ?? 0;
  },

  dayTallies(db: Executor, placeId: string, day: string) {
    return db
      .select({ kind: serviceTallies.kind, count: serviceTallies.count })
      .from(serviceTallies)
      .where(and(eq(serviceTallies.placeId, placeId), eq(serviceTallies.day, day)));
  },

  dayRecordCounts(db: Executor, placeId: string, day: string) {
    return db
      .select({ kind: serviceRecords.kind, count: sql<number>`count(*)::int` })
      .from(serviceRecords)
      .where(and(eq(serviceRecords.placeId, placeId), sql`(${serviceRecords.createdAt} at time zone 'Asia/Shanghai')::date = ${day}::date`))
      .groupBy(serviceRecords.kind);
  },
};
