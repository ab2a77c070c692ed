import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, signInAll, type TestApp } from '../../test/harness.js';
import { makeAccount, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
type Client = Awaited<ReturnType<typeof signIn>>;
let admin: Client, czOfficer: Client, czSecretary: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  [admin, czOfficer, czSecretary] = await signInAll(t.app, [w.admin.login, w.czOfficer.login, w.czSecretary.login], TEST_PASSWORD);
  await admin.inject({ method: 'PATCH', url: `/api/orgs/${w.cfBranch.id}`, payload: { shortName: '赤峰' } });
  await admin.inject({ method: 'PATCH', url: `/api/orgs/${w.czBranch.id}`, payload: { shortName: '常州' } });
});
afterAll(() => t.close());

describe('audit log', () => {
  it('cannot be changed or emptied, not even by the application', async () => {
    const db = t.database.db;
    await expect(db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const all = (await admin.inject({ method: 'GET', url: '/api/audit?pageSize=200' })).json();
    expect(all.items.some((e: { action: string }) => e.action === 'forged')).toBe(false);
    expect(all.total).toBeGreaterThan(3);
  });

  it('records who, when, what and from where, and shows admins sign-ins', async () => {
    const log = (await admin.inject({ method: 'GET', url: `/api/audit?entityId=${w.czBranch.id}` })).json();
    expect(log.items[0]).toMatchObject({
      actorLogin: w.admin.login,
      action: 'org.update',
      entity: 'org',
      orgId: w.czBranch.id,
      ip: '127.0.0.1',
    });
    expect(Date.parse(log.items[0].at)).toBeGreaterThan(Date.now() - 60_000);
    const logins = (await admin.inject({ method: 'GET', url: `/api/audit?action=auth.login&actor=${w.czOfficer.login}` })).json();
    expect(logins.total).toBe(1);
    expect(logins.items[0]).toMatchObject({ actorLogin: w.czOfficer.login, entityId: w.czOfficer.id });
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: w.czOfficer.login, password: 'wrong' } });
    const failed = (await admin.inject({ method: 'GET', url: `/api/audit?action=auth.login_failed&actor=${w.czOfficer.login}` })).json();
    expect(failed.total).toBe(1);
  });

  it('shows a committee officer only entries about their own subtree', async () => {
    const log = (await czOfficer.inject({ method: 'GET', url: '/api/audit?pageSize=200' })).json();
    const orgIds = new Set(log.items.map((e: { orgId: string }) => e.orgId));
    expect(orgIds.has(w.czBranch.id)).toBe(true);
    expect(orgIds.has(w.cfBranch.id)).toBe(false);
    expect(orgIds.has(null)).toBe(false);
    expect((await czOfficer.inject({ method: 'GET', url: `/api/audit?orgId=${w.chifeng.id}` })).statusCode).toBe(404);
  });

  it('is closed to roles without audit rights', async () => {
    const res = await czSecretary.inject({ method: 'GET', url: '/api/audit' });
    expect(res.statusCode).toBe(403);
    const other = await makeAccount(t.database.db, [{ role: 'volunteer', orgId: w.cfBranch.id }]);
    const v = await signIn(t.app, other.login, TEST_PASSWORD);
    expect((await v.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
  });

  it('filters by time range', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await admin.inject({ method: 'GET', url: `/api/audit?from=${encodeURIComponent(future)}` })).json().total).toBe(0);
  });
});
