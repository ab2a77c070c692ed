// What the residents' specs share: a resident signing up or booking on a phone, and the check that a page saw
// only the failures a test provoked.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { errorsOf } from './harness.js';

/** Only the failures a test provoked on purpose (4xx answers, a dropped connection), nothing else. */
export function expectOnlyProvoked(page: Page) {
  const unexpected = errorsOf(page).filter((e) => !/status of 4\d\d|ERR_INTERNET_DISCONNECTED/.test(e));
  expect(unexpected, 'console errors, page errors or 5xx answers').toEqual([]);
}

/** Fills the sign-up form on the activity page already open, ticks consent and sends it. */
export async function submitSignup(page: Page, who: { name: string; phone: string }) {
  await page.getByTestId('signup-name').fill(who.name);
  await page.getByTestId('signup-phone').fill(who.phone);
  await page.getByTestId('signup-consent').check();
  await page.getByTestId('signup-submit').tap();
}

/** The sign-up page the phone lands on after sending the form: its code and status. */
export async function landedSignup(page: Page) {
  await page.waitForURL(/\/s\/[A-Za-z0-9_-]+$/);
  const status = page.getByTestId('signup-status');
  await status.waitFor();
  return { code: new URL(page.url()).pathname.split('/').pop()!, status: await status.getAttribute('data-status') };
}

/** Fills a campaign's booking form, its answers by field key, ticks consent and sends it (a time already picked). */
export async function submitBooking(page: Page, values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) await page.getByTestId(`booking-field-${key}`).fill(value);
  await page.getByTestId('booking-consent').check();
  await page.getByTestId('booking-submit').tap();
}

export async function residentSignsUp(page: Page, token: string, who: { name: string; phone: string }) {
  await page.goto(`/a/${token}`);
  await page.getByTestId('signup-form').waitFor();
  await submitSignup(page, who);
  return landedSignup(page);
}
