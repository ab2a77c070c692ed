import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, checkA11y, closePage, expectNoErrors, launchBrowser, newPage } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('smoke', () => {
  it('answers /api/health on the embedded database', async () => {
    const res = await fetch(`${baseUrl()}/api/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', db: 'pglite' });
    expect(typeof body.version).toBe('string');
  });

  it('serves the OpenAPI document', async () => {
    const res = await fetch(`${baseUrl()}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/auth/login');
  });

  it('shows the sign-in page with no console errors, and it passes axe', async () => {
    const page = await newPage(browser);
    try {
      const res = await page.goto('/');
      expect(res?.status()).toBe(200);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.getByTestId('login-form').waitFor();
      await expect.poll(() => page.locator('input[type=password]').count()).toBe(1);
      await page.waitForLoadState('networkidle');
      await checkA11y(page);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('shows the sign-in page on a phone, and it passes axe', async () => {
    const page = await newPage(browser, { phone: true });
    try {
      await page.goto('/');
      await page.getByTestId('login-form').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await checkA11y(page);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
