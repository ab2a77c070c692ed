// The care console after enrolment: a Changzhou community partner changes a recipient's plan and carriers and the
// carrier's round follows; reads the visit history, opening a note and a photo on request (audited); trusted
// neighbours are texted on an urgent visit, and are added, changed and removed on the page; another city's partner
// cannot read the history at all. A wristband refused for want of consent leads to the person's page, where the
// consent is amended to cover it, and the band then binds.
import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../apps/server/src/platform/ids.js';
import { checkA11y, closeDropdowns, closePage, errorsOf, expectNoErrors, launchBrowser, newPage, pick, shot, signIn } from './harness.js';

let browser: Browser;
let community: Page;
let carrier: Page;
let recipientId: string;
let carriers: { main: { id: string; name: string }; backup: { id: string; name: string } };

beforeAll(async () => {
  browser = await launchBrowser();
  community = await newPage(browser);
  carrier = await newPage(browser, { phone: true });
  await signIn(community, 'cz-community');
  await signIn(carrier, 'cz-volunteer');
  // A resident of our own, so that the care spec's demo residents keep their pairing whatever the order of specs.
  const demo = (await (await community.request.get('/api/care/recipients', { params: { pageSize: 200 } })).json()).items.find(
    (r: { name: string }) => r.name === '王秀兰',
  );
  carriers = { main: demo.mainVolunteer, backup: demo.backupVolunteer };
  const created = await community.request.post('/api/care/recipients', {
    data: {
      orgId: demo.orgId,
      name: '韩玉珍',
      address: '常州市武进区奔牛镇五心苑8幢202室',
      circumstances: ['living_alone'],
      frequency: 'monthly',
      helpWanted: ['cleaning'],
      extraItems: ['medication'],
      family: [{ name: '韩磊', relation: '儿子', channel: 'webhook', to: '13900009901' }],
      neighbours: [{ name: '钱阿姨', relation: '隔壁邻居', phone: '13700009902' }],
      consent: { givenBy: '韩磊', byProxy: true, proxyRelation: '儿子', purposes: ['visits', 'family_reports', 'alerts'] },
      mainVolunteerId: carriers.main.id,
      backupVolunteerId: carriers.backup.id,
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  recipientId = (await created.json()).id;
});
afterAll(async () => {
  await Promise.all([community && closePage(community), carrier && closePage(carrier)]);
  await browser?.close();
});

const myStop = async () =>
  ((await (await carrier.request.get('/api/care/route')).json()).items as { id: string; role: string; frequency: string }[]).find(
    (s) => s.id === recipientId,
  );

/**
 * Chooses a carrier by name in a pairing field. Both fields offer both names (the one chosen before, and search
 * results), and antd 6 leaves a closed list in the page, so the option is looked for in the open list only.
 */
async function pickCarrier(field: Locator, name: string) {
  await field.locator('input').first().click();
  await field.locator('input').first().fill(name);
  await community
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: `${name}（` })
    .first()
    .click();
  await expect.poll(async () => (await field.textContent()) ?? '').toContain(name);
  await closeDropdowns(community);
}

describe('the care console', () => {
  it('changes the plan and the carriers, and the carrier’s round follows', async () => {
    await community.goto(`/care/recipients/${recipientId}`);
    const plan = community.getByTestId('care-recipient-plan');
    await plan.waitFor();
    await expect.poll(() => plan.textContent()).toContain('每月');
    await community.waitForLoadState('networkidle');
    await checkA11y(community);
    await shot(community, 'care-console-recipient');

    await community.getByTestId('care-edit-plan').click();
    const planForm = community.getByTestId('care-plan-form');
    await planForm.waitFor();
    await pick(community, planForm.locator('.ant-select').first(), '每周');
    await pick(community, planForm.locator('.ant-select').nth(2), '血压');
    await closeDropdowns(community);
    // Checked once the list has closed: antd's open option list has no name of its own (the field has).
    await expect.poll(() => community.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await checkA11y(community);
    await shot(community, 'care-console-plan');
    await community.getByRole('button', { name: /保\s*存/ }).click();
    await planForm.waitFor({ state: 'hidden' });
    await expect.poll(() => plan.textContent()).toContain('每周');
    expect(await plan.textContent()).toContain('按时服药、血压');
    expect(await myStop()).toMatchObject({ frequency: 'weekly', role: 'main' });

    // Swap the carriers: the main one stands in from now on.
    await community.getByTestId('care-edit-pairing').click();
    const pairing = community.getByTestId('care-pairing-form');
    await pairing.waitFor();
    await pickCarrier(pairing.locator('.ant-select').first(), carriers.backup.name);
    await pickCarrier(pairing.locator('.ant-select').nth(1), carriers.main.name);
    await closeDropdowns(community);
    await expect.poll(() => community.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await shot(community, 'care-console-pairing');
    await community.getByRole('button', { name: /保\s*存/ }).click();
    await pairing.waitFor({ state: 'hidden' });
    await expect.poll(() => plan.textContent()).toMatch(new RegExp(`${carriers.backup.name}.*${carriers.main.name}`));

    await carrier.goto('/care/route');
    const stop = carrier.getByTestId('care-stop').filter({ hasText: '韩玉珍' });
    await stop.waitFor();
    expect(await stop.textContent()).toContain('备岗');
    expect(await myStop()).toMatchObject({ role: 'backup' });
    await shot(carrier, 'care-console-route-after-pairing');
    expectNoErrors(community);
    expectNoErrors(carrier);
  });

  it('shows the visit history; a note and a photo open on request and each look is audited', async () => {
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000).toISOString();
    const withNote = { id: uuidv7(), note: '老人说夜里睡不踏实，已提醒儿子', concern: 'watch', visitedAt: at(30) };
    const withPhoto = { id: uuidv7(), concern: 'none', visitedAt: at(2) };
    for (const v of [withNote, withPhoto]) {
      const res = await carrier.request.post('/api/care/visits', {
        data: {
          recipientId,
          presence: 'visited',
          minutes: 30,
          answers: { health: 'ok', meals: 'ok', sleep: v === withNote ? 'concern' : 'ok' },
          helpGiven: ['cleaning'],
          confirmation: 'verbal',
          ...v,
        },
      });
      expect(res.status(), await res.text()).toBe(200);
    }
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#9bd' } })
      .jpeg()
      .toBuffer();
    const put = await carrier.request.put(`/api/care/visits/${withPhoto.id}/photo`, {
      multipart: { file: { name: 'visit.jpg', mimeType: 'image/jpeg', buffer: jpeg } },
    });
    expect(put.status(), await put.text()).toBe(200);

    await community.goto(`/care/recipients/${recipientId}`);
    const history = community.getByTestId('care-visit-history');
    const rows = history.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    // Newest first; nothing of the note is on the page before it is asked for.
    expect(await rows.nth(0).textContent()).toContain('有照片');
    expect(await rows.nth(1).textContent()).toContain('需要留意');
    expect(await community.content()).not.toContain('睡不踏实');
    await community.waitForLoadState('networkidle');
    await checkA11y(community);
    await shot(community, 'care-console-history');

    await rows.nth(1).getByRole('button', { name: '查看备注' }).click();
    await community.getByTestId(`care-note-${withNote.id}`).filter({ hasText: '睡不踏实' }).waitFor();
    await rows.nth(0).getByRole('button', { name: '查看照片' }).click();
    const img = community.getByRole('img', { name: /探访时拍的照片/ });
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1024);
    // Once the dialog has finished zooming in: half-faded text mid-animation is not what a person reads.
    const dialogMoving = () =>
      community.evaluate(
        () =>
          document
            .getAnimations()
            .filter(
              (a) =>
                a.playState === 'running' && ((a.effect as KeyframeEffect | null)?.target as Element | null)?.closest('.ant-modal-root'),
            ).length,
      );
    await expect.poll(dialogMoving).toBe(0);
    await checkA11y(community);
    await shot(community, 'care-console-photo');
    await community.keyboard.press('Escape');

    const admin = await newPage(browser);
    try {
      await signIn(admin, 'admin');
      const count = async (action: string, entityId: string) =>
        (await (await admin.request.get('/api/audit', { params: { action, entityId } })).json()).total as number;
      expect(await count('care.visit_note_view', withNote.id)).toBe(1);
      expect(await count('care.visit_photo_view', withPhoto.id)).toBe(1);
      expect(await count('care.visit_note_view', withPhoto.id)).toBe(0);
    } finally {
      await closePage(admin);
    }
    expectNoErrors(community);
  });

  it('an urgent visit texts the trusted neighbour once, through the outbox', async () => {
    const urgent = {
      id: uuidv7(),
      recipientId,
      visitedAt: new Date(Date.now() - 600_000).toISOString(),
      presence: 'not_home_unreachable',
      confirmation: 'none',
    };
    for (let i = 0; i < 2; i++) expect((await carrier.request.post('/api/care/visits', { data: urgent })).status()).toBe(200);
    const admin = await newPage(browser);
    try {
      await signIn(admin, 'admin');
      const outbox = await (await admin.request.get('/api/outbox', { params: { kind: 'care.alert', pageSize: 200 } })).json();
      const toNeighbour = outbox.items.filter((m: { recipientMasked: string }) => m.recipientMasked === '137****9902');
      expect(toNeighbour).toHaveLength(1);
      // The outbox shows the neighbour's name masked only.
      expect(toNeighbour[0]).toMatchObject({ recipientNameMasked: '钱**' });
      expect(JSON.stringify(toNeighbour[0])).toContain('韩玉珍');
      expect(JSON.stringify(toNeighbour[0])).not.toContain('钱阿姨');
    } finally {
      await closePage(admin);
    }
  });

  it('adds, changes and removes a trusted neighbour, masked on the page, with the phone checked beside the field', async () => {
    await community.goto(`/care/recipients/${recipientId}`);
    const panel = community.getByTestId('care-neighbours');
    const rows = panel.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/钱\*+.*隔壁邻居.*137\*{4}9902/);

    await community.getByTestId('care-neighbour-add').click();
    const form = community.getByTestId('care-neighbour-form');
    await form.waitFor();
    await form.getByLabel('姓名').fill('孙建平');
    await form.getByLabel('关系').fill('楼上邻居');
    await form.getByLabel('手机号').fill('1380000');
    await community.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText('手机号格式不正确，应为 11 位数字，以 1 开头').waitFor();
    await checkA11y(community);
    await shot(community, 'care-console-neighbour-bad-phone');
    await form.getByLabel('手机号').fill('13800009903');
    await community.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toMatch(/孙\*+.*楼上邻居.*138\*{4}9903/);
    expect(await community.content()).not.toMatch(/孙建平|13800009903/);

    // Changing the relation alone: the name and phone, left empty, stay as they were.
    await rows
      .nth(1)
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    await form.waitFor();
    expect(await form.getByLabel('姓名').inputValue()).toBe('');
    await form.getByLabel('关系').fill('楼上邻居（302室）');
    await checkA11y(community);
    await community.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    await expect.poll(() => rows.nth(1).textContent()).toMatch(/孙\*+.*楼上邻居（302室）.*138\*{4}9903/);

    await rows
      .nth(1)
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await community
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('隔壁邻居');
    await shot(community, 'care-console-neighbours');

    const admin = await newPage(browser);
    try {
      await signIn(admin, 'admin');
      const trail = async (action: string) =>
        (await (await admin.request.get('/api/audit', { params: { action, entityId: recipientId } })).json()).total as number;
      expect([await trail('care.neighbour_add'), await trail('care.neighbour_update'), await trail('care.neighbour_remove')]).toEqual([
        1, 1, 1,
      ]);
    } finally {
      await closePage(admin);
    }
    // Another city's partner cannot add one: as if the recipient did not exist.
    const far = await newPage(browser);
    try {
      await signIn(far, 'cf-community');
      const res = await far.request.post(`/api/care/recipients/${recipientId}/neighbours`, {
        data: { name: '外人', relation: '邻居', phone: '13900000000' },
      });
      expect(res.status()).toBe(404);
    } finally {
      await closePage(far);
    }
    expectNoErrors(community);
  });

  it('a band refused for want of consent: the refusal beside the person links to their page, the consent is amended, the band binds', async () => {
    const me = (await (await community.request.get(`/api/care/recipients/${recipientId}`)).json()) as { orgId: string };
    const batch = await community.request.post('/api/wristband-batches', { data: { orgId: me.orgId, label: '韩玉珍补发', size: 1 } });
    expect(batch.status(), await batch.text()).toBe(200);
    const [band] = (await (await community.request.get('/api/wristbands', { params: { batchId: (await batch.json()).id } })).json())
      .items as { id: string }[];

    const bindDialog = community.getByRole('dialog', { name: '绑定佩戴人' });
    const bindTo = async () => {
      await community.goto(`/wristbands/${band!.id}`);
      await community.getByTestId('band-bind').click();
      await pick(community, community.getByTestId('bind-recipient'), '韩玉珍', '韩玉珍');
      // Where names are masked (王**) several elders look alike: the choice also shows the grid, address and carrier.
      expect(await community.getByTestId('bind-recipient').textContent()).toMatch(/韩玉珍 · .+ · .+ · 主责 \S+/);
      await closeDropdowns(community);
      await bindDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    };
    await bindTo();
    const refusal = community.getByTestId('bind-recipient-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('同意范围不含“防走失手环”');
    await checkA11y(community);
    await shot(community, 'care-console-bind-refused');
    await community.getByTestId('bind-amend-consent').click();
    await community.waitForURL(`**/care/recipients/${recipientId}`);

    const panel = community.getByTestId('care-consent');
    await panel.getByTestId('care-consent-history').locator('tbody tr.ant-table-row').first().waitFor();
    await community.getByTestId('care-consent-amend').click();
    const form = community.getByTestId('care-consent-form');
    await form.waitFor();
    expect(await form.getByLabel('同意人').inputValue()).toBe('韩磊');
    await form.getByLabel('同意人').fill('韩玉珍');
    await form.getByLabel('由家属代为同意').click();
    await form.getByLabel('防走失手环').check();
    await checkA11y(community);
    await community.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    const rows = panel.getByTestId('care-consent-history').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toMatch(/有效.*防走失手环.*韩玉珍（本人同意）/);
    expect(await rows.nth(1).textContent()).toMatch(/已被替代.*韩磊（家属代为同意（儿子））/);
    expect(await panel.getByTestId('care-consent-current').textContent()).toContain('防走失手环');
    await checkA11y(community);
    await shot(community, 'care-console-consent-amended');

    await bindTo();
    await bindDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => community.getByTestId('band-status').textContent()).toContain('佩戴中');
    await checkA11y(community);
    expect(errorsOf(community).filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });

  it('another city’s partner cannot read the history: 404, and the page says so', async () => {
    const far = await newPage(browser);
    try {
      await signIn(far, 'cf-community');
      expect((await far.request.get(`/api/care/recipients/${recipientId}/visits`)).status()).toBe(404);
      expect((await far.request.get(`/api/care/recipients/${recipientId}`)).status()).toBe(404);
      await far.goto(`/care/recipients/${recipientId}`);
      await far.getByRole('alert').first().waitFor();
      expect(await far.content()).not.toContain('韩玉珍');
    } finally {
      await closePage(far);
    }
  });
});
