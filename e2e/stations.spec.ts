// Red stations in the browser: a Changzhou station clerk (cz-station, 奔牛) logs today's services on a
// phone-sized page in under a minute — taps on the counted services and one umbrella lent — and the
// counts survive a reload because the server holds them; the station's public page (no sign-in)
// shows its functions, hours and phone in large type. axe-core finds nothing serious on either page.
//
// E2E_SCREENSHOTS=<folder> saves screenshots of the pages along the way.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, closePage, expectNoErrors, hasHorizontalOverflow, launchBrowser, newPage, shot, signIn } from './harness.js';

const count = async (page: Page, kind: string) => Number(await page.getByTestId(`tally-count-${kind}`).innerText());

let browser: Browser;
let stationId = '';
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('red stations: the counter log and the public page', () => {
  it('a Changzhou station clerk logs today’s services on a phone in under a minute', async () => {
    const phone = await newPage(browser, { phone: true });
    try {
      await signIn(phone, 'cz-station');
      const started = Date.now();
      await phone.goto('/desk');
      await phone.getByTestId('tally-hot_water').waitFor();
      const before = {
        hot_water: await count(phone, 'hot_water'),
        charging: await count(phone, 'charging'),
        parcel_pickup: await count(phone, 'parcel_pickup'),
      };
      for (let i = 0; i < 3; i++) await phone.getByTestId('tally-hot_water').tap();
      await phone.getByTestId('tally-charging').tap();
      for (let i = 0; i < 2; i++) await phone.getByTestId('tally-parcel_pickup').tap();
      await expect.poll(() => count(phone, 'hot_water')).toBe(before.hot_water + 3);

      await phone.getByTestId('record-kind-lend_umbrella').tap();
      await phone.getByTestId('record-name').fill('王师傅');
      await phone.getByTestId('record-phone').fill('13912345678');
      await phone.getByTestId('record-item').fill('雨伞 2 号');
      expect(await phone.getByTestId('record-due').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await phone.getByTestId('record-submit').tap();
      await phone.getByTestId('record-done').waitFor();
      const elapsed = Date.now() - started;
      console.log(`[stations] today's services logged in ${elapsed} ms`);
      expect(elapsed).toBeLessThan(60_000);
      const open = phone.getByTestId('open-records');
      await expect.poll(() => open.innerText()).toContain('王师傅');
      expect(await open.innerText()).toContain('139****5678');
      expect(await open.innerText()).not.toContain('13912345678');
      expect(await hasHorizontalOverflow(phone)).toBe(false);
      await shot(phone, 'station-desk');
      await checkA11y(phone);

      // The server holds what was tapped: a reload shows the same counts.
      await phone.reload();
      await phone.getByTestId('tally-hot_water').waitFor();
      await expect.poll(() => count(phone, 'hot_water')).toBe(before.hot_water + 3);
      expect(await count(phone, 'charging')).toBe(before.charging + 1);
      expect(await count(phone, 'parcel_pickup')).toBe(before.parcel_pickup + 2);

      const mine = await (await phone.request.get('/api/stations?loggable=true')).json();
      expect(mine.items).toHaveLength(1);
      expect(mine.items[0].name).toContain('奔牛');
      stationId = mine.items[0].placeId;
      expectNoErrors(phone);
    } finally {
      await closePage(phone);
    }
  });

  it('the station’s public page shows its functions, hours and phone, with no sign-in', async () => {
    expect(stationId).not.toBe('');
    const phone = await newPage(browser, { phone: true });
    try {
      await phone.goto(`/station/${stationId}`);
      const functions = phone.getByTestId('station-functions');
      await functions.waitFor();
      const text = await functions.innerText();
      expect(text).toContain('服务群众');
      expect(text).toContain('户外劳动者歇脚点');
      expect(text).toContain('便民代办');
      expect(await phone.getByTestId('station-hours').innerText()).toContain('08:30');
      expect(await phone.getByTestId('station-call').getAttribute('href')).toMatch(/^tel:0519\d{8}$/);
      expect(await phone.getByTestId('station-services').innerText()).toContain('借雨伞');
      const body = await phone.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.resident')!).fontSize));
      expect(body).toBeGreaterThanOrEqual(18);
      expect(await hasHorizontalOverflow(phone)).toBe(false);
      await shot(phone, 'station-public');
      await checkA11y(phone);
      expectNoErrors(phone);
    } finally {
      await closePage(phone);
    }
  });
  it('the Changzhou officer sees the 13 stations and the outcomes summary in the console', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'cz-officer');
      await page.goto('/stations');
      const rows = page.getByTestId('stations-table').locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(13);
      await checkA11y(page);
      await page.goto('/outcomes');
      // The summary table: one row per month and kind, the Changzhou stations' potato sales among them.
      await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('农产品销售');
      await shot(page, 'outcomes-summary');
      await checkA11y(page);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
