import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../demo/seed.js';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';
import { runCareJobs } from './care.jobs.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, t.services.crypto);
});
afterAll(() => t?.close());

describe('the care round in the demo', () => {
  it('cz-volunteer’s round: two due today, one overdue, on the day the demo is loaded; cz-community gets the missed alert', async () => {
    const carrier = await signIn(t.app, 'cz-volunteer', DEMO_PASSWORD);
    const route = (await carrier.inject({ method: 'GET', url: '/api/care/route' })).json().items as {
      name: string;
      role: string;
      dueToday: boolean;
      overdue: boolean;
    }[];
    expect(route.map((s) => s.name)).toEqual(['王秀兰', '张桂英', '刘福生', '陈玉梅', '周德顺']);
    expect(route.every((s) => s.role === 'main')).toBe(true);
    expect(route.filter((s) => s.dueToday && !s.overdue).map((s) => s.name)).toEqual(['王秀兰', '张桂英']);
    expect(route.filter((s) => s.overdue).map((s) => s.name)).toEqual(['周德顺']);

    const { missed } = await runCareJobs(t.services.careAlerts);
    expect(missed).toBe(1);
    const community = await signIn(t.app, 'cz-community', DEMO_PASSWORD);
    const inbox = (await community.inject({ method: 'GET', url: '/api/care/alerts' })).json();
    // The community partner may reveal the elders of its grids: their names in clear, as on the recipients page.
    expect(inbox.items).toMatchObject([{ kind: 'missed_visit', recipientName: '周德顺', orgName: '第一网格' }]);
    const recipients = (await community.inject({ method: 'GET', url: '/api/care/recipients' })).json();
    expect(recipients.total).toBe(5);
    // Another city's community partner sees none of it.
    const chifeng = await signIn(t.app, 'cf-community', DEMO_PASSWORD);
    expect((await chifeng.inject({ method: 'GET', url: '/api/care/alerts' })).json().total).toBe(0);
  });

  it('everyone wearing a demo wristband consented to it', async () => {
    const rows = await t.database.db.execute<{ n: number; covered: number }>(sql`
      select count(*)::int as n, count(*) filter (where exists (select 1 from care_consents c where c.recipient_id = w.recipient_id
        and c.withdrawn_at is null and 'wristband' = any(c.purposes)))::int as covered
        from wristbands w where w.status = 'bound'`);
    const [row] = (rows as unknown as { rows: { n: number; covered: number }[] }).rows;
    expect(row!.n).toBeGreaterThan(0);
    expect(row!.covered).toBe(row!.n);
  });
});
