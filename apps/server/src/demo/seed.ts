import { rebuildRollups } from '../modules/reports/rollups.js';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Executor } from '../db/client.js';
import {
  accounts,
  outboxMessages,
  teamMemberships,
  volunteerHours,
  volunteerShifts,
  volunteerTeams,
  wristbandBatches,
  wristbands,
  wristbandScans,
  careConsents,
  careContacts,
  careRecipients,
  careVisits,
  bookingCampaigns,
  bookingSlots,
  bookings,
  businessLeads,
  businessOutcomes,
  serviceOfferings,
  serviceRecords,
  serviceTallies,
  stationFunctionLinks,
  stationProfiles,
  activities,
  activityOrganisers,
  activityPartnerships,
  activityQuotes,
  appointments,
  auditLog,
  grants,
  meetingTasks,
  needs,
  orgs,
  partnershipGoals,
  partnershipMeetings,
  partnershipMembers,
  partnerships,
  persons,
  places,
  projects,
  resources,
  responsibilityZones,
  signups,
} from '../db/schema/index.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { sealPersonalData } from '../modules/people/person-secrets.js';
import { maskPhone, type FieldCrypto } from '../platform/crypto.js';
import { DEMO_ACCOUNT_SPECS } from './accounts.js';
import { buildBookings } from './build-bookings.js';
import { buildCoconstruction } from './build-coconstruction.js';
import { buildLists } from './build-lists.js';
import { buildOrgs } from './build-orgs.js';
import { buildPeople } from './build-people.js';
import { buildPlaces } from './build-places.js';
import { buildStations, linkPotatoActivity } from './build-stations.js';
import { buildZones } from './build-zones.js';
import { buildCare } from './build-care.js';
import { buildVolunteers } from './build-volunteers.js';
import { buildWristbands } from './build-wristbands.js';
import { DAY, DEMO_EPOCH, DemoClock, DemoRandom, HOUR, MINUTE, demoShiftDays, shiftRowDates } from './random.js';

export const DEMO_PASSWORD = 'youshe-demo';
export const DEFAULT_DEMO_SEED = 20250106;

/** A login only the demo creates: its presence means the demo is loaded. */
const DEMO_MARKER_LOGIN = 'cz-officer';

/**
 * `empty`: nothing in it yet, the demo may be loaded. `loaded`: the demo is there.
 * `in_use`: organisations or accounts of someone's own: the demo must never be mixed into them.
 */
export async function demoState(db: Executor): Promise<'empty' | 'loaded' | 'in_use'> {
  const result = await db.execute<{ marker: boolean; n: number }>(sql`select
      exists (select 1 from accounts where login = ${DEMO_MARKER_LOGIN}) as marker,
      ((select count(*) from orgs) + (select count(*) from accounts))::int as n`);
  const row = (result as unknown as { rows: { marker: boolean; n: number }[] }).rows[0]!;
  if (row.marker) return 'loaded';
  return Number(row.n) === 0 ? 'empty' : 'in_use';
}

/** Whether the server should leave the database alone: the demo is loaded, or the database holds data of its own. */
export async function isDemoLoaded(db: Db): Promise<boolean> {
  return (await demoState(db)) !== 'empty';
}

let demoHash: Promise<string> | null = null;

/** Inserts rows in chunks, every date moved by `shiftDays` so that the demo's "today" is the day it is loaded. */
function makeInserter(shiftDays: number) {
  return async function insertAll(tx: Executor, table: PgTable, rows: object[], chunk = 400) {
    // People keep their own dates: birth dates are part of their (encrypted) ID numbers.
    const moved = table === persons || shiftDays === 0 ? rows : rows.map((row) => shiftRowDates(row, shiftDays));
    for (let i = 0; i < moved.length; i += chunk) await tx.insert(table).values(moved.slice(i, i + chunk) as any);
  };
}

/**
 * Loads the demo: one org tree over five cities, their stations, outlets and villages, a few hundred
 * people, a sign-in per role, and the co-construction records of the articles (pairings with goals,
 * activities held and to come, a joint meeting, appointments, responsibility zones, the three lists). Same seed, same rows: ids and timestamps come from the seed and a
 * fixed date, never from the clock (only ciphertexts and the password hash differ, by their random nonces);
 * then every date moves by whole days so that the demo's "today" is the day it is loaded (`today`).
 * Everything is written in one transaction.
 */
export async function seedDemo(db: Db, crypto: FieldCrypto, options: { seed?: number; today?: Date } = {}): Promise<void> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const shiftDays = demoShiftDays(options.today ?? new Date());
  const insertAll = makeInserter(shiftDays);
  const rng = new DemoRandom(seed);
  const orgsByKey = buildOrgs(rng, new DemoClock(DEMO_EPOCH, MINUTE));
  const placeRows = buildPlaces(rng, new DemoClock(DEMO_EPOCH + DAY, MINUTE), orgsByKey);
  const { people, byOrg } = buildPeople(rng, new DemoClock(DEMO_EPOCH + 2 * DAY, MINUTE), orgsByKey);

  const personRows = people.map(({ phone, idNumber, address, createdAt, ...p }) => ({
    ...p,
    ...sealPersonalData(crypto, { phone, idNumber, address }),
    createdAt,
    updatedAt: createdAt,
  }));

  demoHash ??= hashPassword(DEMO_PASSWORD);
  const passwordHash = await demoHash;
  const clock = new DemoClock(DEMO_EPOCH + 3 * DAY, MINUTE);
  const accountRows: (typeof accounts.$inferInsert)[] = [];
  const grantRows: (typeof grants.$inferInsert)[] = [];
  for (const spec of DEMO_ACCOUNT_SPECS) {
    const at = clock.tick();
    const id = rng.uuid(at.getTime());
    let personId: string | null = null;
    if (spec.person) {
      const who = byOrg.get(spec.person.org);
      personId = (spec.person.as === 'volunteer' ? who?.volunteers[0] : who?.[spec.person.as]) ?? null;
      if (!personId) throw new Error(`demo account ${spec.login}: no ${spec.person.as} in ${spec.person.org}`);
    }
    accountRows.push({ id, login: spec.login, passwordHash, personId, locale: 'zh-CN', passwordChangedAt: at, createdAt: at });
    const orgId = spec.org ? orgsByKey.get(spec.org)?.row.id : null;
    if (orgId === undefined) throw new Error(`demo account ${spec.login}: unknown org ${spec.org}`);
    grantRows.push({ id: rng.uuid(at.getTime()), accountId: id, role: spec.role, orgId, createdAt: at });
  }

  const world = { orgsByKey, places: placeRows, people, byOrg, accountIds: new Map(accountRows.map((a) => [a.login, a.id!])) };
  const co = buildCoconstruction(rng, new DemoClock(DEMO_EPOCH + 3 * DAY + 2 * HOUR, 7 * MINUTE), world);
  const zones = buildZones(rng, new DemoClock(DEMO_EPOCH + 3 * DAY + 6 * HOUR, MINUTE), world);
  const lists = buildLists(rng, world);
  const stationRows = buildStations(seed, world, crypto);
  const bookingRows = buildBookings(seed, world, crypto);
  const care = buildCare(seed, world, crypto);
  const volunteers = buildVolunteers(seed, world, care.visits);
  const bands = buildWristbands(seed, world, crypto, care);
  linkPotatoActivity(stationRows.outcomes, co.activities);
  const signupRows = co.signups.map(({ phone, ...s }) => ({
    ...s,
    phoneEnc: crypto.encrypt(phone),
    phoneBidx: crypto.blindIndex('phone', phone),
    phoneMasked: maskPhone(phone),
  }));
  const needRows = lists.needs.map(({ requesterPhone, ...n }) => ({
    ...n,
    requesterPhoneEnc: requesterPhone === null ? null : crypto.encrypt(requesterPhone),
    requesterPhoneMasked: requesterPhone === null ? null : maskPhone(requesterPhone),
  }));

  const orgRows = [...orgsByKey.values()].map((o) => o.row);
  const loadedAt = new Date(DEMO_EPOCH + 4 * DAY + shiftDays * DAY);
  await db.transaction(async (tx) => {
    await insertAll(tx, orgs, orgRows);
    await insertAll(tx, places, placeRows);
    await insertAll(tx, persons, personRows);
    await insertAll(tx, accounts, accountRows);
    await insertAll(tx, grants, grantRows);
    await insertAll(tx, partnerships, co.partnerships);
    await insertAll(tx, partnershipMembers, co.partnershipMembers);
    await insertAll(tx, partnershipGoals, co.partnershipGoals);
    await insertAll(tx, activities, co.activities);
    await insertAll(tx, activityOrganisers, co.activityOrganisers);
    await insertAll(tx, activityPartnerships, co.activityPartnerships);
    await insertAll(tx, activityQuotes, co.activityQuotes);
    await insertAll(tx, signups, signupRows);
    await insertAll(tx, partnershipMeetings, co.meetings);
    await insertAll(tx, meetingTasks, co.meetingTasks);
    await insertAll(tx, appointments, zones.appointments);
    await insertAll(tx, responsibilityZones, zones.zones);
    await insertAll(tx, resources, lists.resources);
    await insertAll(tx, needs, needRows);
    await insertAll(tx, projects, lists.projects);
    await insertAll(tx, stationProfiles, stationRows.profiles);
    await insertAll(tx, stationFunctionLinks, stationRows.links);
    await insertAll(tx, serviceOfferings, stationRows.offerings);
    await insertAll(tx, serviceTallies, stationRows.tallies);
    await insertAll(tx, serviceRecords, stationRows.records);
    await insertAll(tx, businessOutcomes, stationRows.outcomes);
    await insertAll(tx, businessLeads, stationRows.leads);
    await insertAll(tx, places, bookingRows.places);
    await insertAll(tx, bookingCampaigns, bookingRows.campaigns);
    await insertAll(tx, bookingSlots, bookingRows.slots);
    await insertAll(tx, bookings, bookingRows.bookings);
    await insertAll(tx, careRecipients, care.recipients);
    await insertAll(tx, careContacts, care.contacts);
    await insertAll(tx, careConsents, care.consents);
    await insertAll(tx, careVisits, care.visits);
    await insertAll(tx, persons, volunteers.recruits);
    await insertAll(tx, volunteerTeams, volunteers.teams);
    await insertAll(tx, teamMemberships, volunteers.memberships);
    await insertAll(tx, volunteerShifts, volunteers.shifts);
    await insertAll(tx, volunteerHours, volunteers.hours);
    await insertAll(tx, wristbandBatches, bands.batches);
    await insertAll(tx, wristbands, bands.bands);
    await insertAll(tx, wristbandScans, bands.scans);
    await insertAll(tx, outboxMessages, bands.messages);
    await tx.insert(auditLog).values({
      id: rng.uuid(loadedAt.getTime()),
      at: loadedAt,
      action: 'demo.loaded',
      entity: 'demo',
      details: {
        seed,
        shiftDays,
        orgs: orgRows.length,
        places: placeRows.length,
        persons: personRows.length,
        accounts: accountRows.length,
        partnerships: co.partnerships.length,
        activities: co.activities.length,
        signups: signupRows.length,
        appointments: zones.appointments.length,
        zones: zones.zones.length,
        needs: needRows.length,
        projects: lists.projects.length,
      },
    });
  });
  // The dashboards read rollups: build them from what was just loaded, dated to today.
  await rebuildRollups(db);
}
