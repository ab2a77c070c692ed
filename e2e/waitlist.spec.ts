// A cancelled place goes to the next person on the waiting list, who is told on the sign-up page and takes it up.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, closePage, expectNoErrors, launchBrowser, newPage, shot, signIn } from './harness.js';
import { residentSignsUp } from './resident.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the waiting list on residents’ phones', () => {
  it('a cancelled place is offered to the next person waiting, who takes it up', async () => {
    const staff = await newPage(browser);
    const [a, b] = [await newPage(browser, { phone: true }), await newPage(browser, { phone: true })];
    try {
      // A second, smaller activity, set up through the API: one place.
      await signIn(staff, 'wx-secretary');
      const me = await (await staff.request.get('/api/me')).json();
      const startsAt = new Date(Date.now() + 2 * 86400_000);
      const created = await staff.request.post('/api/activities', {
        data: {
          orgId: me.grants[0].orgId,
          kindId: 'anti_fraud',
          title: '反诈宣传·第二场',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
          capacity: 1,
        },
      });
      expect(created.status()).toBe(200);
      const activity = await created.json();
      expect((await staff.request.post(`/api/activities/${activity.id}/transition`, { data: { to: 'published' } })).status()).toBe(200);

      const first = await residentSignsUp(a, activity.publicToken, { name: '赵淑珍', phone: '13912340011' });
      expect(first.status).toBe('confirmed');
      const second = await residentSignsUp(b, activity.publicToken, { name: '孙志强', phone: '13912340012' });
      expect(second.status).toBe('waitlisted');

      // The first cancels, after a confirmation.
      await a.getByTestId('signup-cancel').tap();
      await a.locator('.ant-modal-confirm').getByRole('button', { name: '确定取消' }).tap();
      await expect.poll(() => a.getByTestId('signup-status').getAttribute('data-status')).toBe('cancelled');
      expect(await a.getByTestId('signup-status').innerText()).toContain('已取消报名');

      // The second is offered the place, with its deadline, and takes it.
      await b.reload();
      await expect.poll(() => b.getByTestId('signup-status').getAttribute('data-status')).toBe('offered');
      expect(await b.getByTestId('signup-status').innerText()).toMatch(/有名额了[\s\S]*保留到/);
      await shot(b, 'resident-signup-offered');
      await checkA11y(b);
      await b.getByTestId('signup-accept').tap();
      await expect.poll(() => b.getByTestId('signup-status').getAttribute('data-status')).toBe('confirmed');
      expect(await b.getByTestId('signup-code').innerText()).toBe(second.code);

      // Someone who never signed up walks in: the desk records and checks them in.
      await staff.goto(`/activities/${activity.id}`);
      await staff.getByTestId('walkin-name').fill('周大爷');
      await staff.getByTestId('walkin-submit').click();
      await expect.poll(() => staff.getByTestId('checkin-result').innerText()).toContain('签到成功：周大爷');
      await expect.poll(() => staff.getByTestId('signup-list').innerText()).toContain('现场登记');
      expect(await staff.getByTestId('activity-attendance').innerText()).toContain('1');
      await checkA11y(staff);
      expectNoErrors(staff);
      expectNoErrors(a);
      expectNoErrors(b);
    } finally {
      for (const p of [staff, a, b]) await closePage(p);
    }
  });
});
