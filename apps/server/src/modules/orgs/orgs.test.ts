import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../platform/ids.js';
import { places } from '../../db/schema/index.js';
import { createTestApp, signIn, signInAll, type TestApp } from '../../test/harness.js';
import { makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
type Client = Awaited<ReturnType<typeof signIn>>;
let admin: Client, czSecretary: Client, czOfficer: Client, czVolunteer: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  [admin, czSecretary, czOfficer, czVolunteer] = await signInAll(
    t.app,
    [w.admin.login, w.czSecretary.login, w.czOfficer.login, w.czVolunteer.login],
    TEST_PASSWORD,
  );
});
afterAll(() => t.close());

describe('organisation tree', () => {
  it('shows an admin the real roots and a branch secretary only their own branch', async () => {
    const adminTop = (await admin.inject({ method: 'GET', url: '/api/orgs' })).json();
    expect(adminTop.items.map((o: { id: string }) => o.id)).toContain(w.group.id);
    const top = (await czSecretary.inject({ method: 'GET', url: '/api/orgs' })).json();
    expect(top.items.map((o: { id: string }) => o.id)).toEqual([w.czBranch.id]);
  });

  it('lists children with their child counts', async () => {
    const res = (await admin.inject({ method: 'GET', url: `/api/orgs?parentId=${w.group.id}` })).json();
    expect(res.total).toBe(2);
    expect(res.items.every((o: { childCount: number }) => o.childCount === 1)).toBe(true);
  });

  it('keeps a Changzhou officer out of Chifeng, whether by search, by listing or by guessing an id', async () => {
    const search = (await czOfficer.inject({ method: 'GET', url: `/api/orgs?q=${encodeURIComponent('赤峰')}` })).json();
    expect(search.items).toEqual([]);
    expect((await czOfficer.inject({ method: 'GET', url: `/api/orgs/${w.chifeng.id}` })).statusCode).toBe(404);
    expect((await czOfficer.inject({ method: 'GET', url: `/api/orgs?parentId=${w.chifeng.id}` })).statusCode).toBe(404);
    const edit = await czOfficer.inject({ method: 'PATCH', url: `/api/orgs/${w.cfBranch.id}`, payload: { name: 'taken over' } });
    expect(edit.statusCode).toBe(404);
    const create = await czOfficer.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: { parentId: w.chifeng.id, kind: 'branch', name: 'intruder' },
    });
    expect(create.statusCode).toBe(404);
    const archive = await czOfficer.inject({ method: 'POST', url: `/api/orgs/${w.cfBranch.id}/archive` });
    expect(archive.statusCode).toBe(404);
    const moveIn = await czOfficer.inject({ method: 'POST', url: `/api/orgs/${w.czBranch.id}/move`, payload: { parentId: w.chifeng.id } });
    expect(moveIn.statusCode).toBe(404);
    const unchanged = (await admin.inject({ method: 'GET', url: `/api/orgs/${w.cfBranch.id}` })).json();
    expect(unchanged.name).toBe(w.cfBranch.name);
    expect(unchanged.archivedAt).toBeNull();
  });

  it('lets a volunteer read but not change their branch', async () => {
    expect((await czVolunteer.inject({ method: 'GET', url: `/api/orgs/${w.czBranch.id}` })).statusCode).toBe(200);
    const res = await czVolunteer.inject({ method: 'PATCH', url: `/api/orgs/${w.czBranch.id}`, payload: { name: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });

  it('creates, edits, and shows ancestors; every write is audited', async () => {
    const created = await czOfficer.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: { parentId: w.changzhou.id, kind: 'branch', name: '钟楼支局党支部' },
    });
    expect(created.statusCode).toBe(200);
    const org = created.json();
    expect(org.ancestors.map((a: { id: string }) => a.id)).toEqual([w.group.id, w.jiangsu.id, w.changzhou.id]);
    const edited = (await czOfficer.inject({ method: 'PATCH', url: `/api/orgs/${org.id}`, payload: { shortName: '钟楼' } })).json();
    expect(edited.shortName).toBe('钟楼');
    const log = (await admin.inject({ method: 'GET', url: `/api/audit?entityId=${org.id}` })).json();
    expect(log.items.map((e: { action: string }) => e.action).sort()).toEqual(['org.create', 'org.update']);
  });

  it('moves a subtree, keeping descendants under it, and refuses a move into itself', async () => {
    const general = await makeOrg(t.database.db, 'general_branch', w.changzhou);
    const child = await makeOrg(t.database.db, 'branch', general);
    const into = await admin.inject({ method: 'POST', url: `/api/orgs/${general.id}/move`, payload: { parentId: child.id } });
    expect(into.statusCode).toBe(400);
    expect(into.json().details[0].message).toBe('不能移到自己或自己的下级单位之下');
    const moved = await admin.inject({ method: 'POST', url: `/api/orgs/${general.id}/move`, payload: { parentId: w.chifeng.id } });
    expect(moved.statusCode).toBe(200);
    const childNow = (await admin.inject({ method: 'GET', url: `/api/orgs/${child.id}` })).json();
    expect(childNow.ancestors.map((a: { id: string }) => a.id)).toEqual([w.group.id, w.neimeng.id, w.chifeng.id, general.id]);
    expect(childNow.depth).toBe(4);
    // Now in Chifeng, the Changzhou officer can no longer see it.
    expect((await czOfficer.inject({ method: 'GET', url: `/api/orgs/${child.id}` })).statusCode).toBe(404);
  });

  it('archives a subtree and restores it; hides archived units unless asked', async () => {
    const general = await makeOrg(t.database.db, 'general_branch', w.changzhou);
    const child = await makeOrg(t.database.db, 'branch', general);
    expect((await czOfficer.inject({ method: 'POST', url: `/api/orgs/${general.id}/archive` })).json().archivedAt).not.toBeNull();
    expect((await czOfficer.inject({ method: 'GET', url: `/api/orgs/${child.id}` })).json().archivedAt).not.toBeNull();
    const visible = (await czOfficer.inject({ method: 'GET', url: `/api/orgs?parentId=${w.changzhou.id}` })).json();
    expect(visible.items.map((o: { id: string }) => o.id)).not.toContain(general.id);
    const all = (await czOfficer.inject({ method: 'GET', url: `/api/orgs?parentId=${w.changzhou.id}&includeArchived=true` })).json();
    expect(all.items.map((o: { id: string }) => o.id)).toContain(general.id);
    await czOfficer.inject({ method: 'POST', url: `/api/orgs/${general.id}/restore` });
    expect((await czOfficer.inject({ method: 'GET', url: `/api/orgs/${child.id}` })).json().archivedAt).toBeNull();
  });

  it('deletes a unit nothing points to, and refuses one that records point to, suggesting archive', async () => {
    const empty = await makeOrg(t.database.db, 'branch', w.changzhou);
    expect((await czOfficer.inject({ method: 'DELETE', url: `/api/orgs/${empty.id}` })).statusCode).toBe(200);
    const used = await makeOrg(t.database.db, 'branch', w.changzhou);
    await t.database.db.insert(places).values({ id: uuidv7(), orgId: used.id, kind: 'outlet', name: '网点' });
    const res = await czOfficer.inject({ method: 'DELETE', url: `/api/orgs/${used.id}`, headers: { 'accept-language': 'zh-TW' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'has_references', message: '該單位已有相關記錄，不能刪除，請改為封存' });
    expect((await czOfficer.inject({ method: 'GET', url: `/api/orgs/${used.id}` })).statusCode).toBe(200);
  });

  it('counts places in the whole subtree, as the detail panel lists them', async () => {
    const branch = await makeOrg(t.database.db, 'branch', w.neimeng);
    await t.database.db.insert(places).values([
      { id: uuidv7(), orgId: branch.id, kind: 'outlet', name: '网点甲' },
      { id: uuidv7(), orgId: branch.id, kind: 'outlet', name: '网点乙' },
    ]);
    const province = (await admin.inject({ method: 'GET', url: `/api/orgs/${w.neimeng.id}` })).json();
    const listed = (await admin.inject({ method: 'GET', url: `/api/places?orgId=${w.neimeng.id}` })).json();
    expect(province.placeCount).toBe(listed.total);
    expect(province.placeCount).toBeGreaterThanOrEqual(2);
  });

  it('lets planners find a unit anywhere by name, names only, and refuses those who do not plan', async () => {
    const found = (await czSecretary.inject({ method: 'GET', url: `/api/orgs/directory?q=${encodeURIComponent(w.cfBranch.name)}` })).json();
    expect(found.items).toEqual([{ id: w.cfBranch.id, name: w.cfBranch.name, kind: 'branch', side: 'postal', parentName: w.chifeng.name }]);
    const volunteer = await czVolunteer.inject({ method: 'GET', url: '/api/orgs/directory?q=x' });
    expect(volunteer.statusCode).toBe(403);
  });

  it('only a platform admin creates a new root', async () => {
    expect(
      (await czOfficer.inject({ method: 'POST', url: '/api/orgs', payload: { parentId: null, kind: 'district', name: 'x' } })).statusCode,
    ).toBe(403);
    expect(
      (await admin.inject({ method: 'POST', url: '/api/orgs', payload: { parentId: null, kind: 'district', name: '常州市天宁区' } }))
        .statusCode,
    ).toBe(200);
  });
});
