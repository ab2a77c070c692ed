import type { BuiltOrg } from './build-orgs.js';
import type { OrgPeople, PlainPerson } from './build-people.js';
import type { PlaceInsert } from './build-places.js';
import type { DemoRandom } from './random.js';

/** What the co-construction records point at: the orgs, places, people and sign-ins built before them. */
export interface DemoWorld {
  orgsByKey: Map<string, BuiltOrg>;
  places: PlaceInsert[];
  people: PlainPerson[];
  /** Who heads each org, and its station head. */
  byOrg: Map<string, OrgPeople>;
  /** Account id by login. */
  accountIds: Map<string, string>;
}

/** Look-ups by the names the demo data uses; an unknown name is a mistake in the data and stops the load. */
export function lookups(world: DemoWorld) {
  const byOrgId = new Map<string, PlainPerson[]>();
  for (const p of world.people) {
    const list = byOrgId.get(p.orgId);
    if (list) list.push(p);
    else byOrgId.set(p.orgId, [p]);
  }
  const keyById = new Map([...world.orgsByKey].map(([key, o]) => [o.row.id, key]));
  const org = (key: string) => {
    const found = world.orgsByKey.get(key);
    if (!found) throw new Error(`demo data points at unknown org ${key}`);
    return found.row;
  };
  return {
    org,
    orgId: (key: string) => org(key).id,
    placeId(name: string) {
      const found = world.places.find((p) => p.name === name);
      if (!found) throw new Error(`demo data points at unknown place ${name}`);
      return found.id;
    },
    accountId(login: string | undefined) {
      if (login === undefined) return null;
      const id = world.accountIds.get(login);
      if (!id) throw new Error(`demo data points at unknown login ${login}`);
      return id;
    },
    /** The org key of an org id. */
    keyOf: (id: string) => keyById.get(id)!,
    /** The people whose own unit is the org, in the order they were made (its head first). */
    peopleOf: (key: string) => byOrgId.get(org(key).id) ?? [],
  };
}

/** A token no other row of the same column has: the unique indexes must never see the demo collide. */
export function uniqueToken(rng: DemoRandom, length: number, used: Set<string>): string {
  for (;;) {
    const token = rng.token(length);
    if (!used.has(token)) {
      used.add(token);
      return token;
    }
  }
}
