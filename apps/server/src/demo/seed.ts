import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Executor } from '../db/client.js';
import { accounts, auditLog, grants, orgs, persons, places } from '../db/schema/index.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { sealPersonalData } from '../modules/people/person-secrets.js';
import type { FieldCrypto } from '../platform/crypto.js';
import { DEMO_ACCOUNT_SPECS } from './accounts.js';
import { buildOrgs } from './build-orgs.js';
import { buildPeople } from './build-people.js';
import { buildPlaces } from './build-places.js';
import { DAY, DEMO_EPOCH, DemoClock, DemoRandom, MINUTE } from './random.js';

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

async function insertAll(tx: Executor, table: PgTable, rows: object[], chunk = 400) {
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk) as any);
}

/**
 * Loads the demo: one org tree over five cities, their stations, outlets and villages, a few hundred
 * people, and a sign-in per role. Same seed, same rows: ids and timestamps come from the seed and a
 * fixed date, never from the clock (only ciphertexts and the password hash differ, by their random nonces).
 * Everything is written in one transaction.
 */
export async function seedDemo(db: Db, crypto: FieldCrypto, options: { seed?: number } = {}): Promise<void> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
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

  const orgRows = [...orgsByKey.values()].map((o) => o.row);
  const loadedAt = new Date(DEMO_EPOCH + 4 * DAY);
  await db.transaction(async (tx) => {
    await insertAll(tx, orgs, orgRows);
    await insertAll(tx, places, placeRows);
    await insertAll(tx, persons, personRows);
    await insertAll(tx, accounts, accountRows);
    await insertAll(tx, grants, grantRows);
    await tx.insert(auditLog).values({
      id: rng.uuid(loadedAt.getTime()),
      at: loadedAt,
      action: 'demo.loaded',
      entity: 'demo',
      details: { seed, orgs: orgRows.length, places: placeRows.length, persons: personRows.length, accounts: accountRows.length },
    });
  });
}
