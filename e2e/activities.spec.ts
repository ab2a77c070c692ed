// Done-when of the co-construction issue, in the browser: the Wuxi branch secretary records an
// agreement between the Xishan postal branch, Dongting community and the Dongting police station
// (both outside the branch's own tree, found in the unit directory); the secretary then creates a
// joint anti-fraud activity under it with two places and publishes it; three residents sign up on
// phone-sized pages (the third lands on the waiting list); two check in (one by scanning the poster
// with the phone that signed up, one at the staff desk by code); the secretary closes it with the
// required figure; attendance is 2 and the agreement's goal moved by one.
//
// E2E_SCREENSHOTS=<folder> saves screenshots of the pages along the way.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkA11y,
  chinaDay,
  closeDropdowns,
  closePage,
  expectNoErrors,
  fillDateRange,
  hasHorizontalOverflow,
  launchBrowser,
  newPage,
  pick,
  shot,
  signIn,
  solidJpeg,
  xlsxRows,
} from './harness.js';
import { expectOnlyProvoked, landedSignup, residentSignsUp, submitSignup } from './resident.js';

const BRANCH = '锡山区分公司党支部';
const COMMUNITY = '东亭社区';
const POLICE = '东亭派出所';
const AGREEMENT = '锡山邮政—东亭社区—东亭派出所党建联合体工作协议';
const TITLE = '反诈宣传进东亭社区';
const RESIDENTS = [
  { name: '王秀英', phone: '13912340001' },
  { name: '李建国', phone: '13912340002' },
  { name: '张桂兰', phone: '13912340003' },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a joint anti-fraud activity from agreement to attendance', () => {
  let partnershipId = '';
  let goalId = '';
  let activityUrl = '';
  let token = '';
  const phones: Page[] = [];
  const codes: string[] = [];

  it('the Wuxi branch secretary records the agreement with the community and the police station, found in the directory', async () => {
    const page = await newPage(browser);
    try {
      // A branch secretary starts on the activities, the daily work, not on the organisation tree.
      await signIn(page, 'wx-secretary');
      await page.waitForURL('**/activities');
      await page.getByTestId('nav-partnerships').click();
      await page.getByTestId('partnership-create').click();
      const form = page.getByTestId('partnership-form');
      await form.waitFor();
      await pick(page, form.locator('.ant-tree-select').first(), BRANCH, BRANCH);
      await page.getByTestId('partnership-title').fill(AGREEMENT);
      const members = page.getByTestId('partnership-members');
      await pick(page, members, COMMUNITY, COMMUNITY);
      await pick(page, members, POLICE, POLICE);
      await closeDropdowns(page);
      // The period: from a month ago to 20 days ahead, so that the reminder shows.
      await fillDateRange(form, chinaDay(-30), chinaDay(20));
      await page.getByTestId('goal-add').click();
      const goal = page.getByTestId('goal-editor-0');
      await goal.getByTestId('goal-title').fill('联合开展反诈宣传');
      await pick(page, goal.getByTestId('goal-kind'), '反诈宣传');
      await goal.getByTestId('goal-target').fill('4');
      await shot(page, 'console-partnership-form');
      await page.getByTestId('partnership-save').click();
      await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/);
      partnershipId = page.url().split('/').pop()!;
      const detail = page.getByTestId('partnership-detail');
      await detail.waitFor();
      expect(await detail.innerText()).toContain(POLICE);

      const saved = await (await page.request.get(`/api/partnerships/${partnershipId}`)).json();
      expect(saved.members.map((m: { name: string }) => m.name).join()).toContain(COMMUNITY);
      expect(saved.goals).toHaveLength(1);
      goalId = saved.goals[0].id;
      expect(saved.goals[0]).toMatchObject({ metric: 'activities', kindId: 'anti_fraud', target: 4, progress: 0 });
      await expect.poll(() => page.getByTestId(`goal-progress-${goalId}`).getAttribute('data-progress')).toBe('0');
      await checkA11y(page);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('the Wuxi branch secretary sees the reminder, creates the joint activity with two places and publishes it', async () => {
    expect(partnershipId, 'the agreement was recorded first').not.toBe('');
    const page = await newPage(browser);
    try {
      await signIn(page, 'wx-secretary');
      await page.getByTestId('nav-partnerships').click();
      const reminder = page.getByTestId('partnerships-ending-soon');
      await reminder.waitFor();
      expect(await reminder.innerText()).toMatch(/1 份协议将在 30 天内到期/);
      await shot(page, 'console-partnerships');

      await page.getByTestId('nav-activities').click();
      await page.getByTestId('activities-table').waitFor();
      await page.getByTestId('activity-create').click();
      const form = page.getByTestId('activity-form');
      await form.waitFor();
      await page.getByTestId('activity-title').fill(TITLE);
      await pick(page, page.getByTestId('activity-kind'), '反诈宣传');
      await page.getByTestId('activity-capacity').fill('2');
      await form.getByPlaceholder('东亭社区党群服务中心', { exact: false }).fill('东亭社区党群服务中心一楼');
      // Choosing the agreement brings in its members as co-organisers: the community and the police station.
      await pick(page, page.getByTestId('activity-partnerships'), AGREEMENT);
      await closeDropdowns(page);
      const organisers = page.getByTestId('activity-organisers');
      await expect.poll(() => organisers.innerText()).toContain(POLICE);
      expect(await organisers.innerText()).toContain(COMMUNITY);
      await shot(page, 'console-activity-form');
      await page.getByTestId('activity-save').click();
      // Saving waits on the server; on a loaded CI machine that has taken longer than the default 15 s once.
      await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/, { timeout: 45_000 });
      activityUrl = new URL(page.url()).pathname;
      const detail = page.getByTestId('activity-detail');
      await detail.waitFor();
      expect(await page.getByTestId('activity-status').getAttribute('data-status')).toBe('draft');

      await page.getByTestId('activity-publish').click();
      await expect.poll(() => page.getByTestId('activity-status').getAttribute('data-status')).toBe('published');
      const link = page.getByTestId('activity-public-link');
      await link.waitFor();
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(/\/a\/[A-Za-z0-9_-]{8,40}$/);
      token = href.split('/').pop()!;
      expect(await page.getByTestId('activity-public-links').locator('canvas').count()).toBe(2);
      const text = await detail.innerText();
      for (const name of [BRANCH, COMMUNITY, POLICE]) expect(text).toContain(name);
      await checkA11y(page);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('three residents sign up on their phones; the third is put on the waiting list, clearly', async () => {
    expect(token, 'the activity was published first').not.toBe('');
    for (let i = 0; i < 3; i++) phones.push(await newPage(browser, { phone: true }));
    const [first, second, third] = phones as [Page, Page, Page];

    // The public page: facts, places left, and axe-clean at phone size.
    await first.goto(`/a/${token}`);
    await first.getByTestId('public-activity').waitFor();
    expect(await first.getByTestId('public-activity').innerText()).toContain(TITLE);
    expect(await first.getByTestId('public-activity').innerText()).toContain(POLICE);
    expect(await first.getByTestId('places-left').innerText()).toMatch(/还剩\s*2\s*个名额/);
    expect(await hasHorizontalOverflow(first)).toBe(false);
    await shot(first, 'resident-activity');
    await checkA11y(first);

    // A malformed phone number: the message stands beside the field, and what was typed stays.
    await submitSignup(first, { name: RESIDENTS[0]!.name, phone: '1391234' });
    const phoneItem = first.locator('.ant-form-item').filter({ has: first.getByTestId('signup-phone') });
    await expect.poll(() => phoneItem.innerText()).toContain('手机号格式不正确');
    expect(await first.getByTestId('signup-name').inputValue()).toBe(RESIDENTS[0]!.name);
    await shot(first, 'resident-phone-error');

    const one = await residentSignsUp(first, token, RESIDENTS[0]!);
    expect(one.status).toBe('confirmed');
    expect(await first.getByTestId('signup-code').innerText()).toBe(one.code);
    expect(await first.getByTestId('signup-qr').locator('canvas').count()).toBe(1);
    await shot(first, 'resident-signup-confirmed');
    await checkA11y(first);

    const two = await residentSignsUp(second, token, RESIDENTS[1]!);
    expect(two.status).toBe('confirmed');

    // Full now: the page says so before the third signs up, and the form still takes the sign-up.
    await third.goto(`/a/${token}`);
    const full = third.getByTestId('waitlist-notice');
    await full.waitFor();
    expect(await full.innerText()).toContain('名额已满');
    expect(await third.getByTestId('signup-submit').innerText()).toMatch(/报名候补/);
    await shot(third, 'resident-activity-full');
    await checkA11y(third);
    // The connection drops on the way: what was typed stays, and another try goes through.
    await third.route('**/api/public/activities/*/signups', (route) => route.abort('internetdisconnected'), { times: 1 });
    await submitSignup(third, RESIDENTS[2]!);
    const dropped = third.getByTestId('signup-error');
    await dropped.waitFor();
    expect(await dropped.innerText()).toContain('网络不通');
    expect(await third.getByTestId('signup-name').inputValue()).toBe(RESIDENTS[2]!.name);
    expect(await third.getByTestId('signup-phone').inputValue()).toBe(RESIDENTS[2]!.phone);
    await shot(third, 'resident-signup-offline');
    await third.getByTestId('signup-retry').tap();
    const three = await landedSignup(third);
    expect(three.status).toBe('waitlisted');
    expect(await third.getByTestId('signup-status').innerText()).toContain('候补中');
    expect(await third.getByTestId('waitlist-position').innerText()).toContain('第 1 位');
    expect(await third.getByTestId('signup-code').count(), 'no check-in code while waiting').toBe(0);
    await shot(third, 'resident-signup-waitlisted');
    await checkA11y(third);

    // Back on the activity page the phone knows it signed up; the same phone again is the same sign-up, not a second place.
    await second.goto(`/a/${token}`);
    await second.getByTestId('my-signups').waitFor();
    expect(await second.getByTestId('my-signups').innerText()).toContain(RESIDENTS[1]!.name);
    await second.getByTestId('signup-another').tap();
    await submitSignup(second, RESIDENTS[1]!);
    await second.waitForURL(`**/s/${two.code}`);

    codes.push(one.code, two.code, three.code);
    for (const p of [first, second, third]) expect(await hasHorizontalOverflow(p)).toBe(false);
    expectNoErrors(first);
    expectNoErrors(second);
    expectOnlyProvoked(third);
  });

  it('the first resident checks in by scanning the poster with the phone that signed up; a second scan says already checked in', async () => {
    const first = phones[0]!;
    await first.goto(`/a/${token}/checkin`);
    const result = first.getByTestId('selfcheckin-result');
    await expect.poll(() => result.getAttribute('data-result')).toBe('checked-in');
    expect(await result.innerText()).toContain('签到成功');
    await shot(first, 'resident-checkin-done');
    await checkA11y(first);
    await first.reload();
    await expect.poll(() => first.getByTestId('selfcheckin-result').getAttribute('data-result')).toBe('already');
    expect(await first.getByTestId('selfcheckin-result').innerText()).toContain('已签到');
    expectNoErrors(first);

    // Someone on the waiting list has no place to check in to: told so, in words.
    const third = phones[2]!;
    await third.goto(`/a/${token}/checkin`);
    await expect.poll(() => third.getByTestId('selfcheckin-result').getAttribute('data-result')).toBe('failed');
    expect(await third.getByTestId('selfcheckin-result').innerText()).toContain('您还没有确认的名额');
    expectOnlyProvoked(third);

    // A phone that never signed up is told to show the code to the staff.
    const stranger = await newPage(browser, { phone: true });
    try {
      await stranger.goto(`/a/${token}/checkin`);
      await stranger.getByTestId('selfcheckin-none').waitFor();
      expect(await stranger.getByTestId('selfcheckin-none').innerText()).toContain('工作人员');
      // The form for a code left on another phone: a name that does not match the number finds nobody, and what was typed stays.
      await stranger.getByTestId('phone-checkin-name').fill('冒名顶替');
      await stranger.getByTestId('phone-checkin-phone').fill(RESIDENTS[1]!.phone);
      await stranger.getByTestId('phone-checkin-submit').tap();
      await expect.poll(() => stranger.getByTestId('selfcheckin-result').getAttribute('data-result')).toBe('failed');
      expect(await stranger.getByTestId('selfcheckin-result').innerText()).toContain('没有找到您在本活动的报名');
      expect(await stranger.getByTestId('phone-checkin-phone').inputValue()).toBe(RESIDENTS[1]!.phone);
      await shot(stranger, 'resident-checkin-no-code');
      await checkA11y(stranger);
      expectOnlyProvoked(stranger);
    } finally {
      await closePage(stranger);
    }
  });

  it('the secretary checks the second resident in by code, and closes the activity with the required figure', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'wx-secretary');
      await page.goto(activityUrl);
      await page.getByTestId('checkin-box').waitFor();
      await page.getByTestId('checkin-code').fill(codes[1]!);
      await page.getByTestId('checkin-submit').click();
      const result = page.getByTestId('checkin-result');
      await expect.poll(() => result.innerText()).toContain(`签到成功：${RESIDENTS[1]!.name}`);
      // A repeat scan is an answer, not an error.
      await page.getByTestId('checkin-code').fill(codes[1]!);
      await page.getByTestId('checkin-code').press('Enter');
      await expect.poll(() => result.innerText()).toContain('已签到过');
      await expect.poll(() => page.getByTestId('activity-attendance').innerText()).toContain('2');
      const list = page.getByTestId('signup-list');
      await expect.poll(() => list.locator('[data-checked-in="true"]').count()).toBe(2);
      await shot(page, 'console-activity-detail');
      await checkA11y(page);

      // Closing asks for the kind's figures; the required one left empty is named beside its field.
      await page.getByTestId('activity-close').click();
      const served = page.getByTestId('outcome-people_served');
      await served.waitFor();
      // People served starts at the attendance and follows a headcount typed beside it, until typed itself
      // (then the note that it was filled in goes).
      expect(await served.inputValue()).toBe('2');
      await page.getByTestId('attendance-by-hand').fill('10');
      await expect.poll(() => served.inputValue()).toBe('12');
      await page.getByTestId('attendance-by-hand').fill('');
      await expect.poll(() => served.inputValue()).toBe('2');
      const servedItem = page.locator('.ant-form-item').filter({ has: served });
      expect(await servedItem.innerText()).toContain('已按参与人数');
      await served.fill('');
      await expect.poll(() => servedItem.innerText()).not.toContain('已按参与人数');
      await page.getByTestId('close-confirm').click();
      await expect.poll(() => servedItem.innerText()).toContain('关闭活动前请填写此项成效数据');
      await served.fill('35');
      await page.getByTestId('outcome-materials_handed_out').fill('120');
      await shot(page, 'console-activity-close');
      await page.getByTestId('close-confirm').click();
      await expect.poll(() => page.getByTestId('activity-status').getAttribute('data-status')).toBe('closed');
      expect(await page.getByTestId('activity-attendance').innerText()).toContain('2');
      expect(await page.getByTestId('activity-outcome').innerText()).toContain('35');

      const saved = await (await page.request.get(`/api/activities/${activityUrl.split('/').pop()}`)).json();
      expect(saved).toMatchObject({ status: 'closed', attendanceCount: 2, outcome: { people_served: 35, materials_handed_out: 120 } });

      // The agreement's goal moved by one, with nobody typing it.
      await page.goto(`/partnerships/${partnershipId}`);
      const bar = page.getByTestId(`goal-progress-${goalId}`);
      await expect.poll(() => bar.getAttribute('data-progress')).toBe('1');
      expect(await page.getByTestId(`goal-figures-${goalId}`).innerText()).toContain('1 / 4');
      await shot(page, 'console-partnership-detail');
      await checkA11y(page);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('the secretary adds photos (a non-image is refused beside the button), opens the poster, exports the ledger and sees the joint record', async () => {
    expect(activityUrl, 'the activity was created first').not.toBe('');
    const page = await newPage(browser);
    try {
      await signIn(page, 'wx-secretary');
      await page.goto(activityUrl);
      await page.getByTestId('activity-photos').waitFor();

      // A text file is refused by the server, and the reason is shown.
      await page
        .getByTestId('photo-upload')
        .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
      const refusal = page.getByTestId('photo-error');
      await refusal.waitFor();
      expect(await refusal.innerText()).toContain('这不是图片文件');

      // A photo, uploaded with a caption: it shows in the grid as a thumbnail.
      const photo = await solidJpeg(640, 480, '#c00');
      await page.getByTestId('photo-caption').fill('民警现场讲解');
      await page.getByTestId('photo-upload').setInputFiles({ name: 'scene.jpg', mimeType: 'image/jpeg', buffer: photo });
      const grid = page.getByTestId('photo-grid');
      await grid.waitFor();
      const thumb = grid.locator('img').first();
      expect(await thumb.getAttribute('alt')).toBe('民警现场讲解');
      await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

      // The A4 poster with the QR code.
      const poster = page.getByTestId('activity-poster');
      const res = await page.request.get((await poster.getAttribute('href'))!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('application/pdf');
      await shot(page, 'console-activity-photos');
      await checkA11y(page);

      // The ledger of the period, in Excel, with the activity's row.
      await page.goto('/activities');
      await page.getByTestId('activities-table').waitFor();
      await fillDateRange(page.getByTestId('ledger-bar'), chinaDay(-2), chinaDay(5));
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export').click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const row = (await xlsxRows(await download.path())).find((c) => c.includes(TITLE));
      expect(row, 'the activity is a row of the ledger').toBeDefined();
      expect(row).toContain(POLICE);
      await page.getByTestId('calendar-subscribe').click();
      expect(await page.getByTestId('calendar-url').innerText()).toMatch(/\/api\/public\/orgs\/[0-9a-f-]{36}\/calendar\.ics$/);
      await shot(page, 'console-activities-ledger');
      await checkA11y(page);

      // The agreement lists the activity among its joint activities.
      await page.goto(`/partnerships/${partnershipId}`);
      const joint = page.getByTestId('partnership-activities');
      await expect.poll(() => joint.innerText()).toContain(TITLE);
      expectOnlyProvoked(page);
    } finally {
      await closePage(page);
    }
  });

  it('the resident pages show the activity as over', async () => {
    const first = phones[0]!;
    try {
      await first.goto(`/a/${token}`);
      await first.getByTestId('signup-closed').waitFor();
      expect(await first.getByTestId('signup-form').count()).toBe(0);
      await first.goto(`/s/${codes[0]}`);
      expect(await first.getByTestId('signup-status').innerText()).toContain('已签到');
      await checkA11y(first);
      expectNoErrors(first);
    } finally {
      for (const p of phones) await closePage(p);
    }
  });
});
