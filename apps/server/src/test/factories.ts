import { randomBytes } from 'node:crypto';
import { sideOfKind, type OrgKind, type Role } from '@youshe/shared';
import { uuidv7 } from '../platform/ids.js';
import type { Executor } from '../db/client.js';
import { accounts, grants } from '../db/schema/index.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { orgsRepository } from '../modules/orgs/orgs.repository.js';

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export async function makeOrg(
  db: Executor,
  kind: OrgKind,
  parent: { id: string; path: string; depth: number } | null = null,
  name?: string,
) {
  return orgsRepository.insert(
    db,
    { id: uuidv7(), parentId: parent?.id ?? null, kind, side: sideOfKind(kind), name: name ?? unique(kind) },
    parent,
  );
}

export const TEST_PASSWORD = 'correct-horse-battery';
let cachedHash: Promise<string> | null = null;

/** An account with the given grants; the password is TEST_PASSWORD (hashed once per file to keep tests quick). */
export async function makeAccount(db: Executor, grantList: { role: Role; orgId: string | null }[], login = unique('user')) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const id = uuidv7();
  await db.insert(accounts).values({ id, login, passwordHash: await cachedHash });
  for (const g of grantList) await db.insert(grants).values({ id: uuidv7(), accountId: id, role: g.role, orgId: g.orgId });
  return { id, login };
}

/** Two provinces with a city and a branch each, and an account per interesting role. */
export async function makeTwoCities(db: Executor) {
  const group = await makeOrg(db, 'group');
  const jiangsu = await makeOrg(db, 'province_committee', group);
  const changzhou = await makeOrg(db, 'city_committee', jiangsu, unique('常州'));
  const czBranch = await makeOrg(db, 'branch', changzhou, unique('常州支部'));
  const neimeng = await makeOrg(db, 'province_committee', group);
  const chifeng = await makeOrg(db, 'city_committee', neimeng, unique('赤峰'));
  const cfBranch = await makeOrg(db, 'branch', chifeng, unique('赤峰支部'));
  const admin = await makeAccount(db, [{ role: 'platform_admin', orgId: null }]);
  const czSecretary = await makeAccount(db, [{ role: 'branch_secretary', orgId: czBranch.id }]);
  const czOfficer = await makeAccount(db, [{ role: 'committee_officer', orgId: changzhou.id }]);
  const czVolunteer = await makeAccount(db, [{ role: 'volunteer', orgId: czBranch.id }]);
  return { group, jiangsu, changzhou, czBranch, neimeng, chifeng, cfBranch, admin, czSecretary, czOfficer, czVolunteer };
}
