import { ZONE_ROLES } from '@youshe/shared';
import type { appointments, responsibilityZones } from '../db/schema/index.js';
import { RED_STATIONS } from './data/changzhou.js';
import { DemoClock, DemoRandom } from './random.js';
import { lookups, type DemoWorld } from './world.js';

/** Station heads sit as deputy secretaries of their community's party branch (10 of Changzhou's 13). */
const DEPUTY_SECRETARY = { post: '社区党支部副书记', startsOn: '2023-07-01' };
/** 喀喇沁旗 members serve as grid leaders of 向阳社区, by the 多元治理共同体 agreement. */
const GRID_LEADER = { post: '网格长', startsOn: '2024-04-15', from: 'cf-harqin-ops', grids: ['cfc-xiangyang-g1', 'cfc-xiangyang-g2'] };
/** Responsibility zones: Chifeng's 85 outlets without a member (2024), Hengyang's 包片/包点 of its rural ones. */
const ZONE_CITIES = [
  { prefix: 'cf-', startsOn: '2024-02-01' },
  { prefix: 'hy-', startsOn: '2024-03-01' },
];

/**
 * Cross-appointments and responsibility zones. Every outlet without a party member in Chifeng and
 * Hengyang is covered by a member of the branch that runs it, in all five roles; the few such outlets
 * elsewhere are left uncovered, as the coverage view should show.
 */
export function buildZones(rng: DemoRandom, clock: DemoClock, world: DemoWorld) {
  const { orgId, keyOf, peopleOf } = lookups(world);
  const appointmentRows: (typeof appointments.$inferInsert)[] = [];
  const appoint = (personId: string, hostKey: string, post: string, startsOn: string) => {
    const at = clock.tick();
    appointmentRows.push({ id: rng.uuid(at.getTime()), personId, orgId: orgId(hostKey), post, startsOn, endsOn: null, createdAt: at });
  };

  for (const station of RED_STATIONS.filter((s) => s.deputySecretary)) {
    const head = world.byOrg.get(`cz-${station.slug}`)?.stationHead;
    if (!head) throw new Error(`demo: no station head at cz-${station.slug}`);
    appoint(head, `czc-${station.slug}`, DEPUTY_SECRETARY.post, DEPUTY_SECRETARY.startsOn);
  }
  const members = peopleOf(GRID_LEADER.from).filter((p) => p.kinds.includes('party_member'));
  // Not the secretary when the branch has members enough: the grids want someone on the ground.
  const candidates = rng.shuffle(members.length > GRID_LEADER.grids.length ? members.slice(1) : members);
  GRID_LEADER.grids.forEach((grid, i) => appoint(candidates[i % candidates.length]!.id, grid, GRID_LEADER.post, GRID_LEADER.startsOn));

  const zoneRows: (typeof responsibilityZones.$inferInsert)[] = [];
  const rota = new Map<string, { ids: string[]; next: number }>();
  for (const place of world.places) {
    if (place.kind !== 'outlet' || place.hasPartyMember) continue;
    const ownerKey = keyOf(place.orgId);
    const city = ZONE_CITIES.find((c) => ownerKey.startsWith(c.prefix));
    if (!city) continue;
    let turn = rota.get(ownerKey);
    if (!turn) {
      const ids = rng.shuffle(peopleOf(ownerKey).filter((p) => p.kinds.includes('party_member'))).map((p) => p.id);
      if (!ids.length) throw new Error(`demo: no party member in ${ownerKey} to cover ${place.name}`);
      rota.set(ownerKey, (turn = { ids, next: 0 }));
    }
    const at = clock.tick();
    zoneRows.push({
      id: rng.uuid(at.getTime()),
      personId: turn.ids[turn.next++ % turn.ids.length]!,
      placeId: place.id,
      roles: [...ZONE_ROLES],
      startsOn: city.startsOn,
      endsOn: null,
      createdAt: at,
    });
  }
  return { appointments: appointmentRows, zones: zoneRows };
}
