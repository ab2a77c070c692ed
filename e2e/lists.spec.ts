// Three lists and the resident's order (居民点单), the prize quiz, and the coverage view, in the browser:
// a resident asks for help on a phone-sized page and gets a tracking code; the Wuxi branch secretary
// claims the wish in 三张清单, and completing it needs proof; the resident's page shows it done. A quiz
// at an event: the secretary opens it, a resident answers on a phone, the secretary closes it and
// draws, and the seed is shown. The coverage view lists outlets without a member.
//
// E2E_SCREENSHOTS=<folder> saves screenshots of the pages along the way.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { checkA11y, closePage, errorsOf, expectNoErrors, hasHorizontalOverflow, launchBrowser, newPage, shot, signIn } from './harness.js';

/** Only the failures a test provoked on purpose (4xx answers), nothing else. */
function expectOnlyProvoked(page: Page) {
  const unexpected = errorsOf(page).filter((e) => !/status of 4\d\d/.test(e));
  expect(unexpected, 'console errors, page errors or 5xx answers').toEqual([]);
}

/** 适老化: body text 18px and up, primary buttons 22px. */
async function expectLargeType(page: Page, buttonTestId: string) {
  const body = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.resident')!).fontSize));
  expect(body).toBeGreaterThanOrEqual(18);
  const button = await page.getByTestId(buttonTestId).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(button).toBeGreaterThanOrEqual(22);
}

const WISH = '楼道灯坏了，希望帮忙换个灯泡';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('three lists: a resident orders, a member claims and completes with proof', () => {
  let code = '';

  it('a resident finds the community by name and sends a micro-wish; the page gives a tracking code', async () => {
    const phone = await newPage(browser, { phone: true });
    try {
      await phone.goto('/need');
      await phone.getByTestId('need-order-form').waitFor();
      await expectLargeType(phone, 'need-submit');
      await checkA11y(phone);

      const community = phone.getByTestId('need-community');
      await community.locator('input').first().fill('东亭');
      const option = phone.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText('东亭社区', { exact: false }).first();
      await option.waitFor();
      await option.tap();
      await phone.getByTestId('need-title').fill(WISH);
      await phone.getByTestId('need-name').fill('钱阿姨');
      // A malformed phone number is named beside the field.
      await phone.getByTestId('need-phone').fill('1391234');
      await phone.getByTestId('need-consent').check();
      await phone.getByTestId('need-submit').tap();
      const phoneItem = phone.locator('.ant-form-item').filter({ has: phone.getByTestId('need-phone') });
      await expect.poll(() => phoneItem.innerText()).toContain('手机号格式不正确');
      await phone.getByTestId('need-phone').fill('13912340021');
      await shot(phone, 'resident-need-form');
      await phone.getByTestId('need-submit').tap();
      await phone.waitForURL(/\/need\/[A-Za-z0-9_-]{8,40}$/);
      code = new URL(phone.url()).pathname.split('/').pop()!;
      const status = phone.getByTestId('need-status');
      await status.waitFor();
      expect(await status.getAttribute('data-status')).toBe('open');
      expect(await phone.getByTestId('need-code').innerText()).toBe(code);
      expect(await status.innerText()).toContain('东亭社区');
      expect(await hasHorizontalOverflow(phone)).toBe(false);
      await shot(phone, 'resident-need-status');
      await checkA11y(phone);
      expectOnlyProvoked(phone);
    } finally {
      await closePage(phone);
    }
  });

  it('the Wuxi secretary claims the wish, and completing it asks for proof', async () => {
    expect(code, 'the resident ordered first').not.toBe('');
    const page = await newPage(browser);
    try {
      await signIn(page, 'wx-secretary');
      await page.getByTestId('nav-lists').click();
      const needs = page.getByTestId('needs-table');
      await needs.waitFor();
      const row = needs.locator('tr', { hasText: WISH });
      await row.waitFor();
      await shot(page, 'console-lists-needs');
      await checkA11y(page);
      await row.locator('[data-testid^="need-claim-"]').click();
      await expect.poll(() => row.count()).toBe(0);

      await page.getByTestId('lists-tab-projects').click();
      await page.getByTestId('project-mine').check();
      const projects = page.getByTestId('projects-table');
      const project = projects.locator('tr', { hasText: WISH });
      await project.waitFor();
      expect(await project.getAttribute('data-status')).toBe('claimed');
      await project.locator('[data-testid^="project-complete-"]').click();
      await page.getByTestId('complete-form').waitFor();
      await page.getByTestId('complete-outcome').fill('已上门更换楼道灯泡');
      await page.getByTestId('complete-form-save').click();
      const proofItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('complete-proof') });
      await expect.poll(() => proofItem.innerText()).toContain('请上传照片、勾选受益人已确认，或填写凭证说明');
      // The proof: a photo taken at the door, which stands for itself once it is kept.
      const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#d8c9a0' } })
        .jpeg()
        .toBuffer();
      await page.getByTestId('proof-photo-input').setInputFiles({ name: 'bulb.jpg', mimeType: 'image/jpeg', buffer: photo });
      await expect.poll(() => page.getByTestId('complete-form').innerText()).toContain('照片已上传，可作为凭证');
      await shot(page, 'console-lists-complete');
      await page.getByTestId('complete-form-save').click();
      await expect.poll(() => project.getAttribute('data-status')).toBe('done');
      expect(await project.locator('img').count(), 'the proof photo beside the outcome').toBe(1);
      await checkA11y(page);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it("the resident's page shows the wish done", async () => {
    const phone = await newPage(browser, { phone: true });
    try {
      await phone.goto(`/need/${code}`);
      await expect.poll(() => phone.getByTestId('need-status').getAttribute('data-status')).toBe('done');
      expect(await phone.getByTestId('need-status-text').innerText()).toContain('已办结');
      await checkA11y(phone);
      expectNoErrors(phone);
    } finally {
      await closePage(phone);
    }
  });
});

describe('a prize quiz at an event', () => {
  it('the secretary writes and opens it, a resident answers on a phone, the secretary closes it and draws', async () => {
    const page = await newPage(browser);
    const phone = await newPage(browser, { phone: true });
    try {
      await signIn(page, 'wx-secretary');
      const me = await (await page.request.get('/api/me')).json();
      const startsAt = new Date(Date.now() + 3600_000);
      const created = await page.request.post('/api/activities', {
        data: {
          orgId: me.grants[0].orgId,
          kindId: 'anti_fraud',
          title: '反诈知识有奖问答',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
        },
      });
      expect(created.status()).toBe(200);
      const activity = await created.json();
      expect((await page.request.post(`/api/activities/${activity.id}/transition`, { data: { to: 'published' } })).status()).toBe(200);

      await page.goto(`/activities/${activity.id}`);
      await page.getByTestId('quiz-show').click();
      await page.getByTestId('quiz-edit').click();
      const editor = page.getByTestId('quiz-edit-0');
      await editor.getByTestId('quiz-question-text').fill('陌生人要求转账到“安全账户”，应该怎么做？');
      await editor.getByTestId('quiz-question-options').fill('马上转账\n挂断电话，拨打 110 核实');
      await editor.getByTestId('quiz-question-answer').fill('2');
      await page.getByTestId('quiz-prizes').fill('1');
      await page.getByTestId('quiz-save').click();
      await page.getByTestId('quiz-open').click();
      await expect.poll(() => page.getByTestId('quiz-status').getAttribute('data-status')).toBe('open');
      await shot(page, 'console-quiz');
      await checkA11y(page);

      await phone.goto(`/a/${activity.publicToken}/quiz`);
      await phone.getByTestId('quiz-form').waitFor();
      await expectLargeType(phone, 'quiz-submit');
      await checkA11y(phone);
      await phone.getByTestId('quiz-question-0').getByText('挂断电话', { exact: false }).tap();
      await phone.getByTestId('quiz-name').fill('吴大爷');
      await phone.getByTestId('quiz-phone').fill('13912340031');
      await phone.getByTestId('quiz-submit').tap();
      const result = phone.getByTestId('quiz-result');
      await result.waitFor();
      expect(await result.getAttribute('data-score')).toBe('1');
      expect(await hasHorizontalOverflow(phone)).toBe(false);
      await shot(phone, 'resident-quiz-result');
      await checkA11y(phone);

      await page.getByTestId('quiz-close').click();
      await page.getByTestId('quiz-draw').click();
      const winners = page.getByTestId('quiz-winners');
      await winners.waitFor();
      expect(await winners.innerText()).toContain('吴大爷');
      expect((await page.getByTestId('quiz-seed').innerText()).length).toBeGreaterThan(0);
      await checkA11y(page);
      // The activity had no quiz when its page first asked: the server answers 404 for that.
      expectOnlyProvoked(page);
      expectNoErrors(phone);
    } finally {
      await closePage(page);
      await closePage(phone);
    }
  });
});

describe('coverage of outlets without a party member', () => {
  it('shows the figures and the outlets', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'admin');
      await page.getByTestId('nav-coverage').click();
      await page.getByTestId('coverage-summary').waitFor();
      await page.getByTestId('coverage-table').waitFor();
      await page.waitForLoadState('networkidle');
      await shot(page, 'console-coverage');
      await checkA11y(page);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
