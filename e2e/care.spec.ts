// Care routes at phone size: a Changzhou carrier logs a visit with no network and it arrives once; an urgent visit
// reaches the community's alert inbox and the family's outbox; a visit missed by the plan raises an alert.
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, closePage, errorsOf, expectNoErrors, launchBrowser, newPage, signIn } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Stop {
  id: string;
  name: string;
}
const route = async (page: Page): Promise<Stop[]> => (await (await page.request.get('/api/care/route')).json()).items;
const visitCount = async (page: Page, id: string): Promise<number> =>
  (await (await page.request.get(`/api/care/recipients/${id}/visits`)).json()).items.length;

async function openVisit(page: Page, name: string) {
  const stop = page.getByTestId('care-stop').filter({ hasText: name });
  await stop.getByRole('link', { name: '记录探访' }).click();
  await page.getByTestId('care-save').waitFor();
}

describe('care routes on a phone', () => {
  it('a visit logged offline is sent when the phone is back online, and arrives exactly once', async () => {
    const page = await newPage(browser, { phone: true });
    try {
      // A carrier starts on their round, not on the organisation tree.
      await signIn(page, 'cz-volunteer');
      await page.waitForURL('**/care/route');
      await page.getByTestId('care-stop').first().waitFor();
      await page.waitForLoadState('networkidle');
      await checkA11y(page);
      const stop = (await route(page)).find((s) => s.name === '王秀兰')!;
      expect(await page.getByTestId('care-stop').filter({ hasText: '王秀兰' }).getAttribute('data-due')).toBe('yes');
      const before = await visitCount(page, stop.id);

      await page.context().setOffline(true);
      await openVisit(page, '王秀兰');
      await page.getByTestId('care-offline').waitFor();
      await checkA11y(page);
      await page.getByRole('group', { name: '睡眠' }).getByText('需留意').click();
      await page.getByText('打扫卫生').click();
      // A photo from the phone's camera, kept on the phone with the visit until the network is back.
      const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#7a9' } })
        .jpeg()
        .toBuffer();
      await page.getByTestId('care-photo-input').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.getByRole('img', { name: '现场照片（可不拍）' }).waitFor();
      await page.getByTestId('care-save').click();
      await page.getByTestId('care-queued').waitFor();
      const queued = await page.evaluate(() => localStorage.getItem('youshe.care.queue.v1'));
      expect(JSON.parse(queued!)).toHaveLength(1);

      await page.context().setOffline(false);
      await page.getByTestId('care-queued').waitFor({ state: 'detached', timeout: 20_000 });
      expect(await visitCount(page, stop.id)).toBe(before + 1);
      await expect.poll(() => page.evaluate(() => localStorage.getItem('youshe.care.queue.v1'))).toBe('[]');
      const visits = (await (await page.request.get(`/api/care/recipients/${stop.id}/visits`)).json()).items as { hasPhoto: boolean }[];
      expect(visits.filter((v) => v.hasPhoto)).toHaveLength(1);
      // The phone sends the same visit again (an answer lost on the way): still one visit.
      await page.evaluate((q) => {
        localStorage.setItem('youshe.care.queue.v1', q);
        window.dispatchEvent(new Event('online'));
      }, queued!);
      await expect.poll(() => page.evaluate(() => localStorage.getItem('youshe.care.queue.v1'))).toBe('[]');
      expect(await visitCount(page, stop.id)).toBe(before + 1);
      await page.reload();
      await page.getByTestId('care-stop').first().waitFor();
      expect(await page.getByTestId('care-stop').filter({ hasText: '王秀兰' }).getAttribute('data-due')).toBe('no');
      // The rest of the carrier's work is one tap from the round.
      await page.getByTestId('care-to-console').click();
      await page.waitForURL('**/activities');
      await page.getByTestId('nav-toggle').waitFor();
      // Requests the browser could not send while offline are the point of this test, not errors of the page.
      expect(errorsOf(page).filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('an urgent visit reaches the community’s alert inbox and the family’s outbox', async () => {
    const carrier = await newPage(browser, { phone: true });
    const community = await newPage(browser, { phone: true });
    const admin = await newPage(browser);
    try {
      await signIn(carrier, 'cz-volunteer');
      await carrier.goto('/care/route');
      await carrier.getByTestId('care-stop').first().waitFor();
      const stop = (await route(carrier)).find((s) => s.name === '张桂英')!;
      await openVisit(carrier, '张桂英');
      await carrier.getByTestId('care-concern-urgent').click();
      // The resident signs on the screen with a finger.
      await carrier.getByTestId('care-confirm-signature').click();
      await carrier.getByTestId('care-signature').scrollIntoViewIfNeeded();
      const box = (await carrier.getByTestId('care-signature').boundingBox())!;
      await carrier.mouse.move(box.x + 20, box.y + 40);
      await carrier.mouse.down();
      await carrier.mouse.move(box.x + 160, box.y + 100, { steps: 10 });
      await carrier.mouse.up();
      const sent = carrier.waitForResponse((r) => r.url().endsWith('/api/care/visits/batch'));
      await carrier.getByTestId('care-save').click();
      const results = (await (await sent).json()).results;
      expect(results).toMatchObject([{ status: 'created' }]);
      const alertId = results[0].alertId as string;

      await signIn(community, 'cz-community');
      await community.goto('/care/alerts');
      const row = community.getByTestId(`care-alert-${alertId}`);
      await row.waitFor();
      expect(await row.getAttribute('data-level')).toBe('urgent');
      await community.waitForLoadState('networkidle');
      await checkA11y(community);

      await signIn(admin, 'admin');
      const outbox = await (await admin.request.get('/api/outbox', { params: { kind: 'care.alert', pageSize: 200 } })).json();
      // The son's message, by his masked phone: his name is masked in the outbox.
      const toFamily = JSON.stringify(outbox.items.filter((m: { recipientMasked: string }) => m.recipientMasked === '139****1702'));
      expect(toFamily).toContain('张桂英');
      expect(toFamily).toContain('"recipientNameMasked":"李**"');
      expect(toFamily).not.toContain('李建华');
      const visits = (await (await carrier.request.get(`/api/care/recipients/${stop.id}/visits`)).json()).items;
      expect(visits[0]).toMatchObject({ concern: 'urgent', confirmation: 'signature', hasSignature: true });
      expectNoErrors(carrier);
      expectNoErrors(community);
    } finally {
      await Promise.all([closePage(carrier), closePage(community), closePage(admin)]);
    }
  });

  it('a visit missed by the plan raises an alert when the operator checks', async () => {
    const community = await newPage(browser, { phone: true });
    const carrier = await newPage(browser, { phone: true });
    try {
      await signIn(community, 'cz-community');
      await signIn(carrier, 'cz-volunteer');
      const demo = (await (await community.request.get('/api/care/recipients')).json()).items[0];
      const created = await community.request.post('/api/care/recipients', {
        data: {
          orgId: demo.orgId,
          name: '吴大爷',
          address: '常州市武进区奔牛镇五心苑5幢401室',
          circumstances: ['living_alone'],
          frequency: 'daily',
          consent: { givenBy: '吴大爷', byProxy: false, purposes: ['visits', 'alerts'] },
          mainVolunteerId: demo.mainVolunteer.id,
        },
      });
      expect(created.status()).toBe(200);
      const recipient = await created.json();
      // The last visit was three days ago: a daily plan with a day's grace is missed.
      const visit = await carrier.request.post('/api/care/visits', {
        data: {
          id: '01900000-0000-7000-8000-' + Date.now().toString(16).padStart(12, '0').slice(-12),
          recipientId: recipient.id,
          visitedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
          presence: 'visited',
          confirmation: 'verbal',
        },
      });
      expect(visit.status(), await visit.text()).toBe(200);

      await community.goto('/care/alerts');
      await community.getByTestId('care-alerts').waitFor();
      await community.getByTestId('care-scan').click();
      await expect
        .poll(async () => {
          const items = (await (await community.request.get('/api/care/alerts')).json()).items;
          return items.filter((a: { recipientId: string; kind: string }) => a.recipientId === recipient.id && a.kind === 'missed_visit')
            .length;
        })
        .toBe(1);
      await community.reload();
      await community.locator('[data-kind="missed_visit"]').first().waitFor();
      expectNoErrors(community);
    } finally {
      await Promise.all([closePage(community), closePage(carrier)]);
    }
  });

  it('the community partner sees recipients masked, reveals an address on purpose, and can enrol someone', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'cz-community');
      await page.goto('/care/recipients');
      const table = page.getByTestId('care-recipients');
      await table.getByText('王秀兰').waitFor();
      expect(await table.innerText()).not.toContain('五心苑3幢201室');
      await page.waitForLoadState('networkidle');
      await checkA11y(page);
      await table.getByRole('row').filter({ hasText: '王秀兰' }).getByRole('button', { name: '查看地址和健康情况' }).click();
      await page.getByRole('dialog').getByText('常州市武进区奔牛镇五心苑3幢201室').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('care-enrol').click();
      await page.getByTestId('care-enrol-save').waitFor();
      await checkA11y(page);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
