import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginFailures } from '../../db/schema/index.js';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';
import { ADDRESS_LIMIT } from './auth.service.js';
import { makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('sets an httpOnly session cookie and /api/me returns the account and grants', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: w.czSecretary.login, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'youshe_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `youshe_session=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().account.login).toBe(w.czSecretary.login);
    expect(me.json().grants).toEqual([{ role: 'branch_secretary', orgId: w.czBranch.id, orgName: w.czBranch.name }]);
  });

  it('answers 401 in the caller language without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated', message: 'Please sign in first' });
  });

  it('rejects a wrong password with the same answer as an unknown login', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: w.admin.login, password: 'nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'nobody-here', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().message).toBe('账号或密码不正确');
  });

  it('locks an account after five failures, even for the right password, and says for how long', async () => {
    const login = w.czVolunteer.login;
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'bad' } });
      expect(res.json().code).toBe('invalid_credentials');
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'bad' } });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().message).toMatch(/已暂时锁定.*15 分钟/);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: TEST_PASSWORD } });
    expect(right.json().code).toBe('account_locked');
  });

  it('logout ends the session', async () => {
    const c = await signIn(t.app, w.czOfficer.login, TEST_PASSWORD);
    expect((await c.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await c.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('changing the password needs the current one and signs out other sessions', async () => {
    const a = await signIn(t.app, w.admin.login, TEST_PASSWORD);
    const b = await signIn(t.app, w.admin.login, TEST_PASSWORD);
    const bad = await a.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'wrong', newPassword: 'a-much-longer-one' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ path: 'currentPassword', message: '当前密码不正确' });
    const short = await a.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.json().details[0]).toMatchObject({ path: 'newPassword', message: '新密码至少 10 个字符' });
    const ok = await a.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-much-longer-one' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await a.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await b.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    await signIn(t.app, w.admin.login, 'a-much-longer-one');
  });

  it('keeps the chosen language on the account, for messages and for the next sign-in', async () => {
    const c = await signIn(t.app, w.czOfficer.login, TEST_PASSWORD);
    const res = await c.inject({ method: 'PATCH', url: '/api/me', payload: { locale: 'en' } });
    expect(res.json().account.locale).toBe('en');
    const again = await signIn(t.app, w.czOfficer.login, TEST_PASSWORD);
    const me = await again.inject({ method: 'GET', url: '/api/me' });
    expect(me.json().account.locale).toBe('en');
    expect((await again.inject({ method: 'GET', url: `/api/orgs/${w.cfBranch.id}` })).json().message).toBe('Record not found');
    await c.inject({ method: 'PATCH', url: '/api/me', payload: { locale: 'zh-CN' } });
  });

  it('refuses a cookie-authenticated write from another origin', async () => {
    const c = await signIn(t.app, w.czOfficer.login, TEST_PASSWORD);
    const res = await c.inject({ method: 'POST', url: '/api/auth/logout', headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_rejected');
    expect((await c.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('sends security headers with a content security policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.json()).toMatchObject({ status: 'ok', db: t.database.kind });
  });
});

describe('limits per address', () => {
  it('slows down one address that keeps trying, without touching others', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '192.0.2.7',
        payload: { login: `guess-${i}`, password: 'x' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    const limited = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.7',
      payload: { login: 'x', password: 'x' },
    });
    expect(limited.json()).toMatchObject({ code: 'rate_limited', message: '操作过于频繁，请稍后再试' });
    await signIn(t.app, w.czOfficer.login, TEST_PASSWORD);
  });

  it('shares the count of failures per address between instances through the database', async () => {
    await t.database.db.insert(loginFailures).values(Array.from({ length: ADDRESS_LIMIT }, () => ({ ip: '198.51.100.9' })));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '198.51.100.9',
      payload: { login: w.admin.login, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(429);
    expect(res.cookies).toEqual([]);
  });
});
