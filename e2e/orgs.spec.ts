// Done-when of the foundation issue: the platform admin sees the organisation tree with the five
// demo cities; a Changzhou branch secretary sees Changzhou and nothing of Chifeng, in the console
// and through the API with the browser's own session cookie.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, closePage, expectNoErrors, launchBrowser, newPage, signIn } from './harness.js';

const CITIES = ['固原', '无锡', '衡阳', '常州', '赤峰'];

interface OrgItem {
  id: string;
  name: string;
  kind: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), `GET ${url}`).toBe(200);
  return (await res.json()) as T;
}

const orgsNamed = async (page: Page, q: string) =>
  (await apiGet<{ items: OrgItem[] }>(page, `/api/orgs?q=${encodeURIComponent(q)}&pageSize=200`)).items;

/** The tree node whose title is exactly `name`. */
function treeNode(page: Page, name: string) {
  return page
    .getByTestId('org-tree')
    .locator('.ant-tree-treenode:not([aria-hidden="true"])')
    .filter({ has: page.getByText(name, { exact: true }) })
    .first();
}

/** Opens the tree node titled `name` the way a person would, by its expand switch, if it is closed. */
async function expandNode(page: Page, name: string) {
  const node = treeNode(page, name);
  await node.waitFor();
  const closed = node.locator('.ant-tree-switcher_close');
  if ((await closed.count()) > 0) {
    await closed.click();
    await expect.poll(() => node.locator('.ant-tree-switcher_open').count(), { timeout: 15_000 }).toBe(1);
  }
}

describe('organisations in the console', () => {
  let chifengOrgIds: string[] = [];

  it('shows the platform admin the tree with the five demo cities', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'admin');
      await page.goto('/orgs');
      await page.getByTestId('org-tree').locator('.ant-tree-treenode:not([aria-hidden="true"])').first().waitFor();

      // The five city committees, and the way down to each of them.
      const cities = (await apiGet<{ items: OrgItem[] }>(page, '/api/orgs?kind=city_committee&pageSize=200')).items;
      for (const city of CITIES)
        expect(
          cities.some((c) => c.name.includes(city)),
          `a city committee of ${city}`,
        ).toBe(true);
      const paths = await Promise.all(
        cities
          .filter((c) => CITIES.some((city) => c.name.includes(city)))
          .map(async (c) => ({ city: c, ancestors: (await apiGet<{ ancestors: OrgItem[] }>(page, `/api/orgs/${c.id}`)).ancestors })),
      );

      // Open the tree from the top down to city level, through the UI.
      const opened = new Set<string>();
      for (const { ancestors } of paths) {
        for (const a of ancestors) {
          if (opened.has(a.id)) continue;
          await expandNode(page, a.name);
          opened.add(a.id);
        }
      }
      for (const { city } of paths) await expect.poll(() => treeNode(page, city.name).isVisible(), { message: city.name }).toBe(true);
      const text = await page.getByTestId('org-tree').innerText();
      for (const city of CITIES) expect(text, `the tree shows ${city}`).toContain(city);

      // Chifeng's units, as only someone who may see them can learn their ids.
      const chifeng = await orgsNamed(page, '赤峰');
      expect(chifeng.length).toBeGreaterThan(0);
      chifengOrgIds = chifeng.map((o) => o.id);

      await checkA11y(page);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('shows a Changzhou branch secretary Changzhou and nothing of Chifeng', async () => {
    expect(chifengOrgIds.length, 'the admin test found Chifeng ids first').toBeGreaterThan(0);
    const page = await newPage(browser);
    try {
      await signIn(page, 'cz-secretary');
      await page.goto('/orgs');
      const me = await apiGet<{ grants: { role: string; orgId: string; orgName: string }[] }>(page, '/api/me');
      expect(me.grants.map((g) => g.role)).toEqual(['branch_secretary']);
      const branch = me.grants[0]!;

      // The console: the tree holds the secretary's branch; its detail shows where it sits in Changzhou.
      await treeNode(page, branch.orgName).waitFor();
      const detail = page.getByTestId('org-detail');
      await expect.poll(() => detail.innerText()).toContain(branch.orgName);
      expect(await detail.innerText()).toContain('常州');
      // Search in the console for Chifeng: nothing.
      const search = page.getByTestId('org-search').locator('input');
      await search.fill('赤峰');
      const searched = page.waitForResponse((r) => r.url().includes('/api/orgs?') && r.url().includes('q='));
      await search.press('Enter');
      expect((await searched).status()).toBe(200);
      await page.waitForLoadState('networkidle');
      // (innerText leaves out the search box's own value.)
      expect(await page.locator('body').innerText(), 'nothing of Chifeng in the console').not.toContain('赤峰');
      await checkA11y(page);

      // The API, with the browser's own session cookie.
      expect(await orgsNamed(page, '赤峰')).toEqual([]);
      expect((await orgsNamed(page, branch.orgName)).map((o) => o.id)).toContain(branch.orgId);
      for (const id of chifengOrgIds.slice(0, 5)) {
        const res = await page.request.get(`/api/orgs/${id}`);
        expect(res.status(), `GET /api/orgs/${id} (a Chifeng unit)`).toBe(404);
        expect(await res.text()).not.toContain('赤峰');
      }
      // Guessing a Chifeng id as a parent lists nothing either.
      const children = await page.request.get(`/api/orgs?parentId=${chifengOrgIds[0]}`);
      expect([200, 404]).toContain(children.status());
      if (children.status() === 200) expect((await children.json()).items).toEqual([]);

      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
