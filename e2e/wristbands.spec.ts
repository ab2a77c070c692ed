// Anti-lost wristbands and volunteer teams in the browser. A passer-by scans a yellow wristband on a phone:
// the page says only that the wearer may need help (no name, no phone, no address, in the page or in the
// answer behind it), the button sends the family and the community a message with the finder's location,
// and the community partner sees it in the outbox and in the wristband's scan log. An unknown code gets a
// calm page. The volunteer teams page shows Changzhou's 35 → 562 and the certificate downloads as a PDF.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, checkA11y, closePage, errorsOf, launchBrowser, newPage, signIn } from './harness.js';

let browser: Browser;
let coordinator: Page;
let band: { id: string; code: string; recipientId: string };
let secrets: string[] = [];
let familyNames: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  coordinator = await newPage(browser);
  await signIn(coordinator, 'cz-community');
  const bands = await (await coordinator.request.get('/api/wristbands?status=bound')).json();
  // Not the first wearer: the demo already holds a found-message for them; this one starts with none.
  const chosen = bands.items.find((b: { id: string }, i: number) => i > 0) ?? bands.items[0];
  band = { id: chosen.id, code: chosen.code, recipientId: chosen.recipientId };
  const recipient = await (await coordinator.request.get(`/api/care/recipients/${band.recipientId}`)).json();
  const revealed = await (await coordinator.request.post(`/api/care/recipients/${band.recipientId}/reveal`)).json();
  familyNames = (recipient.contacts ?? []).filter((c: { kind: string }) => c.kind === 'family').map((c: { name: string }) => c.name);
  secrets = [recipient.name, revealed.phone, revealed.address, ...familyNames].filter(
    (s): s is string => typeof s === 'string' && s.length > 1,
  );
  expect(secrets.length).toBeGreaterThanOrEqual(3);
}, 60_000);
afterAll(async () => {
  if (coordinator) await closePage(coordinator);
  await browser?.close();
});

const onlyProvoked = (page: Page) => expect(errorsOf(page).filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);

describe('a finder scans a wristband', () => {
  it('sees no personal data, presses the button with their location, and the family is notified', async () => {
    const phone = await newPage(browser, { phone: true });
    try {
      await phone.context().grantPermissions(['geolocation'], { origin: baseUrl() });
      await phone.context().setGeolocation({ latitude: 31.9135, longitude: 119.8161, accuracy: 30 });
      const answer = phone.waitForResponse(
        (r) => r.url().includes(`/api/public/wristbands/${band.code}`) && r.request().method() === 'GET',
      );
      await phone.goto(`/w/${band.code}`);
      const json = await (await answer).text();
      await phone.getByTestId('finder-page').waitFor();
      const html = await phone.content();
      for (const secret of secrets) {
        expect(html, 'page HTML').not.toContain(secret);
        expect(json, 'API JSON').not.toContain(secret);
      }
      const body = await phone.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.resident')!).fontSize));
      expect(body).toBeGreaterThanOrEqual(18);
      const button = await phone.getByTestId('finder-notify').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(button).toBeGreaterThanOrEqual(22);
      await checkA11y(phone);

      // A wrong number is caught before anything is sent.
      await phone.getByTestId('finder-phone').fill('12345');
      await phone.getByTestId('finder-notify').tap();
      await phone.getByText('手机号格式不正确').first().waitFor();
      await phone.getByTestId('finder-phone').fill('13977778888');
      const sent = phone.waitForResponse((r) => r.url().endsWith('/alert') && r.request().method() === 'POST');
      await phone.getByTestId('finder-notify').tap();
      const res = await sent;
      expect(res.status()).toBe(200);
      const request = JSON.parse(res.request().postData() ?? '{}');
      expect(request).toMatchObject({ lat: 31.9135, lng: 119.8161, callbackPhone: '13977778888' });
      for (const secret of secrets) expect(await res.text()).not.toContain(secret);
      await phone.getByTestId('finder-sent').waitFor();
      expect(await phone.getByTestId('finder-sent').textContent()).toContain('位置');
      await checkA11y(phone);
      onlyProvoked(phone);
    } finally {
      await closePage(phone);
    }
  });

  it('the family’s message is in the outbox, and the scan in the wristband’s log', async () => {
    await coordinator.goto('/outbox');
    const rows = coordinator.locator('[data-kind="wristband.found"]');
    await rows.first().waitFor();
    const texts = await rows.allTextContents();
    // The family's names only masked (王**): the first character shows, the name never does.
    for (const name of familyNames) {
      expect(
        texts.some((t) => t.includes(`${[...name][0]}*`)),
        name,
      ).toBe(true);
      expect(
        texts.some((t) => t.includes(name)),
        name,
      ).toBe(false);
    }
    await coordinator.getByTestId('outbox-demo-note').waitFor();
    await checkA11y(coordinator);

    await coordinator.goto(`/wristbands/${band.id}`);
    const log = coordinator.getByTestId('scan-log');
    await log.getByText('已求助').first().waitFor();
    expect(await log.textContent()).toContain('139****8888');
    await coordinator.getByTestId('band-messages').getByText('有人发现了您的家人').first().waitFor();
    await checkA11y(coordinator);
    onlyProvoked(coordinator);
  });

  it('an unknown code gets a calm page, not an error', async () => {
    const phone = await newPage(browser, { phone: true });
    try {
      await phone.goto('/w/AAAABBBBCCCCDDDDEEEE');
      await phone.getByTestId('finder-unknown').waitFor();
      expect(await phone.getByTestId('finder-unknown').textContent()).toContain('没有登记');
      await checkA11y(phone);
      await phone.goto('/w/%E4%BD%A0%E5%A5%BD');
      await phone.getByTestId('finder-unknown').waitFor();
      onlyProvoked(phone);
    } finally {
      await closePage(phone);
    }
  });
});

describe('volunteer teams', () => {
  it('show Changzhou’s growth from 35 to 562, and a volunteer downloads their certificate of hours', async () => {
    const officer = await newPage(browser);
    try {
      await signIn(officer, 'cz-officer');
      await officer.goto('/volunteers');
      await officer.getByTestId('growth-chart').waitFor();
      const summary = await officer.getByTestId('growth-summary').textContent();
      expect(summary).toContain('35');
      expect(summary).toContain('562');
      await officer.getByTestId('teams-table').getByText('志愿者邮路').first().waitFor();
      await checkA11y(officer);
      onlyProvoked(officer);
    } finally {
      await closePage(officer);
    }
    const volunteer = await newPage(browser, { phone: true });
    try {
      await signIn(volunteer, 'cz-volunteer');
      // A shift at the station: check in, check out, and the hours wait for approval.
      await volunteer.goto('/volunteers');
      await volunteer.getByTestId('shift-check-in').tap();
      await volunteer.getByTestId('shift-open').waitFor();
      await volunteer.getByTestId('shift-check-out').tap();
      await volunteer.getByTestId('shift-done').waitFor();
      await checkA11y(volunteer);
      const me = await (await volunteer.request.get('/api/me')).json();
      await volunteer.goto(`/volunteers/people/${me.person.id}`);
      await volunteer.getByTestId('record-approved').waitFor();
      const download = volunteer.waitForEvent('download');
      await volunteer.getByTestId('certificate-download').tap();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^志愿服务时长证明-.+\.pdf$/);
      await checkA11y(volunteer);
      onlyProvoked(volunteer);
    } finally {
      await closePage(volunteer);
    }
  });
});
