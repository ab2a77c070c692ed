// Dashboards, reports and the big screen, in the browser: the Changzhou committee officer opens the
// dashboard and sees the city's figures (13 red stations, care visits, volunteers), clicks a figure and
// lands on the activities behind it, downloads the month's report as Word and PDF (both opened here and
// searched for the figures; in English when the console is), follows the business outcomes figure to
// the outcomes of its period, and the big screen renders at 1920×1080 without console errors.
//
// E2E_SCREENSHOTS=<folder> saves screenshots of the pages along the way.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, checkA11y, closePage, expectNoErrors, launchBrowser, newPage, shot, signIn } from './harness.js';

const figure = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).locator('.ant-statistic-content').innerText()).replace(/[^\d.]/g, ''));

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  return text;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the Changzhou committee officer’s dashboard', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(browser);
    await signIn(page, 'cz-officer');
  });
  afterAll(() => closePage(page));

  it('shows the city’s figures: activities, people reached, the 13 red stations, care visits and volunteers', async () => {
    await page.goto('/dashboard');
    await page.getByTestId('figure-activities').waitFor();
    await expect.poll(() => page.getByTestId('dashboard-title').innerText()).toContain('常州');
    expect(await figure(page, 'figure-activities')).toBeGreaterThan(0);
    expect(await figure(page, 'figure-attendance')).toBeGreaterThan(0);
    expect(await figure(page, 'current-stations')).toBe(13);
    expect(await figure(page, 'figure-visits')).toBeGreaterThan(0);
    expect(await figure(page, 'current-volunteers')).toBeGreaterThan(0);
    // The units below the city, each with its own figures.
    expect(await page.getByTestId('dashboard-children').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.locator('canvas').first().waitFor();
    await shot(page, 'dashboard');
    await checkA11y(page);
    expectNoErrors(page);
  });

  it('leads from a figure to the records behind it', async () => {
    const held = await figure(page, 'figure-activities');
    await page.getByTestId('figure-activities').click();
    await page.waitForURL(/\/activities\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('status')).toBe('closed');
    expect(url.searchParams.get('orgId')).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByTestId('activities-table').locator('tbody tr.ant-table-row').first().waitFor();
    // The list behind the figure holds as many activities as the figure says.
    await expect.poll(async () => (await page.locator('.ant-pagination-total-text').innerText()).replace(/\D/g, '')).toBe(String(held));
    expectNoErrors(page);
  });

  it('leads from the business outcomes figure to the outcomes of the same unit and period', async () => {
    await page.goto('/dashboard');
    const card = page.getByTestId('figure-outcome_records');
    await card.waitFor();
    const records = await figure(page, 'figure-outcome_records');
    expect(records).toBeGreaterThan(0);
    const listed = page.waitForResponse((r) => r.url().includes('/api/outcomes?') && r.status() === 200);
    await card.click();
    await page.waitForURL(/\/outcomes\?/);
    const url = new URL(page.url());
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(url.searchParams.get('from')).toBe(`${year}-01-01`);
    expect(url.searchParams.get('to')).toMatch(new RegExp(`^${year}-\\d{2}-\\d{2}$`));
    expect(await page.getByTestId('outcomes-period').innerText()).toContain(`${year}-01-01`);
    // The page asked for the period, and holds as many records as the figure says.
    const answer = await listed;
    expect(new URL(answer.url()).searchParams.get('from')).toBe(`${year}-01-01`);
    expect(((await answer.json()) as { total: number }).total).toBe(records);
    await shot(page, 'outcomes-period');
    await checkA11y(page);
    // Clearing the period shows every record again.
    await page.getByTestId('outcomes-period-clear').click();
    await expect.poll(() => page.getByTestId('outcomes-period').count()).toBe(0);
    expectNoErrors(page);
  });

  it('writes the report in the console’s language, with the months as a chart in the Word file', async () => {
    await page.evaluate(() => localStorage.setItem('youshe.lang', 'en'));
    try {
      await page.goto('/dashboard');
      await page.getByTestId('figure-activities').waitFor();
      const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
      expect(docx.suggestedFilename()).toMatch(/^Party-building co-construction report of 常州.*, .+ \d{4}\.docx$/);
      const zip = await JSZip.loadAsync(readFileSync(await docx.path()));
      const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      expect(text).toContain('1. Key figures');
      expect(text).toContain('Red stations13');
      expect(text).not.toContain('主要数据');
      expect(Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(1);
      const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
      expect((await pdfText(readFileSync(await pdf.path()))).replace(/\s+/g, '')).toContain('Redstations13');
      expectNoErrors(page);
    } finally {
      await page.evaluate(() => localStorage.setItem('youshe.lang', 'zh-CN'));
    }
  });

  it('downloads the month’s report as Word and as PDF, both carrying the month’s figures', async () => {
    await page.goto('/dashboard');
    await page.getByTestId('figure-activities').waitFor();
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const figures = await page.evaluate(async (m) => {
      const res = await fetch(`/api/dashboard?from=${m}&to=${m}`);
      return ((await res.json()) as { totals: Record<string, number> }).totals;
    }, month);
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
    expect(docx.suggestedFilename()).toMatch(/月党建共建工作报告\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync(await docx.path()));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain(`开展共建活动（次）${figures.activities ?? 0}`);
    expect(text).toContain(`参与群众（人次）${figures.attendance ?? 0}`);
    expect(text).toContain('红色驿站（个）13');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfContent = await pdfText(readFileSync(await pdf.path()));
    expect(pdfContent).toContain('党建共建工作报告');
    expect(pdfContent).toContain('开展共建活动（次）');
    expect(pdfContent).toContain('红色驿站（个）');
    expectNoErrors(page);
  });
});

describe('publicity', () => {
  it('drafts a news release from a held activity, edits it and records where it was published', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'cz-officer');
      await page.goto('/press');
      const pick = page.getByTestId('press-activity');
      await pick.click();
      const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first();
      await option.waitFor();
      await option.click();
      await page.getByTestId('press-draft').click();
      const title = page.getByTestId('press-title');
      await title.waitFor();
      // Written from the records: a dated lead in the manner of the postal press, a body of a few paragraphs.
      expect(await page.getByTestId('press-lead').inputValue()).toMatch(/^\d{1,2}月\d{1,2}日，/);
      expect((await page.getByTestId('press-body').inputValue()).length).toBeGreaterThan(100);
      await checkA11y(page);
      await title.fill('“红色驿站”里的暖心服务');
      await page.getByTestId('press-save').click();
      await page.getByTestId('press-table').getByText('“红色驿站”里的暖心服务').waitFor();
      await page.getByTestId('press-table').locator('[data-testid^="press-edit-"]').first().click();
      await page.getByTestId('press-outlet').fill('中国邮政报');
      await page.getByTestId('press-link').fill('https://example.org/news/1');
      await page.getByTestId('press-publish').click();
      await page.getByTestId('press-table').getByText('中国邮政报').waitFor();
      await shot(page, 'press');
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});

describe('the big screen', () => {
  it('renders at 1920×1080 without console chrome or console errors, and refreshes itself', async () => {
    const page = await newPage(browser);
    try {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await signIn(page, 'cz-officer');
      await page.goto('/screen?refresh=5');
      await page.getByTestId('screen-activities').waitFor();
      await expect.poll(() => page.locator('canvas').count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('.ant-layout-sider').count()).toBe(0);
      expect(await page.getByTestId('screen-current-stations').innerText()).toContain('13');
      const box = await page.getByTestId('big-screen').boundingBox();
      expect(box!.width).toBe(1920);
      // One screen, no scrolling: everything fits the wall's 1080 lines.
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
      // It asks again by itself.
      const next = page.waitForResponse((r) => r.url().startsWith(`${baseUrl()}/api/dashboard`) && r.status() === 200, { timeout: 15_000 });
      await next;
      await shot(page, 'big-screen');
      await checkA11y(page);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
