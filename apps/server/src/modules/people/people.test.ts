import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persons } from '../../db/schema/index.js';
import { createTestApp, signIn, signInAll, type TestApp } from '../../test/harness.js';
import { makeAccount, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
type Client = Awaited<ReturnType<typeof signIn>>;
let admin: Client, czSecretary: Client, czVolunteer: Client, cfSecretary: Client;

const wang = {
  name: '王秀英',
  kinds: ['party_member', 'volunteer'],
  phone: '13912345678',
  idNumber: '32040219800101123x',
  address: '常州市钟楼区南大街12号',
  partyJoinDate: '2001-07-01',
};

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const cf = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  [admin, czSecretary, czVolunteer, cfSecretary] = await signInAll(
    t.app,
    [w.admin.login, w.czSecretary.login, w.czVolunteer.login, cf.login],
    TEST_PASSWORD,
  );
});
afterAll(() => t.close());

async function addWang(client: Client = czSecretary, extra: object = {}) {
  const res = await client.inject({
    method: 'POST',
    url: '/api/people',
    payload: { orgId: w.czBranch.id, partyBranchId: w.czBranch.id, ...wang, ...extra },
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('people directory', () => {
  it('stores phone, ID number and address encrypted, and lists them masked', async () => {
    const p = await addWang();
    expect(p).toMatchObject({
      name: '王秀英',
      phoneMasked: '139****5678',
      idNumberMasked: '3204**********123X',
      addressMasked: '常州市钟楼区****',
      partyBranchName: w.czBranch.name,
    });
    const [row] = await t.database.db.select().from(persons).where(eq(persons.id, p.id));
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('13912345678');
    expect(stored).not.toContain('南大街');
    expect(stored).not.toContain('1980010112');
    expect(row!.phoneEnc).toMatch(/^v1:/);
  });

  it('finds people by part of a Chinese name and by exact phone only', async () => {
    const p = await addWang(czSecretary, { name: '李建国', phone: '13700001111' });
    const byName = (await czSecretary.inject({ method: 'GET', url: `/api/people?q=${encodeURIComponent('建国')}` })).json();
    expect(byName.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    const byPhone = (await czSecretary.inject({ method: 'GET', url: '/api/people?phone=13700001111' })).json();
    expect(byPhone.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    const partial = await czSecretary.inject({ method: 'GET', url: '/api/people?phone=1370000' });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().details[0]).toMatchObject({ path: 'phone', message: '手机号格式不正确，应为 11 位数字，以 1 开头' });
  });

  it('reveals a field only on request, and writes who saw it to the audit log', async () => {
    const p = await addWang();
    const res = await czSecretary.inject({ method: 'POST', url: `/api/people/${p.id}/reveal`, payload: { field: 'phone' } });
    expect(res.json()).toEqual({ field: 'phone', value: '13912345678' });
    const addr = await czSecretary.inject({ method: 'POST', url: `/api/people/${p.id}/reveal`, payload: { field: 'address' } });
    expect(addr.json().value).toBe('常州市钟楼区南大街12号');
    const log = (await admin.inject({ method: 'GET', url: `/api/audit?entityId=${p.id}&action=person.reveal` })).json();
    expect(log.items).toHaveLength(2);
    expect(log.items[0]).toMatchObject({ actorLogin: w.czSecretary.login, action: 'person.reveal', details: { field: 'address' } });
    // The audit entry names the field, never the value.
    expect(JSON.stringify(log.items)).not.toContain('13912345678');
  });

  it('refuses reveals to roles without the right, and hides people outside the subtree', async () => {
    const p = await addWang();
    const volunteer = await czVolunteer.inject({ method: 'POST', url: `/api/people/${p.id}/reveal`, payload: { field: 'phone' } });
    expect(volunteer.statusCode).toBe(403);
    expect(volunteer.json().value).toBeUndefined();
    expect((await cfSecretary.inject({ method: 'GET', url: `/api/people/${p.id}` })).statusCode).toBe(404);
    expect((await cfSecretary.inject({ method: 'POST', url: `/api/people/${p.id}/reveal`, payload: { field: 'phone' } })).statusCode).toBe(
      404,
    );
    expect((await cfSecretary.inject({ method: 'PATCH', url: `/api/people/${p.id}`, payload: { name: '改名' } })).statusCode).toBe(404);
    const list = (await cfSecretary.inject({ method: 'GET', url: '/api/people?phone=13912345678' })).json();
    expect(list.items).toEqual([]);
    const create = await cfSecretary.inject({ method: 'POST', url: '/api/people', payload: { ...wang, orgId: w.czBranch.id } });
    expect(create.statusCode).toBe(404);
  });

  it('updates and clears personal fields; the masked copies follow', async () => {
    const p = await addWang();
    const upd = (
      await czSecretary.inject({ method: 'PATCH', url: `/api/people/${p.id}`, payload: { phone: '15800002222', address: null } })
    ).json();
    expect(upd.phoneMasked).toBe('158****2222');
    expect(upd.addressMasked).toBeNull();
    const found = (await czSecretary.inject({ method: 'GET', url: '/api/people?phone=15800002222' })).json();
    expect(found.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect(
      (await czSecretary.inject({ method: 'GET', url: '/api/people?phone=13912345678' })).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(p.id);
  });

  it('archives a person out of the default list', async () => {
    const p = await addWang(czSecretary, { name: '赵归档', phone: '13600003333' });
    await czSecretary.inject({ method: 'POST', url: `/api/people/${p.id}/archive` });
    expect((await czSecretary.inject({ method: 'GET', url: '/api/people?phone=13600003333' })).json().items).toEqual([]);
    expect(
      (await czSecretary.inject({ method: 'GET', url: '/api/people?phone=13600003333&includeArchived=true' })).json().items,
    ).toHaveLength(1);
  });
});
