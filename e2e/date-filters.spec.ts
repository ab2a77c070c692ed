// Console lists narrowed to a period: a Changzhou station head picks days on the station's service records and
// sees only that period's records, the days stay in the address (a reload keeps them); a coordinator opens
// the hours of a period from a link; a backwards period is told once, beside the picker, with no general
// error banner above the list saying it again (station records, hours, care alerts, a campaign's bookings).
// The outcomes page opens the tab a link names (`?tab=leads`) and writes the tab it shows back.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, closePage, expectNoErrors, launchBrowser, newPage, shot, signIn } from './harness.js';

/** A day in China time, `offset` days from today, as the picker types it. */
const chinaDay = (offset = 0) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

async function pickDays(page: Page, from: string, to: string) {
  const [start, end] = await page.getByRole('search').locator('.ant-picker-range input').all();
  await start!.click();
  await start!.fill(from);
  await start!.press('Enter');
  await end!.fill(to);
  await end!.press('Enter');
}

/**
 * A backwards period is refused beside the picker (`<testId>-error`), and only there: the list's general
 * error banner ("提交的内容有误…") stays away, since the one problem the server reported is shown by its field.
 */
async function expectRefusedOnceBesidePicker(page: Page, testId: string) {
  const refused = page.getByTestId(`${testId}-error`);
  await refused.waitFor();
  expect(await refused.isVisible()).toBe(true);
  expect(await refused.innerText()).toBe('结束日期不能早于开始日期');
  expect(await page.getByText('提交的内容有误').count()).toBe(0);
  expect(await page.locator('.ant-alert-error').count()).toBe(0);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('date ranges on console lists', () => {
  it('a station head narrows the service records to days, and a reload keeps them', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'cz-station');
      const [station] = (await (await page.request.get('/api/stations?loggable=true')).json()).items as { placeId: string }[];
      const made = await page.request.post(`/api/stations/${station!.placeId}/records`, {
        data: { kind: 'lend_umbrella', personName: '筛选测试', phone: '13912340000', item: '雨伞 9 号', dueOn: chinaDay(3) },
      });
      expect(made.status()).toBe(200);

      await page.goto('/stations?tab=records');
      const table = page.getByTestId('records-table');
      await table.waitFor();
      await expect.poll(() => table.innerText()).toContain('筛选测试');

      // A period long past: the table empties, and the request carried the days.
      const past = page.waitForResponse((r) => r.url().includes('/records?') && r.url().includes('from=2020-01-01'));
      await pickDays(page, '2020-01-01', '2020-01-31');
      expect((await past).url()).toContain('to=2020-01-31');
      await expect.poll(() => table.innerText()).toContain('没有符合条件的服务记录');
      expect(new URL(page.url()).searchParams.get('from')).toBe('2020-01-01');

      // Today: the record made just now is back, and every row shown was made today.
      await pickDays(page, chinaDay(), chinaDay());
      await expect.poll(() => table.innerText()).toContain('筛选测试');
      await page.reload();
      await table.waitFor();
      await expect.poll(() => table.innerText()).toContain('筛选测试');
      expect(new URL(page.url()).searchParams.get('to')).toBe(chinaDay());
      const today = chinaDay().replaceAll('-', '/');
      const rows = await table.locator('tbody tr.ant-table-row').allInnerTexts();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toContain(today);
      await shot(page, 'station-records-range');
      await checkA11y(page);
      expectNoErrors(page);

      // Backwards days from an edited link (the picker itself keeps its ends in order): said once, beside it.
      await page.goto('/stations?tab=records&from=2020-01-31&to=2020-01-01');
      await expectRefusedOnceBesidePicker(page, 'records-range');
      await shot(page, 'station-records-backwards');
    } finally {
      await closePage(page);
    }
  });

  it('a coordinator opens a period’s hours from a link; a backwards period is refused beside the picker', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'cz-secretary');
      await page.goto('/volunteers?tab=hours&from=2020-01-01&to=2020-01-31');
      const hours = page.getByTestId('hours-table');
      await hours.waitFor();
      await expect.poll(() => hours.innerText()).toContain('没有待处理的服务时长');
      const [start, end] = await page.getByRole('search').locator('.ant-picker-range input').all();
      expect(await start!.inputValue()).toBe('2020-01-01');
      expect(await end!.inputValue()).toBe('2020-01-31');

      await page.goto('/volunteers?tab=hours&from=2020-01-31&to=2020-01-01');
      await expectRefusedOnceBesidePicker(page, 'hours-range');

      await page.goto('/care/alerts?from=2025-03-12&to=2025-03-10');
      const refused = page.getByTestId('care-alerts-range-error');
      await refused.waitFor();
      expect(await refused.innerText()).toBe('结束日期不能早于开始日期');
      await expectRefusedOnceBesidePicker(page, 'care-alerts-range');
      await shot(page, 'care-alerts-backwards');
    } finally {
      await closePage(page);
    }
  });

  it('a campaign’s bookings given a backwards period are refused beside the picker, once', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'hy-officer');
      const [campaign] = (await (await page.request.get('/api/booking-campaigns?page=1&pageSize=1')).json()).items as { id: string }[];
      await page.goto(`/bookings/${campaign!.id}?from=2025-09-10&to=2025-09-01`);
      await expectRefusedOnceBesidePicker(page, 'bookings-range');
      await shot(page, 'campaign-bookings-backwards');
    } finally {
      await closePage(page);
    }
  });

  it('the outcomes page opens the tab its link names and keeps the address in step with the tab shown', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'cz-officer');
      await page.goto('/outcomes?tab=leads');
      await page.getByTestId('leads-table').waitFor();
      expect(await page.getByTestId('outcome-summary').count()).toBe(0);

      await page.getByTestId('outcomes-list-tab').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('list');
      await page.getByRole('tab', { name: /汇总|summary/i }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe(null);
      await page.getByTestId('outcome-summary').waitFor();
      await page.getByTestId('leads-tab').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('leads');
      await page.reload();
      await page.getByTestId('leads-table').waitFor();
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
