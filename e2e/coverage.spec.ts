// The Wuxi branch secretary (wx-secretary, 锡山区分公司党支部) in the browser: puts a party member in
// charge of an outlet that has none and sees it covered, ends that zone; records a cross-appointment
// from a person's row and ends it from the coverage page; opens the needs of the communities the
// branch is paired with (and not those of a community it is not) and claims one; goes through the
// tasks decided at joint meetings, overdue ones flagged, and ticks one off.
//
// E2E_SCREENSHOTS=<folder> saves screenshots of the pages along the way.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, closePage, expectNoErrors, launchBrowser, newPage, pick, shot, signIn } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens an antd select and picks its first option; answers the option's text. */
async function pickFirst(page: Page, field: Locator): Promise<string> {
  await field.locator('input').first().click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first();
  await option.waitFor();
  const text = (await option.innerText()).trim();
  await option.click();
  await expect.poll(async () => (await field.textContent()) ?? '').toContain(text.split(' · ')[0]!);
  return text;
}

/** Waits until no select dropdown is open or fading out: axe reads a closing list's faded colours as low contrast. */
async function dropdownsClosed(page: Page) {
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
}

const statValue = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).locator('.ant-statistic-content-value').innerText()).replace(/\D/g, ''));

async function grantOrgId(page: Page): Promise<string> {
  const me = await (await page.request.get('/api/me')).json();
  return me.grants[0].orgId as string;
}

describe('responsibility zones: an outlet without a member gets one', () => {
  it('the secretary assigns a party member to 锡山荡口邮政所, sees it covered, and ends the zone', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'wx-secretary');
      await page.getByTestId('nav-coverage').click();
      const table = page.getByTestId('coverage-table');
      const row = table.locator('tr', { hasText: '锡山荡口邮政所' });
      await row.waitFor();
      expect(await row.getAttribute('data-covered')).toBe('false');
      const coveredBefore = await statValue(page, 'coverage-covered');
      const uncoveredBefore = await statValue(page, 'coverage-uncovered');
      expect(uncoveredBefore).toBeGreaterThanOrEqual(2);
      await shot(page, 'coverage-uncovered');
      await checkA11y(page);

      await row.locator('[data-testid^="coverage-assign-"]').click();
      const form = page.getByTestId('zone-form');
      await form.waitFor();
      // The five roles of DOMAIN.md §4 are all ticked to begin with.
      expect(await form.getByTestId('zone-roles').locator('input[type=checkbox]:checked').count()).toBe(5);
      const member = (await pickFirst(page, page.getByTestId('zone-person'))).split(' · ')[0]!;
      await dropdownsClosed(page);
      await shot(page, 'coverage-assign-form');
      await checkA11y(page);
      await page.getByTestId('zone-form-save').click();
      await expect.poll(() => row.getAttribute('data-covered')).toBe('true');
      expect(await row.innerText()).toContain(member);
      await expect.poll(() => statValue(page, 'coverage-covered')).toBe(coveredBefore + 1);
      expect(await statValue(page, 'coverage-uncovered')).toBe(uncoveredBefore - 1);
      await shot(page, 'coverage-covered');

      // The zone, with its five roles, in the zones tab; ended from there, the outlet is uncovered again.
      await page.getByTestId('coverage-tab-zones').click();
      const zone = page.getByTestId('zones-table').locator('tr', { hasText: '锡山荡口邮政所' });
      await zone.waitFor();
      expect(await zone.innerText()).toContain('政策宣讲员');
      expect(await zone.innerText()).toContain('经验宣传员');
      await checkA11y(page);
      await zone.locator('[data-testid^="zone-end-"]').click();
      await page.getByTestId('zone-end-form').waitFor();
      await page.getByTestId('zone-end-form-save').click();
      await zone.waitFor({ state: 'detached' });
      await page.getByTestId('coverage-tab-outlets').click();
      await expect.poll(() => table.locator('tr', { hasText: '锡山荡口邮政所' }).getAttribute('data-covered')).toBe('false');
      expect(await statValue(page, 'coverage-covered')).toBe(coveredBefore);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});

describe('cross-appointments', () => {
  it('recorded from a person’s row, seen on the unit’s page and ended from the coverage page', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'wx-secretary');
      await page.getByTestId('nav-people').click();
      await page.getByTestId('people-table').locator('[data-testid^="person-appointments-"]').first().click();
      const drawer = page.getByTestId('person-appointments');
      await drawer.waitFor();
      const name = ((await drawer.locator('.ant-drawer-title').innerText()).split(' ')[0] ?? '').trim();
      await drawer.getByTestId('appointment-create').click();
      await page.getByTestId('appointment-form').waitFor();
      await pick(page, page.getByTestId('appointment-host'), '东亭社区', '东亭社区');
      await page.getByTestId('appointment-post').fill('社区党支部副书记');
      await page.getByTestId('appointment-post').press('Tab');
      await dropdownsClosed(page);
      await shot(page, 'appointment-form');
      await checkA11y(page);
      await page.getByTestId('appointment-form-save').click();
      const row = drawer.getByTestId('appointments-table').locator('tr', { hasText: '社区党支部副书记' });
      await row.waitFor();
      expect(await row.innerText()).toContain('东亭社区');
      await checkA11y(page);
      await page.keyboard.press('Escape');

      // The branch's own page lists where its people serve.
      await page.goto(`/orgs?org=${await grantOrgId(page)}`);
      const onOrg = page.getByTestId('org-appointments').locator('tr', { hasText: '社区党支部副书记' });
      await onOrg.waitFor();
      expect(await onOrg.innerText()).toContain(name);
      await shot(page, 'org-appointments');

      await page.goto('/coverage?tab=appointments');
      const listed = page.getByTestId('appointments-table').locator('tr', { hasText: '东亭社区' }).filter({ hasText: name });
      await listed.waitFor();
      const end = listed.locator('[data-testid^="appointment-end-"]');
      await end.click();
      await page.getByTestId('appointment-end-form').waitFor();
      await page.getByTestId('appointment-end-form-save').click();
      // Ended today: still serving today, and no longer endable; the period now has its end.
      await end.waitFor({ state: 'detached' });
      expect(await listed.innerText()).not.toContain('至今');
      await shot(page, 'coverage-appointments');
      await checkA11y(page);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});

describe('needs of partner communities', () => {
  const PAIRED = '东亭街道：独居老人希望每周有人上门看看';
  const UNPAIRED = '五心苑社区：楼道需要加装扶手';

  it('the secretary sees what the paired communities asked for, not an unpaired one’s, and claims it', async () => {
    // A need from each side, posted by the communities' own partners.
    for (const [login, title] of [
      ['wx-community', PAIRED],
      ['cz-community', UNPAIRED],
    ] as const) {
      const poster = await newPage(browser);
      try {
        await signIn(poster, login);
        const res = await poster.request.post('/api/needs', { data: { orgId: await grantOrgId(poster), kind: 'need', title } });
        expect(res.status(), await res.text()).toBe(200);
      } finally {
        await closePage(poster);
      }
    }

    const page = await newPage(browser);
    try {
      await signIn(page, 'wx-secretary');
      await page.getByTestId('nav-lists').click();
      const table = page.getByTestId('needs-table');
      await table.waitFor();
      await page.getByTestId('need-view-partners').click();
      const row = table.locator('tr', { hasText: PAIRED });
      await row.waitFor();
      expect(await page.getByTestId('need-partner-hint').innerText()).toContain('东亭街道');
      expect(await table.locator('tr', { hasText: UNPAIRED }).count()).toBe(0);

      // Narrowed to one paired street: its communities' needs only.
      const filter = page.getByTestId('need-partner-filter');
      await pick(page, filter, '鹅湖街道');
      await row.waitFor({ state: 'detached' });
      await pick(page, filter, '东亭街道');
      await row.waitFor();
      await dropdownsClosed(page);
      await shot(page, 'lists-partner-needs');
      await checkA11y(page);

      // 对接 opens the project form with the need chosen; claiming takes it on at once.
      await row.locator('[data-testid^="need-match-"]').click();
      await page.getByTestId('project-form').waitFor();
      expect(await page.getByTestId('project-need').innerText()).toContain(PAIRED);
      expect(await page.getByTestId('project-title').inputValue()).toBe(PAIRED);
      await page.locator('.ant-modal-wrap:has([data-testid="project-form"]) .ant-modal-close').click();
      await page.getByTestId('project-form').waitFor({ state: 'hidden' });
      await row.locator('[data-testid^="need-claim-"]').click();
      await row.waitFor({ state: 'detached' });
      await page.getByTestId('lists-tab-projects').click();
      await page.getByTestId('projects-table').locator('tr', { hasText: PAIRED }).waitFor();
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});

describe('meeting tasks across the branch', () => {
  const LATE = '补齐春合社区反诈宣传的照片和签到表';

  it('lists the joint meetings’ tasks with owners and overdue flags, and marks one done', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'wx-secretary');
      // A joint meeting two weeks ago decided a task due yesterday (the demo's own tasks are still due).
      const day = (offset: number) =>
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000));
      const agreements = await (await page.request.get('/api/partnerships?q=东亭')).json();
      const partnershipId = agreements.items[0].id as string;
      const meeting = await page.request.post(`/api/partnerships/${partnershipId}/meetings`, {
        data: { heldOn: day(-14), minutes: '议定补齐台账', tasks: [{ title: LATE, ownerName: '任浩', dueOn: day(-1) }] },
      });
      expect(meeting.status(), await meeting.text()).toBe(200);

      await page.getByTestId('nav-partnerships').click();
      await page.getByTestId('partnerships-tab-tasks').click();
      const table = page.getByTestId('tasks-table');
      const rows = table.locator('tbody tr[data-testid^="task-row-"]');
      await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
      const late = rows.filter({ hasText: LATE });
      expect(await late.getAttribute('data-overdue')).toBe('true');
      expect(await late.innerText()).toContain('任浩');
      expect(await late.innerText()).toContain('已逾期');
      // The demo meeting's tasks, owned by the branch and by the police station, are not late.
      const police = rows.filter({ hasText: '联合东亭派出所到春合社区开展春节前反诈宣传' });
      expect(await police.innerText()).toContain('东亭派出所');
      expect(await police.getAttribute('data-overdue')).toBe('false');
      expect(await page.getByTestId('partnerships-tab-tasks').innerText()).toContain('1');
      await shot(page, 'partnership-tasks');
      await checkA11y(page);

      await page.getByTestId('tasks-view-overdue').click();
      await expect.poll(() => rows.count()).toBe(1);
      const id = ((await rows.first().getAttribute('data-testid')) ?? '').replace('task-row-', '');
      await page.getByTestId(`task-mark-${id}`).click();
      await expect.poll(() => rows.count()).toBe(0);
      expect(await table.innerText()).toContain('没有逾期的任务');
      await page.getByTestId('tasks-view-done').click();
      const done = table.getByTestId(`task-row-${id}`);
      await done.waitFor();
      expect(await done.getAttribute('data-done')).toBe('true');
      expect(await done.getAttribute('data-overdue')).toBe('false');
      await shot(page, 'partnership-tasks-done');
      await checkA11y(page);

      // The agreement's own page shows it ticked.
      await done.locator('a').first().click();
      await page.getByTestId('partnership-meetings').waitFor();
      await expect.poll(() => page.getByTestId(`task-${id}`).getAttribute('data-done')).toBe('true');
      expect(await page.getByTestId(`task-done-${id}`).isChecked()).toBe(true);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
