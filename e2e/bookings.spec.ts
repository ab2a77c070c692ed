// Booking campaigns in the browser: a Hengyang freshman books a free luggage pickup on a phone-sized
// page, moves it to another time and gets the code with its QR; the clerk of the Hengnan delivery team's
// luggage point (hy-volunteer, whose rights reach that outlet) enters the code at the counter and marks
// it fulfilled, once. The phone pages pass axe-core.
//
// E2E_SCREENSHOTS=<folder> saves screenshots of the phone pages along the way.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, closePage, errorsOf, hasHorizontalOverflow, launchBrowser, newPage, shot, signIn } from './harness.js';
import { submitBooking } from './resident.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function expectOnlyProvoked(page: Page) {
  const unexpected = errorsOf(page).filter((e) => !/status of 4\d\d/.test(e));
  expect(unexpected, 'console errors, page errors or 5xx answers').toEqual([]);
}

const LUGGAGE_POINT = '投递部新生行李寄递点';

/** The first slot with room at the luggage point, other than `not`: the outlet opened if it is not, then its days in turn. */
async function pickSlot(page: Page, not?: string) {
  const outlet = page.getByTestId('booking-outlet').filter({ hasText: LUGGAGE_POINT });
  const toggle = outlet.getByTestId('booking-outlet-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.tap();
  const days = outlet.getByTestId('booking-day');
  await days.first().waitFor();
  const d = await days.count();
  for (let i = 0; i < d; i++) {
    const day = days.nth(i);
    await day.tap();
    await expect.poll(() => day.getAttribute('aria-pressed')).toBe('true');
    const slots = outlet.getByTestId('booking-slot');
    const n = await slots.count();
    for (let j = 0; j < n; j++) {
      const slot = slots.nth(j);
      const id = await slot.getAttribute('data-slot-id');
      if (id !== not && Number(await slot.getAttribute('data-places-left')) > 0 && (await slot.isEnabled())) {
        await slot.tap();
        return id!;
      }
    }
  }
  throw new Error('no slot with room at the luggage point');
}

const expandedOutlets = (page: Page) => page.locator('[data-testid="booking-outlet-toggle"][aria-expanded="true"]');

describe('luggage pickup bookings', () => {
  let token = '';
  let code = '';

  it('the Hengyang officer sees the campaign and its public link', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'hy-officer');
      await page.goto('/bookings');
      await page.getByTestId('campaigns-table').getByText('高考新生行李免费寄递 (20 kg)').click();
      const link = await page.getByTestId('campaign-link').innerText();
      token = /\/b\/([A-Za-z0-9_-]+)/.exec(link)![1]!;
      expect(token.length).toBeGreaterThan(10);
      expectOnlyProvoked(page);
    } finally {
      await closePage(page);
    }
  });

  it('a resident books on a phone, changes the slot and gets the code', async () => {
    const phone = await newPage(browser, { phone: true });
    try {
      await phone.goto(`/b/${token}`);
      await phone.getByTestId('booking-outlet').first().waitFor();
      // One task at a time: the outlets, each with a line on its earliest time and places left, and no times until
      // one is opened. Every time of every outlet made this page over 7,000 px tall, step 2 far below.
      expect(await phone.getByTestId('booking-outlet').count()).toBeGreaterThan(1);
      expect(await expandedOutlets(phone).count()).toBe(0);
      expect(await phone.getByTestId('booking-slot').count()).toBe(0);
      expect(await phone.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2_000);
      await checkA11y(phone);
      expect(await hasHorizontalOverflow(phone)).toBe(false);
      await shot(phone, 'booking-public');

      // Opened, an outlet shows its days and the first day's times; opening another closes it.
      const luggage = phone.getByTestId('booking-outlet').filter({ hasText: LUGGAGE_POINT });
      await luggage.getByTestId('booking-outlet-toggle').tap();
      await luggage.getByTestId('booking-slot').first().waitFor();
      expect(await luggage.locator('[data-testid="booking-day"][aria-pressed="true"]').count()).toBe(1);
      await checkA11y(phone);
      expect(await hasHorizontalOverflow(phone)).toBe(false);
      await shot(phone, 'booking-outlet-open');
      await phone.getByTestId('booking-outlet').first().getByTestId('booking-outlet-toggle').tap();
      await expect.poll(() => luggage.getByTestId('booking-outlet-toggle').getAttribute('aria-expanded')).toBe('false');
      expect(await expandedOutlets(phone).count()).toBe(1);
      expect(await luggage.getByTestId('booking-slot').count()).toBe(0);
      const first = await pickSlot(phone);

      // A notice number in the wrong format is refused beside the field, saying why.
      await submitBooking(phone, { notice_no: '12345', name: '周子涵', phone: '13973400001', school: '中南大学' });
      await phone.getByText('录取通知书编号格式不正确').waitFor();
      // The message says what the field's hint says: the hint steps aside while it shows, and comes back after.
      const hint = phone.locator('.ant-form-item-extra', { hasText: '见录取通知书' });
      expect(await phone.getByText('位数字，见录取通知书').filter({ visible: true }).count()).toBe(1);
      expect(await hint.isVisible()).toBe(false);
      await phone.getByTestId('booking-field-notice_no').fill('430412345678');
      await expect.poll(() => hint.isVisible()).toBe(true);
      await phone.getByTestId('booking-submit').tap();

      await phone.waitForURL(/\/bk\//);
      await expect.poll(() => phone.getByTestId('my-booking').getAttribute('data-status')).toBe('confirmed');
      await checkA11y(phone);

      await phone.getByTestId('booking-change').tap();
      await phone.getByTestId('booking-outlet').first().waitFor();
      // Moving starts where the booking is: its outlet open on its day, the booked time shown and not to be picked.
      expect(await expandedOutlets(phone).count()).toBe(1);
      expect(await phone.locator(`[data-slot-id="${first}"]`).isDisabled()).toBe(true);
      await checkA11y(phone);
      expect(await hasHorizontalOverflow(phone)).toBe(false);
      await shot(phone, 'booking-change');
      const second = await pickSlot(phone, first);
      expect(second).not.toBe(first);
      await phone.getByTestId('my-booking').waitFor();
      code = (await phone.getByTestId('booking-code').innerText()).trim();
      expect(code).toMatch(/^[A-Za-z0-9_-]{24}$/);
      await phone.getByTestId('booking-qr').waitFor();
      expectOnlyProvoked(phone);
    } finally {
      await closePage(phone);
    }
  });

  it('the outlet clerk enters the code and marks it fulfilled, once', async () => {
    const page = await newPage(browser, { phone: true });
    try {
      // A volunteer lands on the care round; one who has no elders but serves at a counter finds it one tap away.
      await signIn(page, 'hy-volunteer');
      await page.waitForURL('**/care/route');
      await page.getByTestId('care-to-counter').waitFor();
      await checkA11y(page);
      await page.getByTestId('care-to-counter').tap();
      await page.waitForURL('**/bookings/counter');
      await page.getByTestId('counter-code').locator('input').fill(code);
      await page.getByTestId('counter-code').locator('input').press('Enter');
      await page.getByTestId('counter-booking').waitFor();
      expect(await page.getByTestId('counter-booking').innerText()).toContain('周*');
      await page.getByTestId('counter-fulfil').tap();
      await page.getByTestId('counter-done').waitFor();
      expect(await page.getByTestId('counter-booking').getAttribute('data-status')).toBe('fulfilled');
      // Scanned again: it says when it was done, and offers nothing to press.
      await page.getByTestId('counter-code').locator('input').fill(code);
      await page.getByTestId('counter-code').locator('input').press('Enter');
      await page.getByTestId('counter-already').waitFor();
      expect(await page.getByTestId('counter-fulfil').count()).toBe(0);
      expectOnlyProvoked(page);
    } finally {
      await closePage(page);
    }
  });
});
