import type { PersonKind } from '@youshe/shared';
import { ancestry, type BuiltOrg } from './build-orgs.js';
import { RED_STATIONS } from './data/changzhou.js';
import { CITY_LOCALITIES, DISTRICT_REGIONS, cityOfKey } from './data/localities.js';
import { FEMALE_GIVEN, MALE_GIVEN, PHONE_PREFIXES, ROADS, SURNAMES } from './data/names.js';
import { DemoClock, DemoRandom } from './random.js';

/** A demo person before sealing: personal data still in plain text. */
export interface PlainPerson {
  id: string;
  orgId: string;
  name: string;
  gender: 'male' | 'female';
  kinds: PersonKind[];
  partyJoinDate: string | null;
  partyBranchId: string | null;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
  createdAt: Date;
}

/** Who may be linked to a demo account, per org key. */
export interface OrgPeople {
  /** The secretary (of a branch or a community). */
  leader?: string;
  /** The head of the org's red station, when it runs one. */
  stationHead?: string;
  volunteers: string[];
}

const STATION_BRANCHES = new Set(RED_STATIONS.map((s) => `cz-${s.slug}`));
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check character: ISO 7064 MOD 11-2 over the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function buildPeople(rng: DemoRandom, clock: DemoClock, orgsByKey: Map<string, BuiltOrg>) {
  const people: PlainPerson[] = [];
  const byOrg = new Map<string, OrgPeople>();
  const phones = new Set<string>();
  const idNumbers = new Set<string>();

  const orgPeople = (key: string) => {
    let entry = byOrg.get(key);
    if (!entry) byOrg.set(key, (entry = { volunteers: [] }));
    return entry;
  };

  const phone = () => {
    for (;;) {
      const p = rng.pick(PHONE_PREFIXES) + rng.digits(8);
      if (!phones.has(p)) {
        phones.add(p);
        return p;
      }
    }
  };

  const idNumber = (region: string, birth: { y: number; m: number; d: number }, gender: 'male' | 'female') => {
    for (;;) {
      const seq = rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = `${region}${birth.y}${pad(birth.m)}${pad(birth.d)}${pad(seq, 3)}`;
      const id = first17 + idCheckChar(first17);
      if (!idNumbers.has(id)) {
        idNumbers.add(id);
        return id;
      }
    }
  };

  const birthIn = (from: number, to: number) => ({ y: rng.int(from, to), m: rng.int(1, 12), d: rng.int(1, 28) });

  const name = (gender: 'male' | 'female') => {
    const given = gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN;
    return rng.pick(SURNAMES) + rng.pick(given) + (rng.chance(0.7) ? rng.pick(given) : '');
  };

  /** Joined the party between 18 and 40, never after mid-2024. */
  const joinDate = (birthYear: number) => {
    const y = Math.min(2024, birthYear + rng.int(18, 40));
    return `${y}-${pad(y === 2024 ? rng.int(1, 6) : rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  };

  function add(
    orgKey: string,
    p: {
      kinds: PersonKind[];
      gender?: 'male' | 'female';
      born: [number, number];
      partyBranchKey?: string;
      region: string;
      address: string | null;
      withId: number;
      withPhone: number;
    },
  ) {
    const gender = p.gender ?? (rng.chance(0.5) ? 'male' : 'female');
    const birth = birthIn(p.born[0], p.born[1]);
    const member = p.kinds.includes('party_member');
    const at = clock.tick();
    const person: PlainPerson = {
      id: rng.uuid(at.getTime()),
      orgId: orgsByKey.get(orgKey)!.row.id,
      name: name(gender),
      gender,
      kinds: p.kinds,
      partyJoinDate: member ? joinDate(birth.y) : null,
      partyBranchId: member ? orgsByKey.get(p.partyBranchKey ?? orgKey)!.row.id : null,
      phone: rng.chance(p.withPhone) ? phone() : null,
      idNumber: rng.chance(p.withId) ? idNumber(p.region, birth, gender) : null,
      address: p.address,
      createdAt: at,
    };
    people.push(person);
    return person.id;
  }

  for (const [key, { spec }] of orgsByKey) {
    const city = cityOfKey(key);
    if (!city) continue;
    const loc = CITY_LOCALITIES[city];

    if (spec.kind === 'branch') {
      // Postal staff: a secretary, members (many of them volunteers), and volunteers who are not members.
      const home = () => {
        const [district, region] = rng.pick(loc.districts);
        const address = rng.chance(0.45)
          ? `${loc.province}${loc.city}${district}${rng.pick(ROADS)}${rng.int(1, 260)}号${rng.int(1, 30)}幢${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`
          : null;
        return { region, address };
      };
      const entry = orgPeople(key);
      entry.leader = add(key, { kinds: ['party_member', 'cadre'], born: [1968, 1985], ...home(), withId: 0.5, withPhone: 1 });
      if (STATION_BRANCHES.has(key)) {
        entry.stationHead = add(key, {
          kinds: ['party_member', 'cadre', 'volunteer'],
          born: [1975, 1990],
          ...home(),
          withId: 0.5,
          withPhone: 1,
        });
      }
      const delivery = key === 'cz-delivery';
      const hengyang = city === 'hy';
      const members = delivery ? 8 : rng.int(2, 5);
      for (let i = 0; i < members; i++) {
        const volunteer = delivery || hengyang || rng.chance(0.4);
        const id = add(key, {
          kinds: volunteer ? ['party_member', 'volunteer'] : ['party_member'],
          born: [1962, 2000],
          ...home(),
          withId: 0.25,
          withPhone: 1,
        });
        if (volunteer) entry.volunteers.push(id);
      }
      // Carriers and counter staff who volunteer: the 志愿者邮路 team in Changzhou, 学雷锋 teams in Hengyang.
      const others = delivery ? 12 : hengyang ? rng.int(2, 3) : rng.int(0, 2);
      for (let i = 0; i < others || !entry.volunteers.length; i++)
        entry.volunteers.push(add(key, { kinds: ['volunteer'], born: [1975, 2002], ...home(), withId: 0.2, withPhone: 1 }));
      continue;
    }

    if (spec.kind === 'community') {
      const chain = ancestry(orgsByKey, key);
      const district = chain.find((o) => o.spec.kind === 'district')!;
      const street = chain.find((o) => o.spec.kind === 'street')!;
      const region = DISTRICT_REGIONS[district.spec.key]!;
      const estate = spec.name.replace(/社区$/, '') + rng.pick(['小区', '新村', '花园']);
      const home = () =>
        `${loc.province}${district.spec.name}${street.spec.name}${estate}${rng.int(1, 24)}幢${rng.int(1, 3)}单元${rng.int(1, 6)}0${rng.int(1, 2)}室`;
      const entry = orgPeople(key);
      entry.leader = add(key, { kinds: ['party_member', 'cadre'], born: [1966, 1988], region, address: home(), withId: 0.3, withPhone: 1 });
      // Residents: mostly elderly, some of them retired members of the community's branch, a few young volunteers.
      const residents = rng.int(4, 8);
      for (let i = 0; i < residents; i++) {
        const retiredMember = rng.chance(0.2);
        add(key, {
          kinds: retiredMember ? ['resident', 'party_member'] : ['resident'],
          gender: rng.chance(0.55) ? 'female' : 'male',
          born: [1934, 1958],
          region,
          address: home(),
          withId: 0.6,
          withPhone: 0.75,
        });
      }
      for (let i = rng.int(1, 2); i > 0; i--)
        entry.volunteers.push(
          add(key, { kinds: ['resident', 'volunteer'], born: [1985, 2004], region, address: home(), withId: 0.2, withPhone: 1 }),
        );
      continue;
    }

    if (spec.kind === 'grid') {
      // The grid leader (网格长); in 喀喇沁旗's 向阳社区 a member of the banner's postal company, by agreement.
      const community = orgsByKey.get(key)!.parentKey!;
      const district = ancestry(orgsByKey, key).find((o) => o.spec.kind === 'district')!;
      const partyBranchKey = community === 'cfc-xiangyang' ? 'cf-harqin-ops' : community;
      add(key, {
        kinds: ['cadre', 'party_member'],
        born: [1970, 1992],
        partyBranchKey,
        region: DISTRICT_REGIONS[district.spec.key]!,
        address: null,
        withId: 0,
        withPhone: 1,
      });
      continue;
    }

    if (spec.kind === 'police_station' || spec.kind === 'school' || spec.kind === 'hospital' || spec.kind === 'enterprise') {
      // One contact person per partner unit.
      add(key, { kinds: ['cadre'], born: [1972, 1992], region: loc.districts[0]![1], address: null, withId: 0, withPhone: 1 });
    }
  }
  return { people, byOrg };
}
