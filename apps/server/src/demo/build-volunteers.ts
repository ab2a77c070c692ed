import type { careVisits, persons, teamMemberships, volunteerHours, volunteerShifts, volunteerTeams } from '../db/schema/index.js';
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from './data/names.js';
import { RED_STATIONS } from './data/changzhou.js';
import { DAY, DEMO_TODAY, DemoRandom, HOUR, shanghai } from './random.js';
import { lookups, type DemoWorld } from './world.js';

/** Changzhou's volunteers grew from 35 to 562 (DOMAIN.md): 35 at the founding, 562 on the demo's today. */
const FOUNDED = '2021-03-05';
const FIRST = 35;
const NOW = 562;
/** Some left along the way; more joined, so that 562 remain. */
const LEAVERS = 18;

const isoDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

/**
 * Changzhou's volunteer teams: the city's 驿路阳光 counter-staff team, a 志愿者邮路 carriers' team at each of the
 * 13 red-station branches, and a 学雷锋 squad; membership that grows 35 → 562 from March 2021 to the demo's today
 * (faster in later years, as the movement spread), shifts at the stations and hours from the care visits.
 */
export function buildVolunteers(seed: number, world: DemoWorld, visits: (typeof careVisits.$inferInsert)[]) {
  const rng = new DemoRandom(seed ^ 0x5f1d);
  const { orgId } = lookups(world);
  const createdAt = new Date(shanghai(`${FOUNDED} 09:00`));
  const teams: (typeof volunteerTeams.$inferInsert)[] = [];
  const team = (org: string, kind: string, name: string, description: string) => {
    const row = {
      id: rng.uuid(createdAt.getTime() + teams.length),
      orgId: orgId(org),
      kind,
      name,
      description,
      createdAt,
      updatedAt: createdAt,
    };
    teams.push(row);
    return row;
  };
  const counter = team('cz', 'counter', '“驿路阳光”志愿服务队', '营业员志愿者：网点便民服务、适老化助办');
  const leifeng = team('cz-delivery', 'leifeng', '学雷锋志愿服务小分队', '每月 5 日学雷锋日便民服务');
  const carriers = RED_STATIONS.map((s) =>
    team(`cz-${s.slug}`, 'carrier', `${s.office}“志愿者邮路”服务队`, '投递员结对独居老人，入户探访、代办代购'),
  );

  // The volunteers: Changzhou's own people first (the demo's carrier account among them), then new recruits.
  const czPeople = world.people.filter((p) => [...world.orgsByKey].some(([key, o]) => key.startsWith('cz-') && o.row.id === p.orgId));
  const demoVolunteer = world.byOrg.get('cz-beigang')?.volunteers[0];
  const known = czPeople.map((p) => p.id).filter((id) => id !== demoVolunteer);
  const recruits: (typeof persons.$inferInsert)[] = [];
  const total = NOW + LEAVERS;
  const ids = [...(demoVolunteer ? [demoVolunteer] : []), ...rng.shuffle(known)].slice(0, total);
  const branchKeys = RED_STATIONS.map((s) => `cz-${s.slug}`);
  while (ids.length < total) {
    const female = rng.chance(0.45);
    const branch = rng.pick(branchKeys);
    const at = createdAt.getTime() + ids.length * 60_000;
    const row = {
      id: rng.uuid(at),
      orgId: orgId(branch),
      name:
        rng.pick(SURNAMES) +
        rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN) +
        (rng.chance(0.6) ? rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN) : ''),
      gender: female ? 'female' : 'male',
      kinds: ['volunteer'],
      createdAt: new Date(at),
      updatedAt: new Date(at),
    };
    recruits.push(row);
    ids.push(row.id);
  }
  const orgOf = new Map([...world.people.map((p) => [p.id, p.orgId] as const), ...recruits.map((r) => [r.id, r.orgId] as const)]);
  const carrierOf = (personId: string) => carriers.find((c) => c.orgId === orgOf.get(personId)) ?? rng.pick(carriers);

  // Joining dates: the first 35 at the founding, the rest along a curve that steepens (t² of the span).
  const start = Date.parse(`${FOUNDED}T00:00:00+08:00`);
  const span = DEMO_TODAY - 7 * DAY - start;
  const memberships: (typeof teamMemberships.$inferInsert)[] = [];
  const step = Math.floor((total - FIRST - 20) / LEAVERS);
  const leaverIndex = new Set(Array.from({ length: LEAVERS }, (_, k) => FIRST + 10 + k * step));
  ids.forEach((personId, i) => {
    const joinedAt = i < FIRST ? start : start + Math.round(span * Math.sqrt((i - FIRST + 1) / (total - FIRST)));
    const teamRow = i % 9 === 4 ? counter : i % 13 === 6 ? leifeng : carrierOf(personId);
    const leftOn = leaverIndex.has(i)
      ? isoDay(joinedAt + Math.max(0, Math.min(DEMO_TODAY - joinedAt - 2 * DAY, rng.int(60, 400) * DAY)))
      : null;
    memberships.push({
      id: rng.uuid(joinedAt + i),
      teamId: teamRow.id!,
      personId,
      joinedOn: isoDay(joinedAt),
      leftOn,
      createdAt: new Date(joinedAt),
    });
  });

  // Station shifts over the last four weeks, most approved; the demo carrier's are among them.
  const shifts: (typeof volunteerShifts.$inferInsert)[] = [];
  const hours: (typeof volunteerHours.$inferInsert)[] = [];
  const coordinator = world.accountIds.get('cz-secretary') ?? null;
  const active = memberships.filter((m) => !m.leftOn).slice(0, 60);
  active.forEach((m, i) => {
    for (let k = 0; k < (m.personId === demoVolunteer ? 6 : 2); k++) {
      const day = DEMO_TODAY - rng.int(1, 28) * DAY;
      const inAt = day + rng.int(1, 6) * HOUR;
      const minutes = rng.int(6, 16) * 15;
      const id = rng.uuid(inAt + i * 7 + k);
      const team = teams.find((t) => t.id === m.teamId)!;
      shifts.push({
        id,
        personId: m.personId,
        orgId: team.orgId,
        teamId: team.id,
        place: team.name,
        checkedInAt: new Date(inAt),
        checkedOutAt: new Date(inAt + minutes * 60_000),
        createdAt: new Date(inAt),
      });
      const approved = k < (m.personId === demoVolunteer ? 4 : 1);
      hours.push({
        id: rng.uuid(inAt + minutes * 60_000 + i + k),
        personId: m.personId,
        orgId: team.orgId,
        source: 'shift',
        sourceId: id,
        startedAt: new Date(inAt),
        minutes,
        status: approved ? 'approved' : 'pending',
        decidedBy: approved ? coordinator : null,
        decidedAt: approved ? new Date(inAt + DAY) : null,
        createdAt: new Date(inAt + minutes * 60_000),
      });
    }
  });
  // The care visits count as hours too, as recordHours does when a visit is logged.
  for (const v of visits) {
    if (!v.volunteerId || !v.minutes) continue;
    const at = (v.visitedAt as Date).getTime();
    const old = DEMO_TODAY - at > 10 * DAY;
    hours.push({
      id: rng.uuid(at + 3),
      personId: v.volunteerId,
      orgId: orgOf.get(v.volunteerId) ?? v.orgId!,
      source: 'visit',
      sourceId: v.id!,
      startedAt: new Date(at),
      minutes: v.minutes,
      status: old ? 'approved' : 'pending',
      decidedBy: old ? coordinator : null,
      decidedAt: old ? new Date(at + 2 * DAY) : null,
      createdAt: new Date(at),
    });
  }
  return { teams, memberships, recruits, shifts, hours };
}
