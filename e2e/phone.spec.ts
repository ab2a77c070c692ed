// The console at phone size (390x844, touch): navigation reachable through the menu button, no page
// wider than the screen, and no serious accessibility problems.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, closePage, expectNoErrors, hasHorizontalOverflow, launchBrowser, newPage, signIn } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function navigateTo(page: Page, section: 'orgs' | 'people' | 'places') {
  const toggle = page.getByTestId('nav-toggle');
  await toggle.tap();
  const link = page.getByTestId(`nav-${section}`);
  await link.waitFor();
  await link.tap();
  await page.waitForURL(`**/${section}`);
  await link.waitFor({ state: 'hidden' });
  await page.waitForLoadState('networkidle');
}

describe('the console on a phone', () => {
  it('signs in, navigates through the menu, fits the screen and passes axe', async () => {
    const page = await newPage(browser, { phone: true });
    try {
      await signIn(page, 'cz-officer');
      await page.goto('/orgs');
      await page.getByTestId('org-tree').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await hasHorizontalOverflow(page), 'organisations page wider than the screen').toBe(false);
      // On a phone the side bar gives way to a menu button.
      await expect.poll(() => page.getByTestId('nav-toggle').isVisible()).toBe(true);
      expect(await page.getByTestId('nav-people').isVisible()).toBe(false);
      await checkA11y(page);

      for (const section of ['people', 'places', 'orgs'] as const) {
        await navigateTo(page, section);
        expect(await hasHorizontalOverflow(page), `${section} page wider than the screen`).toBe(false);
        await checkA11y(page);
      }
      // The menu itself, open, passes axe too.
      await page.getByTestId('nav-toggle').tap();
      await page.getByTestId('nav-people').waitFor();
      await checkA11y(page);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
