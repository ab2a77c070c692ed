import { randomBytes } from 'node:crypto';
import { ROLES, loginNameSchema } from '@youshe/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { verifyPassword } from '../modules/auth/passwords.js';
import { FieldCrypto, maskAddress, maskIdNumber, maskPhone } from '../platform/crypto.js';
import { freshDatabase } from '../test/harness.js';
import { makeAccount } from '../test/factories.js';
import { DEMO_ACCOUNTS } from './accounts.js';
import { idCheckChar } from './build-people.js';
import { DAY, DEMO_EPOCH, demoShiftDays } from './random.js';
import { DEMO_PASSWORD, demoState, isDemoLoaded, seedDemo } from './seed.js';

const crypto = new FieldCrypto(randomBytes(32), randomBytes(32));

async function rows(database: Database, sql: string, params: unknown[] = []) {
  return database.withConnection(async (q) => (await q(sql, params)).rows);
}

/** Every demo row in plain form: ciphertexts decrypted, the password hash (random salt) left out. */
async function plainSnapshot(database: Database) {
  const dec = (v: string | null) => (v === null ? null : crypto.decrypt(v));
  const persons = (await rows(database, 'select row_to_json(p)::text as j from persons p order by id')).map((r) => {
    const p = JSON.parse(r.j);
    return { ...p, phone_enc: dec(p.phone_enc), id_number_enc: dec(p.id_number_enc), address_enc: dec(p.address_enc) };
  });
  const accounts = (await rows(database, 'select row_to_json(a)::text as j from accounts a order by id')).map((r) => {
    const { password_hash: _h, ...a } = JSON.parse(r.j);
    return a;
  });
  const plain = async (table: string, order = 'id') =>
    (await rows(database, `select row_to_json(t)::text as j from ${table} t order by ${order}`)).map((r) => r.j as string);
  const signups = (await rows(database, 'select row_to_json(s)::text as j from signups s order by id')).map((r) => {
    const s = JSON.parse(r.j);
    return { ...s, phone_enc: dec(s.phone_enc) };
  });
  const needs = (await rows(database, 'select row_to_json(n)::text as j from needs n order by id')).map((r) => {
    const n = JSON.parse(r.j);
    return { ...n, requester_phone_enc: dec(n.requester_phone_enc) };
  });
  return {
    orgs: await plain('orgs'),
    places: await plain('places'),
    persons,
    accounts,
    grants: await plain('grants'),
    audit: await plain('audit_log'),
    partnerships: await plain('partnerships'),
    partnershipMembers: await plain('partnership_members', 'partnership_id, org_id'),
    goals: await plain('partnership_goals'),
    activities: await plain('activities'),
    organisers: await plain('activity_organisers', 'activity_id, org_id'),
    links: await plain('activity_partnerships', 'activity_id, partnership_id'),
    signups,
    meetings: await plain('partnership_meetings'),
    tasks: await plain('meeting_tasks'),
    appointments: await plain('appointments'),
    zones: await plain('responsibility_zones'),
    resources: await plain('resources'),
    needs,
    projects: await plain('projects'),
  };
}

/** Any day will do: the demo moves its dates so that this is its "today". */
const LOAD_DAY = new Date(Date.UTC(2026, 2, 18, 2, 0));
const SHIFT = demoShiftDays(LOAD_DAY) * DAY;

describe('demo data', () => {
  let a: Database;
  let b: Database;
  let seedMs = 0;

  beforeAll(async () => {
    [a, b] = await Promise.all([freshDatabase(), freshDatabase()]);
    expect(await isDemoLoaded(a.db)).toBe(false);
    const started = Date.now();
    await seedDemo(a.db, crypto, { seed: 7, today: LOAD_DAY });
    seedMs = Date.now() - started;
    await seedDemo(b.db, crypto, { seed: 7, today: LOAD_DAY });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('loads quickly and marks the database as loaded', async () => {
    expect(seedMs).toBeLessThan(10_000);
    expect(await isDemoLoaded(a.db)).toBe(true);
    expect(await demoState(a.db)).toBe('loaded');
  });

  it('gives the same rows, ids and timestamps for the same seed', async () => {
    const [x, y] = await Promise.all([plainSnapshot(a), plainSnapshot(b)]);
    expect(x.orgs.length).toBeGreaterThan(150);
    expect(x.persons.length).toBeGreaterThan(300);
    expect(x.activities.length).toBeGreaterThan(20);
    expect(x.signups.length).toBeGreaterThan(0);
    expect(x.zones.length).toBeGreaterThanOrEqual(85);
    expect(y).toEqual(x);
  });

  it('tells an empty database from one in use; another seed gives other ids, same structure', async () => {
    const c = await freshDatabase();
    try {
      expect(await demoState(c.db)).toBe('empty');
      // A database with data of its own is "in use": the server then leaves it alone.
      await makeAccount(c.db, [{ role: 'platform_admin', orgId: null }]);
      expect(await demoState(c.db)).toBe('in_use');
      expect(await isDemoLoaded(c.db)).toBe(true);
      await seedDemo(c.db, crypto, { seed: 8 });
      const count = async (d: Database, t: string) => (await rows(d, `select count(*)::int as n from ${t}`))[0].n;
      expect(await count(c, 'orgs')).toBe(await count(a, 'orgs'));
      expect(await count(c, 'places')).toBe(await count(a, 'places'));
      const [idA] = await rows(a, `select id from orgs where parent_id is null and code = 'CNPOST'`);
      const [idC] = await rows(c, `select id from orgs where parent_id is null and code = 'CNPOST'`);
      expect(idC.id).not.toBe(idA.id);
    } finally {
      await c.close();
    }
  });

  it('has the committees of the five demo cities under one postal root', async () => {
    const roots = await rows(a, `select name, kind from orgs where parent_id is null and side = 'postal'`);
    expect(roots).toEqual([{ name: '中国邮政集团有限公司党组', kind: 'group' }]);
    const cities = (await rows(a, `select name from orgs where kind = 'city_committee'`)).map((r) => r.name as string);
    for (const city of ['固原', '银川', '无锡', '衡阳', '常州', '赤峰']) expect(cities.some((n) => n.startsWith(city))).toBe(true);
    const provinces = (await rows(a, `select name from orgs where kind = 'province_committee'`)).map((r) => r.name as string);
    for (const p of ['宁夏', '江苏', '湖南', '内蒙古']) expect(provinces.some((n) => n.includes(p))).toBe(true);
    for (const name of [
      '原州区分公司党支部',
      '银川西城分公司党支部',
      '锡山区分公司党支部',
      '敖汉旗分公司党委',
      '宋家巷社区',
      '长城花园社区',
      '银马社区',
      '鹅湖街道',
      '东亭街道',
      '无锡市公安局锡山分局东亭派出所',
    ]) {
      expect((await rows(a, 'select count(*)::int as n from orgs where name = $1', [name]))[0].n, name).toBe(1);
    }
  });

  it('puts partner units of every kind under a district', async () => {
    const partners = await rows(
      a,
      `select c.kind, p.kind as parent from orgs c join orgs p on p.id = c.parent_id where c.side = 'partner'`,
    );
    expect([...new Set(partners.map((x) => x.kind))].sort()).toEqual(['enterprise', 'hospital', 'police_station', 'school']);
    expect(new Set(partners.map((x) => x.parent))).toEqual(new Set(['district']));
    const communities = await rows(a, `select count(*)::int as n from orgs where kind = 'community'`);
    expect(communities[0].n).toBeGreaterThanOrEqual(13 + 10);
  });

  it('keeps every materialised path and depth consistent with the parent', async () => {
    const bad = await rows(
      a,
      `select c.name from orgs c left join orgs p on p.id = c.parent_id
       where (p.id is null and (c.path <> '/' || c.id || '/' or c.depth <> 0))
          or (p.id is not null and (c.path <> p.path || c.id || '/' or c.depth <> p.depth + 1))`,
    );
    expect(bad).toEqual([]);
    const sides = await rows(
      a,
      `select count(*)::int as n from orgs c join orgs p on p.id = c.parent_id where c.side = 'postal' and p.side <> 'postal'`,
    );
    expect(sides[0].n).toBe(0);
  });

  it("has Changzhou's 13 red stations and Chifeng's 85 outlets without a party member", async () => {
    const inCity = (prefix: string, where: string) =>
      rows(
        a,
        `select count(*)::int as n from places p join orgs o on o.id = p.org_id where o.path like (select path from orgs where name = $1) || '%' and ${where}`,
        [prefix],
      );
    expect((await inCity('常州市邮政分公司党委', `p.kind = 'red_station'`))[0].n).toBe(13);
    expect((await rows(a, `select count(*)::int as n from places where kind = 'red_station'`))[0].n).toBe(13);
    expect((await inCity('赤峰市邮政分公司党委', `p.kind = 'outlet' and not p.has_party_member`))[0].n).toBe(85);
    expect((await inCity('赤峰市邮政分公司党委', `p.kind = 'outlet' and p.has_party_member`))[0].n).toBeGreaterThan(0);
    expect((await inCity('敖汉旗分公司党委', `p.kind = 'village'`))[0].n).toBe(30);
    const stations = await rows(
      a,
      `select p.name, p.lat, p.lng, p.address, p.opening_hours, o.kind from places p join orgs o on o.id = p.org_id where p.kind = 'red_station'`,
    );
    for (const s of stations) {
      expect(s.kind).toBe('branch');
      expect(s.address).toMatch(/^江苏省常州市/);
      expect(s.opening_hours).toBeTruthy();
      expect(s.lat).toBeGreaterThan(31.5);
      expect(s.lat).toBeLessThan(32.1);
      expect(s.lng).toBeGreaterThan(119.4);
      expect(s.lng).toBeLessThan(120.3);
    }
  });

  it('records the co-construction of the articles consistently', async () => {
    // Every activity: its owner among its organisers, a public token, places taken = confirmed sign-ups.
    const acts = await rows(
      a,
      `select a.*, (select count(*)::int from signups s where s.activity_id = a.id and s.status = 'confirmed' and not s.walkin) as confirmed,
         exists (select 1 from activity_organisers o where o.activity_id = a.id and o.org_id = a.org_id) as owner_organises,
         (select outcome_fields from activity_kinds k where k.id = a.kind_id) as fields
       from activities a`,
    );
    expect(new Set(acts.map((x) => x.public_token)).size).toBe(acts.length);
    for (const x of acts) {
      expect(x.public_token, x.title).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(x.owner_organises, x.title).toBe(true);
      expect(x.taken_count, x.title).toBe(x.confirmed);
      if (x.status === 'closed') {
        for (const f of x.fields.filter((f: { required: boolean }) => f.required))
          expect(x.outcome[f.key], `${x.title}: ${f.key}`).toBeGreaterThan(0);
        expect(new Date(x.closed_at).getTime()).toBeLessThan(DEMO_EPOCH + SHIFT);
      } else {
        expect(x.status).toBe('published');
        // Still to come on the day the demo was loaded, whatever that day is.
        expect(new Date(x.starts_at).getTime()).toBeGreaterThan(LOAD_DAY.getTime());
        expect(x.confirmed).toBeGreaterThan(0);
        expect(x.confirmed).toBeLessThanOrEqual(x.capacity);
      }
    }
    const figure = (title: string, key: string) => acts.find((x) => x.title.includes(title))!.outcome[key];
    expect(figure('我和我的祖国', 'people_served')).toBeGreaterThan(0);
    // The article's date (2024-07-26 09:00 in Shanghai), moved with the rest of the demo.
    expect(acts.find((x) => x.title.includes('我和我的祖国'))!.starts_at.getTime()).toBe(Date.parse('2024-07-26T01:00:00Z') + SHIFT);
    expect(figure('图书捐赠', 'value_donated_fen')).toBe(1_200_000);
    expect(figure('无偿献血', 'blood_donors')).toBe(26);
    expect(figure('孤寡老人及行动不便', 'households_visited')).toBe(23);
    expect(figure('西新桥小学', 'people_served')).toBe(65);
    expect(figure('西吉土豆', 'sales_fen')).toBe(200_000_000);

    const owners = await rows(
      a,
      `select count(*)::int as n from partnerships p where not exists (select 1 from partnership_members m where m.partnership_id = p.id and m.org_id = p.org_id)`,
    );
    expect(owners[0].n).toBe(0);

    for (const s of await rows(a, 'select * from signups')) {
      const phone = crypto.decrypt(s.phone_enc);
      expect(s.phone_bidx).toBe(crypto.blindIndex('phone', phone));
      expect(s.phone_masked).toBe(maskPhone(phone));
      expect(s.code).toMatch(/^[A-Za-z0-9_-]{16}$/);
    }
    const needs = await rows(a, 'select n.*, (select status from projects p where p.need_id = n.id) as project from needs n');
    for (const n of needs) {
      if (n.source === 'resident') {
        expect(maskPhone(crypto.decrypt(n.requester_phone_enc))).toBe(n.requester_phone_masked);
        expect(n.tracking_code).toMatch(/^[A-Za-z0-9_-]{16}$/);
        expect(n.consent_at).not.toBeNull();
      } else expect(n.requester_phone_enc).toBeNull();
      expect(n.status).toBe({ done: 'done', claimed: 'matched', open: 'matched' }[n.project as string] ?? 'open');
    }
    const projects = await rows(
      a,
      `select p.status, p.beneficiary_confirmed, a.login from projects p left join accounts a on a.id = p.claimed_by order by p.status`,
    );
    expect(projects).toEqual([
      { status: 'claimed', beneficiary_confirmed: false, login: 'cz-station' },
      { status: 'done', beneficiary_confirmed: true, login: 'wx-secretary' },
      { status: 'open', beneficiary_confirmed: false, login: null },
    ]);
    expect((await rows(a, 'select count(*)::int as n from resources'))[0].n).toBeGreaterThan(5);
  });

  it('seals personal data the way the people module does', async () => {
    const people = await rows(a, 'select * from persons');
    const phones = new Set<string>();
    for (const p of people) {
      expect(p.kinds.length).toBeGreaterThan(0);
      if (p.kinds.includes('party_member')) {
        expect(p.party_join_date).not.toBeNull();
        expect(p.party_branch_id).not.toBeNull();
      } else expect(p.party_branch_id).toBeNull();
      if (p.phone_enc) {
        const phone = crypto.decrypt(p.phone_enc);
        expect(phone).toMatch(/^1[3-9]\d{9}$/);
        expect(phones.has(phone)).toBe(false);
        phones.add(phone);
        expect(p.phone_bidx).toBe(crypto.blindIndex('phone', phone));
        expect(p.phone_masked).toBe(maskPhone(phone));
      } else expect(p.phone_bidx).toBeNull();
      if (p.id_number_enc) {
        const id = crypto.decrypt(p.id_number_enc);
        expect(id).toMatch(/^\d{17}[\dX]$/);
        expect(id[17]).toBe(idCheckChar(id.slice(0, 17)));
        expect(Number(id[16]) % 2).toBe(p.gender === 'male' ? 1 : 0);
        expect(p.id_number_bidx).toBe(crypto.blindIndex('id_number', id));
        expect(p.id_number_masked).toBe(maskIdNumber(id));
      }
      if (p.address_enc) expect(p.address_masked).toBe(maskAddress(crypto.decrypt(p.address_enc)));
    }
    const kinds = await rows(a, `select k, count(*)::int as n from persons, unnest(kinds) k group by k`);
    expect(kinds.map((k) => k.k).sort()).toEqual(['cadre', 'party_member', 'resident', 'volunteer']);
  });

  it('has an account for every role, all with the demo password, most linked to a person', async () => {
    const accounts = await rows(
      a,
      `select a.login, a.password_hash, a.person_id, g.role, o.name as org from accounts a join grants g on g.account_id = a.id left join orgs o on o.id = g.org_id order by a.login`,
    );
    expect(accounts.map((x) => x.login).sort()).toEqual(DEMO_ACCOUNTS.map((x) => x.login).sort());
    for (const role of ROLES) expect(accounts.filter((x) => x.role === role).length, role).toBeGreaterThan(0);
    for (const d of DEMO_ACCOUNTS) expect(loginNameSchema.safeParse(d.login).success, d.login).toBe(true);
    for (const d of DEMO_ACCOUNTS) {
      const row = accounts.find((x) => x.login === d.login)!;
      expect(row.role).toBe(d.role);
      if (d.role !== 'platform_admin') expect(row.org).toBe(d.org);
    }
    expect(accounts.filter((x) => x.person_id).length).toBe(DEMO_ACCOUNTS.length - 1);
    expect(await verifyPassword(accounts[0].password_hash, DEMO_PASSWORD)).toBe(true);
  });
});
