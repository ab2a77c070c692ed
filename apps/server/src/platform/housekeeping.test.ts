import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginFailures, sessions } from '../db/schema/index.js';
import { createTestApp, signIn, type TestApp } from '../test/harness.js';
import { makeTwoCities, TEST_PASSWORD } from '../test/factories.js';
import { sweepExpired } from './housekeeping.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('sweeps ended sessions and old address failures, and keeps live ones', async () => {
  const w = await makeTwoCities(t.database.db);
  const live = await signIn(t.app, w.admin.login, TEST_PASSWORD);
  await t.database.db.insert(sessions).values({ tokenHash: 'ended', accountId: w.admin.id, expiresAt: new Date(Date.now() - 1000) });
  await t.database.db.insert(loginFailures).values([{ ip: '10.0.0.1', at: sql`now() - interval '2 days'` }, { ip: '10.0.0.2' }]);
  expect(await sweepExpired(t.database.db)).toEqual({ sessions: 1, loginFailures: 1 });
  expect((await live.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
});
