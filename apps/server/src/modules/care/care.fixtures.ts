import { eq } from 'drizzle-orm';
import { uuidv7 } from '../../platform/ids.js';
import type { Role } from '@youshe/shared';
import { accounts, appointments, persons } from '../../db/schema/index.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { sealPersonalData } from '../people/person-secrets.js';
import { signIn, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, TEST_PASSWORD, unique } from '../../test/factories.js';

type Org = Awaited<ReturnType<typeof makeOrg>>;

/** A person in the directory with a sign-in of the given role: volunteers must be people to be paired. */
export async function makePersonAccount(t: TestApp, crypto: FieldCrypto, org: Org, role: Role, grantOrg: Org = org, name = unique('人')) {
  const personId = uuidv7();
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await t.database.db
    .insert(persons)
    .values({ id: personId, orgId: org.id, name, kinds: ['volunteer'], ...sealPersonalData(crypto, { phone }) });
  const account = await makeAccount(t.database.db, [{ role, orgId: grantOrg.id }]);
  await t.database.db.update(accounts).set({ personId }).where(eq(accounts.id, account.id));
  const client = await signIn(t.app, account.login, TEST_PASSWORD);
  return { personId, phone, login: account.login, client };
}

/**
 * Two cities' worth of care: in Changzhou a branch with two carriers, a community with a grid, its partner and
 * appointed grid leader; in Chifeng a community partner and a carrier who must see nothing of Changzhou.
 */
export async function makeCareWorld(t: TestApp) {
  const crypto = t.services.crypto;
  const db = t.database.db;
  const postal = await makeOrg(db, 'city_committee', null, unique('常州市邮政分公司党委'));
  const branch = await makeOrg(db, 'branch', postal, unique('北港支局党支部'));
  const district = await makeOrg(db, 'district', null, unique('常州市武进区'));
  const street = await makeOrg(db, 'street', district, unique('奔牛镇'));
  const community = await makeOrg(db, 'community', street, unique('五心苑社区'));
  const grid = await makeOrg(db, 'grid', community, '第一网格');
  const cfDistrict = await makeOrg(db, 'district', null, unique('赤峰市红山区'));
  const cfCommunity = await makeOrg(db, 'community', cfDistrict, unique('银马社区'));
  const cfGrid = await makeOrg(db, 'grid', cfCommunity, '第一网格');

  const carrier = await makePersonAccount(t, crypto, branch, 'volunteer', branch, '李建国');
  const backup = await makePersonAccount(t, crypto, branch, 'volunteer', branch, '王志强');
  const stranger = await makePersonAccount(t, crypto, branch, 'volunteer');
  const partner = await makePersonAccount(t, crypto, community, 'community_partner', community, '周书记');
  const leader = await makePersonAccount(t, crypto, grid, 'volunteer', grid, '陈网格');
  await db.insert(appointments).values({ id: uuidv7(), personId: leader.personId, orgId: grid.id, post: '网格长', startsOn: '2024-01-01' });
  const secretary = await makePersonAccount(t, crypto, branch, 'branch_secretary', branch, '赵书记');
  const cfPartner = await makePersonAccount(t, crypto, cfCommunity, 'community_partner', cfCommunity);
  const cfCarrier = await makePersonAccount(t, crypto, cfCommunity, 'volunteer', cfCommunity);
  return {
    crypto,
    postal,
    branch,
    community,
    grid,
    cfCommunity,
    cfGrid,
    carrier,
    backup,
    stranger,
    partner,
    leader,
    secretary,
    cfPartner,
    cfCarrier,
  };
}

export type CareWorld = Awaited<ReturnType<typeof makeCareWorld>>;

export function recipientInput(w: CareWorld, overrides: Record<string, unknown> = {}) {
  return {
    orgId: w.grid.id,
    name: '王秀兰',
    phone: '13812345678',
    address: '常州市武进区奔牛镇五心苑12幢301室',
    healthNotes: '高血压，每天早晚服药；右腿行动不便',
    circumstances: ['living_alone', 'children_away'],
    frequency: 'weekly',
    helpWanted: ['cleaning', 'shopping'],
    extraItems: ['medication', 'scam_calls'],
    family: [
      { name: '王小明', relation: '儿子', channel: 'email', to: 'xiaoming@example.com', shares: 'checklist' },
      { name: '王小红', relation: '女儿', channel: 'webhook', to: '13987654321' },
    ],
    neighbours: [{ name: '刘阿姨', relation: '对门邻居', phone: '13700001111' }],
    consent: { givenBy: '王小明', byProxy: true, proxyRelation: '儿子', purposes: ['visits', 'family_reports', 'alerts'] },
    mainVolunteerId: w.carrier.personId,
    backupVolunteerId: w.backup.personId,
    ...overrides,
  };
}

export async function enrol(client: Client, payload: object) {
  const res = await client.inject({ method: 'POST', url: '/api/care/recipients', payload });
  if (res.statusCode !== 200) throw new Error(`enrol failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; name: string };
}

export function visitPayload(recipientId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: uuidv7(),
    recipientId,
    visitedAt: new Date(Date.now() - 3600_000).toISOString(),
    minutes: 40,
    presence: 'visited',
    answers: {
      health: 'ok',
      meals: 'ok',
      sleep: 'concern',
      exercise: 'ok',
      going_out: 'ok',
      daily_life: 'ok',
      worries: 'ok',
      medication: 'ok',
    },
    helpGiven: ['cleaning', 'postal_errands'],
    note: '血压偏高，已提醒按时服药',
    concern: 'none',
    confirmation: 'verbal',
    ...overrides,
  };
}
