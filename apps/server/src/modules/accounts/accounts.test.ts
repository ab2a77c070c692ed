import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let admin: Client, czOfficer: Client, czSecretary: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  [admin, czOfficer, czSecretary] = await signInAll(t.app, [w.admin.login, w.czOfficer.login, w.czSecretary.login], TEST_PASSWORD);
});
afterAll(() => t.close());

describe('accounts and grants', () => {
  it('creates an account with a one-time password that must be changed', async () => {
    const res = await czSecretary.inject({
      method: 'POST',
      url: '/api/accounts',
      payload: { login: 'CZ-Carrier-01', grant: { role: 'volunteer', orgId: w.czBranch.id } },
    });
    expect(res.statusCode).toBe(200);
    const { account, initialPassword } = res.json();
    expect(account).toMatchObject({
      login: 'cz-carrier-01',
      mustChangePassword: true,
      grants: [{ role: 'volunteer', orgId: w.czBranch.id }],
    });
    expect(initialPassword).toMatch(/^[a-zA-Z2-9]{12}$/);
    const carrier = await signIn(t.app, 'cz-carrier-01', initialPassword);
    expect((await carrier.inject({ method: 'GET', url: '/api/me' })).json().account.mustChangePassword).toBe(true);
    const audit = (await admin.inject({ method: 'GET', url: `/api/audit?entityId=${account.id}` })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('account.create');
    expect(JSON.stringify(audit.items)).not.toContain(initialPassword);
  });

  it('never lets anyone grant above their own role or outside their subtree', async () => {
    const up = await czSecretary.inject({
      method: 'POST',
      url: '/api/accounts',
      payload: { login: 'wannabe', grant: { role: 'committee_officer', orgId: w.czBranch.id } },
    });
    expect(up.statusCode).toBe(400);
    expect(up.json().details[0]).toMatchObject({ path: 'grant.role', message: '不能授予高于自己的角色' });
    const out = await czOfficer.inject({
      method: 'POST',
      url: '/api/accounts',
      payload: { login: 'spy-01', grant: { role: 'volunteer', orgId: w.cfBranch.id } },
    });
    expect(out.statusCode).toBe(404);
    const admin2 = await czOfficer.inject({
      method: 'POST',
      url: '/api/accounts',
      payload: { login: 'root-02', grant: { role: 'platform_admin', orgId: null } },
    });
    expect(admin2.statusCode).toBe(403);
  });

  it('refuses a login that is taken, in the caller language', async () => {
    const res = await czOfficer.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { 'accept-language': 'en' },
      payload: { login: w.czSecretary.login, grant: { role: 'volunteer', orgId: w.czBranch.id } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'login', message: 'This login is already taken' });
  });

  it('lists only accounts in scope and hides the others by id', async () => {
    const list = (await czOfficer.inject({ method: 'GET', url: '/api/accounts' })).json();
    const logins = list.items.map((a: { login: string }) => a.login);
    expect(logins).toContain(w.czSecretary.login);
    expect(logins).not.toContain(w.admin.login);
    const cf = (
      await admin.inject({
        method: 'POST',
        url: '/api/accounts',
        payload: { login: 'cf-someone', grant: { role: 'volunteer', orgId: w.cfBranch.id } },
      })
    ).json();
    expect(logins).not.toContain('cf-someone');
    expect((await czOfficer.inject({ method: 'GET', url: `/api/accounts/${cf.account.id}` })).statusCode).toBe(404);
    expect((await czOfficer.inject({ method: 'POST', url: `/api/accounts/${cf.account.id}/reset-password` })).statusCode).toBe(404);
    expect((await czOfficer.inject({ method: 'POST', url: `/api/accounts/${cf.account.id}/disable` })).statusCode).toBe(404);
  });

  it('grants, revokes, disables and resets, ending sessions where it must', async () => {
    const { account, initialPassword } = (
      await czOfficer.inject({
        method: 'POST',
        url: '/api/accounts',
        payload: { login: 'station-07', grant: { role: 'volunteer', orgId: w.czBranch.id } },
      })
    ).json();
    const granted = (
      await czOfficer.inject({
        method: 'POST',
        url: `/api/accounts/${account.id}/grants`,
        payload: { role: 'station_head', orgId: w.czBranch.id },
      })
    ).json();
    expect(granted.grants.map((g: { role: string }) => g.role).sort()).toEqual(['station_head', 'volunteer']);
    const volunteerGrant = granted.grants.find((g: { role: string }) => g.role === 'volunteer');
    const revoked = (await czOfficer.inject({ method: 'DELETE', url: `/api/accounts/${account.id}/grants/${volunteerGrant.id}` })).json();
    expect(revoked.grants.map((g: { role: string }) => g.role)).toEqual(['station_head']);
    const session = await signIn(t.app, 'station-07', initialPassword);
    await czOfficer.inject({ method: 'POST', url: `/api/accounts/${account.id}/disable` });
    expect((await session.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'station-07', password: initialPassword },
    });
    expect(login.statusCode).toBe(401);
    await czOfficer.inject({ method: 'POST', url: `/api/accounts/${account.id}/enable` });
    const reset = (await czOfficer.inject({ method: 'POST', url: `/api/accounts/${account.id}/reset-password` })).json();
    await signIn(t.app, 'station-07', reset.initialPassword);
  });

  it('never lets a branch secretary take over a higher-ranked account that also holds a role in the branch', async () => {
    await admin.inject({
      method: 'POST',
      url: `/api/accounts/${w.czOfficer.id}/grants`,
      payload: { role: 'volunteer', orgId: w.czBranch.id },
    });
    for (const action of ['reset-password', 'disable']) {
      const res = await czSecretary.inject({ method: 'POST', url: `/api/accounts/${w.czOfficer.id}/${action}` });
      expect(res.statusCode, action).toBe(403);
    }
    const officer = (await admin.inject({ method: 'GET', url: `/api/accounts/${w.czOfficer.id}` })).json();
    expect(officer.disabled).toBe(false);
    const grant = officer.grants.find((g: { role: string }) => g.role === 'committee_officer');
    expect((await czSecretary.inject({ method: 'DELETE', url: `/api/accounts/${w.czOfficer.id}/grants/${grant.id}` })).statusCode).toBe(
      403,
    );
    expect((await czOfficer.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('says so when a role is granted twice', async () => {
    const { account } = (
      await czOfficer.inject({
        method: 'POST',
        url: '/api/accounts',
        payload: { login: 'twice-01', grant: { role: 'volunteer', orgId: w.czBranch.id } },
      })
    ).json();
    const again = await czOfficer.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/grants`,
      payload: { role: 'volunteer', orgId: w.czBranch.id },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().details[0]).toMatchObject({ path: 'grant.role', message: '该账号已有这个角色' });
  });

  it('does not let anyone disable themselves or drop their own grants', async () => {
    const me = (await czOfficer.inject({ method: 'GET', url: `/api/accounts/${w.czOfficer.id}` })).json();
    expect((await czOfficer.inject({ method: 'POST', url: `/api/accounts/${w.czOfficer.id}/disable` })).statusCode).toBe(403);
    expect(
      (await czOfficer.inject({ method: 'DELETE', url: `/api/accounts/${w.czOfficer.id}/grants/${me.grants[0].id}` })).statusCode,
    ).toBe(403);
  });

  it('is closed to volunteers', async () => {
    const [volunteer] = await signInAll(t.app, [w.czVolunteer.login], TEST_PASSWORD);
    const res = await volunteer.inject({ method: 'GET', url: '/api/accounts' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });
});
