import type { places } from '../db/schema/index.js';
import type { BuiltOrg } from './build-orgs.js';
import { CHANGZHOU_AREAS, RED_STATIONS } from './data/changzhou.js';
import { AOHAN_VILLAGES, CHIFENG_COUNTIES } from './data/chifeng.js';
import { CITY_CENTERS, OTHER_OUTLETS, PICKUP_POINTS } from './data/outlets.js';
import { ROADS } from './data/names.js';
import { DemoClock, DemoRandom } from './random.js';

export type PlaceInsert = typeof places.$inferInsert & { id: string };

/** The number of Chifeng outlets without a party member, where responsibility zones were set up. */
export const CHIFENG_OUTLETS_WITHOUT_MEMBER = 85;

const OUTLET_HOURS = ['周一至周五 08:30–17:30，周六 09:00–16:00', '周一至周日 08:30–17:00', '周一至周六 08:00–17:30'];
const RURAL_HOURS = ['周一至周五 08:30–16:30', '逢集日 08:00–17:00，其余 09:00–16:00', '周一至周六 09:00–16:00'];
const STATION_HOURS = '驿站 08:30–17:30；户外劳动者歇脚点 07:00–19:00（热水、充电、加热饭菜）';
const PICKUP_HOURS = '每日 08:00–20:00';

/** Rounded to about a metre, so that coordinates print the same everywhere. */
const coord = (v: number) => Math.round(v * 1e6) / 1e6;

export function buildPlaces(rng: DemoRandom, clock: DemoClock, orgsByKey: Map<string, BuiltOrg>): PlaceInsert[] {
  const out: PlaceInsert[] = [];
  const add = (orgKey: string, p: Omit<PlaceInsert, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>) => {
    const org = orgsByKey.get(orgKey);
    if (!org) throw new Error(`demo place points at unknown org ${orgKey}`);
    const at = clock.tick();
    out.push({
      id: rng.uuid(at.getTime()),
      orgId: org.row.id,
      ...p,
      lat: p.lat == null ? null : coord(p.lat),
      lng: p.lng == null ? null : coord(p.lng),
      createdAt: at,
      updatedAt: at,
    });
  };
  const near = (c: { lat: number; lng: number }, spread: number) => ({
    lat: c.lat + (rng.next() - 0.5) * spread,
    lng: c.lng + (rng.next() - 0.5) * spread,
  });

  // Changzhou: the 13 龙城先锋 red stations, each run by its office's branch.
  for (const s of RED_STATIONS) {
    add(`cz-${s.slug}`, {
      kind: 'red_station',
      name: `龙城先锋·${s.office}红色驿站`,
      address: `江苏省${CHANGZHOU_AREAS[s.district]}${s.street}${s.road}`,
      lat: s.lat,
      lng: s.lng,
      openingHours: STATION_HOURS,
      hasPartyMember: true,
    });
  }

  for (const o of OTHER_OUTLETS) {
    add(o.org, {
      kind: 'outlet',
      name: o.name,
      address: o.address,
      ...near(CITY_CENTERS[o.city], o.member ? 0.08 : 0.5),
      openingHours: rng.pick(o.member ? OUTLET_HOURS : RURAL_HOURS),
      hasPartyMember: o.member,
    });
  }
  for (const p of PICKUP_POINTS) {
    add(p.org, {
      kind: 'pickup_point',
      name: p.name,
      address: p.address,
      ...near(CITY_CENTERS[p.city], 0.06),
      openingHours: PICKUP_HOURS,
      hasPartyMember: false,
    });
  }

  // Chifeng: one outlet per town; exactly 85 of them have no party member.
  const towns = CHIFENG_COUNTIES.flatMap((c) => c.towns.map((town, i) => ({ county: c, town, seat: i === 0 })));
  const withoutMember = new Set(
    rng
      .shuffle(towns.filter((t) => !t.seat))
      .slice(0, CHIFENG_OUTLETS_WITHOUT_MEMBER)
      .map((t) => t.town),
  );
  for (const { county, town } of towns) {
    const owner = county.kind === 'branch' ? `cf-${county.slug}` : `cf-${county.slug}-ops`;
    const member = !withoutMember.has(town);
    const suffix = town.endsWith('镇') || town.endsWith('街道') ? '邮政支局' : '邮政所';
    add(owner, {
      kind: 'outlet',
      name: `${county.name}${town.replace(/街道$/, '')}${suffix}`,
      address: `内蒙古自治区赤峰市${county.name}${town}${rng.pick(ROADS)}${rng.int(1, 199)}号`,
      ...near(county, 0.6),
      openingHours: rng.pick(member ? OUTLET_HOURS : RURAL_HOURS),
      hasPartyMember: member,
    });
  }

  // Aohan banner's village logistics points (30 of its 222 villages).
  const aohan = CHIFENG_COUNTIES.find((c) => c.slug === 'aohan')!;
  for (const [town, village] of AOHAN_VILLAGES) {
    add('cf-aohan', {
      kind: 'village',
      name: `${village}邮政村级服务站`,
      address: `内蒙古自治区赤峰市敖汉旗${town}${village}村委会`,
      ...near(aohan, 0.9),
      openingHours: null,
      hasPartyMember: false,
    });
  }
  return out;
}
