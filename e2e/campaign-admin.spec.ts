// Running a booking campaign after it was set up, and the catalogues behind stations and outcomes, in the browser:
// the Hengyang officer rewords a campaign that people have booked (and is told why removing a field is refused),
// two officers saving at once are kept apart, a slot's capacity cannot fall below its bookings, a closed slot
// leaves the residents' phone page and comes back when reopened, and slots are added; on a phone, a full day still
// opens and its full time offers the waiting list; the platform admin adds,
// renames, retires and restores a station function; a Changzhou officer records a lead with the resident's
// consent, sees the number masked and reveals it (audited), and Chifeng's officer does not see it. axe-core
// finds nothing serious on any of these pages.
//
// E2E_SCREENSHOTS=<folder> saves screenshots of the pages along the way.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, closePage, launchBrowser, newPage, pick, shot, signIn } from './harness.js';
import { expectOnlyProvoked, submitBooking } from './resident.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** antd puts a test id on the input itself or on its wrapper, depending on the component. */
async function inputOf(field: Locator): Promise<Locator> {
  return (await field.evaluate((e) => e.tagName)) === 'INPUT' ? field : field.locator('input').first();
}

/** Axe reads colours as they are drawn: let drawers, buttons and messages finish fading in or out first. */
async function a11y(page: Page) {
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 3_000 })
    .catch(() => undefined);
  await checkA11y(page);
}

const day = (offset: number, hour: number) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  d.setUTCHours(hour - 8, 0, 0, 0);
  return d.toISOString();
};

interface Made {
  id: string;
  token: string;
  slotIds: string[];
}

/** A fresh luggage campaign at Hengyang's luggage point (so that the demo campaign other specs use stays as it is). */
async function makeCampaign(page: Page): Promise<Made> {
  const list = await (await page.request.get('/api/booking-campaigns')).json();
  const demo = list.items.find((c: { title: string }) => c.title === '高考新生行李免费寄递 (20 kg)');
  const detail = await (await page.request.get(`/api/booking-campaigns/${demo.id}`)).json();
  const point = detail.outlets.find((o: { name: string }) => o.name === '衡南县邮政投递部新生行李寄递点');
  const created = await page.request.post('/api/booking-campaigns', {
    data: {
      orgId: detail.orgId,
      title: '新生行李寄递（第二批）',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: day(20, 18),
      fields: detail.fields,
      identityField: detail.identityField,
      outlets: [
        {
          placeId: point.placeId,
          slots: [
            { startsAt: day(3, 9), endsAt: day(3, 10), capacity: 2 },
            { startsAt: day(3, 10), endsAt: day(3, 11), capacity: 2 },
            // A day with one place, taken below: a full day.
            { startsAt: day(4, 9), endsAt: day(4, 10), capacity: 1 },
          ],
        },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  const c = await created.json();
  expect((await page.request.post(`/api/booking-campaigns/${c.id}/status`, { data: { status: 'published' } })).status()).toBe(200);
  const slotIds = c.outlets[0].slots.map((s: { id: string }) => s.id);
  for (const [i, n] of [
    [1, 0],
    [2, 0],
    [3, 2],
  ] as const) {
    const res = await page.request.post(`/api/public/booking-campaigns/${c.publicToken}/bookings`, {
      data: {
        slotId: slotIds[n],
        values: { notice_no: `43061200000${i}`, name: `刘同学${i}`, phone: `1397340000${i}`, school: '湘潭大学' },
        consent: true,
      },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  return { id: c.id, token: c.publicToken, slotIds };
}

const slotRow = (page: Page, slotId: string) => page.locator(`[data-slot-id="${slotId}"]`);

describe('editing a booking campaign', () => {
  let made: Made;

  it('rewords a booked campaign; removing a field is refused, saying why', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'hy-officer');
      made = await makeCampaign(page);
      await page.goto(`/bookings/${made.id}`);
      await page.getByTestId('campaign-slots').waitFor();
      await a11y(page);
      await shot(page, 'campaign-admin-detail');

      await page.getByTestId('campaign-edit').click();
      await page.getByTestId('campaign-edit-booked-note').waitFor();
      const rows = page.getByTestId('field-row');
      expect(await rows.count()).toBe(4);
      await rows.nth(3).getByTestId('field-remove').click();
      await page.getByTestId('campaign-edit-save').click();
      await expect.poll(() => page.getByTestId('campaign-edit-failure').innerText()).toContain('已有人预约，不能删除字段');

      // Closed and opened again: the form starts from the campaign as it is, and a new label is accepted.
      await page.getByRole('button', { name: /取\s*消/ }).click();
      await page.getByTestId('campaign-edit').click();
      await expect.poll(() => page.getByTestId('field-row').count()).toBe(4);
      await page.getByTestId('field-row').nth(3).getByTestId('field-label').fill('录取院校');
      await a11y(page);
      await shot(page, 'campaign-admin-edit');
      await page.getByTestId('campaign-edit-save').click();
      await page.getByTestId('campaign-edit-save').waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('.ant-descriptions').innerText()).toContain('录取院校');
      expectOnlyProvoked(page);
    } finally {
      await closePage(page);
    }
  });

  it('of two officers saving at once, the second is told to reload, and then saves', async () => {
    const [a, b] = [await newPage(browser), await newPage(browser)];
    try {
      for (const p of [a, b]) {
        await signIn(p, 'hy-officer');
        await p.goto(`/bookings/${made.id}`);
        await p.getByTestId('campaign-edit').click();
        await p.getByTestId('campaign-edit-title').waitFor();
      }
      await a.getByTestId('campaign-edit-title').fill('新生行李寄递（第二批·甲）');
      await a.getByTestId('campaign-edit-save').click();
      await a.getByTestId('campaign-edit-save').waitFor({ state: 'detached' });

      await b.getByTestId('campaign-edit-title').fill('新生行李寄递（第二批·乙）');
      await b.getByTestId('campaign-edit-save').click();
      await expect.poll(() => b.getByTestId('campaign-edit-failure').innerText()).toContain('内容已被他人修改');
      await b.getByTestId('campaign-edit-reload').click();
      await expect.poll(() => b.getByTestId('campaign-edit-title').inputValue()).toBe('新生行李寄递（第二批·甲）');
      await b.getByTestId('campaign-edit-title').fill('新生行李寄递（第二批·乙）');
      await b.getByTestId('campaign-edit-save').click();
      await b.getByTestId('campaign-edit-save').waitFor({ state: 'detached' });
      await expect.poll(() => b.locator('h1').innerText()).toContain('新生行李寄递（第二批·乙）');
      expectOnlyProvoked(a);
      expectOnlyProvoked(b);
    } finally {
      await closePage(a);
      await closePage(b);
    }
  });

  it('keeps a slot’s capacity at or above its bookings, closes and reopens it, and adds slots', async () => {
    const page = await newPage(browser);
    const phone = await newPage(browser, { phone: true });
    try {
      await signIn(page, 'hy-officer');
      await page.goto(`/bookings/${made.id}`);
      const first = slotRow(page, made.slotIds[0]!);
      await expect.poll(() => first.getByTestId('slot-booked').innerText()).toBe('2 / 2');

      await first.getByTestId('slot-capacity').click();
      const input = await inputOf(page.getByTestId('slot-capacity-input'));
      await input.fill('1');
      await page.getByTestId('slot-capacity-save').click();
      await page.getByText('名额不能少于这个时段已约的人数').waitFor();
      await a11y(page);
      await input.fill('4');
      await page.getByTestId('slot-capacity-save').click();
      await expect.poll(() => first.getByTestId('slot-booked').innerText()).toBe('2 / 4');

      // Every time the phone page offers: the campaign's only outlet (it starts open), each of its days opened in turn.
      const publicSlots = async () => {
        await phone.goto(`/b/${made.token}`);
        const outlets = phone.getByTestId('booking-outlet');
        await outlets.first().waitFor();
        expect(await outlets.count()).toBe(1);
        expect(await outlets.first().getByTestId('booking-outlet-toggle').getAttribute('aria-expanded')).toBe('true');
        const ids: (string | null)[] = [];
        const days = outlets.first().getByTestId('booking-day');
        await days.first().waitFor();
        for (let i = 0; i < (await days.count()); i++) {
          const day = days.nth(i);
          await day.tap();
          await expect.poll(() => day.getAttribute('aria-pressed')).toBe('true');
          ids.push(
            ...(await outlets
              .first()
              .getByTestId('booking-slot')
              .evaluateAll((els) => els.map((e) => e.getAttribute('data-slot-id')))),
          );
        }
        return ids;
      };
      expect(await publicSlots()).toContain(made.slotIds[0]);
      await first.getByTestId('slot-toggle').click();
      await expect.poll(() => first.getAttribute('data-closed')).toBe('true');
      expect(await first.innerText()).toContain('已关闭');
      expect(await publicSlots()).not.toContain(made.slotIds[0]);
      await shot(page, 'campaign-admin-slot-closed');
      await first.getByTestId('slot-toggle').click();
      await expect.poll(() => first.getAttribute('data-closed')).toBe('false');
      expect(await publicSlots()).toContain(made.slotIds[0]);
      await a11y(phone);

      await page.getByTestId('slots-add').click();
      const outlet = page.getByTestId('outlet-row').first();
      await pick(page, outlet.locator('.ant-select').first(), '衡南县邮政投递部新生行李寄递点', '新生行李');
      await (await inputOf(outlet.locator('.ant-input-number').nth(2))).fill('3');
      await page.getByTestId('slots-add-save').click();
      await expect.poll(() => page.locator('[data-slot-id]').count()).toBe(6);
      expectOnlyProvoked(page);
      expectOnlyProvoked(phone);
    } finally {
      await closePage(page);
      await closePage(phone);
    }
  });

  it('a full day still opens on the phone, and its full time offers the waiting list', async () => {
    const phone = await newPage(browser, { phone: true });
    try {
      await phone.goto(`/b/${made.token}`);
      const fullDay = phone.locator(`[data-testid="booking-day"][data-date="${day(4, 9).slice(0, 10)}"]`);
      await fullDay.waitFor();
      expect(await fullDay.innerText()).toContain('已约满');
      await fullDay.tap();
      await expect.poll(() => fullDay.getAttribute('aria-pressed')).toBe('true');
      const slot = phone.locator(`[data-testid="booking-slot"][data-slot-id="${made.slotIds[2]}"]`);
      expect(await slot.getAttribute('data-places-left')).toBe('0');
      await a11y(phone);
      await slot.tap();
      await submitBooking(phone, { notice_no: '430612000009', name: '刘同学', phone: '13973400009', school: '湘潭大学' });
      await phone.getByTestId('booking-waitlist').tap();
      await phone.waitForURL(/\/bk\//);
      await expect.poll(() => phone.getByTestId('my-booking').getAttribute('data-status')).toBe('waitlisted');
      expectOnlyProvoked(phone);
    } finally {
      await closePage(phone);
    }
  });
});

describe('the station function catalogue', () => {
  it('the platform admin adds, renames, retires and restores a function', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'admin');
      await page.goto('/stations?tab=functions');
      await page.getByTestId('function-table').waitFor();
      await a11y(page);

      await page.getByTestId('function-add').click();
      await (await inputOf(page.getByTestId('function-id'))).fill('blood_pressure_check');
      await (await inputOf(page.getByTestId('function-name-input'))).fill('免费测血压');
      await page.getByTestId('function-save').click();
      const row = page.locator('[data-function-id="blood_pressure_check"]');
      await expect.poll(() => row.getByTestId('function-name').innerText()).toBe('免费测血压');

      // The same code again is refused beside the field.
      await page.getByTestId('function-add').click();
      await (await inputOf(page.getByTestId('function-id'))).fill('blood_pressure_check');
      await (await inputOf(page.getByTestId('function-name-input'))).fill('测血压');
      await page.getByTestId('function-save').click();
      await page.locator('.ant-form-item-explain-error', { hasText: '这个编码已被使用' }).waitFor();
      await page.getByRole('button', { name: /取\s*消/ }).click();

      await row.getByTestId('function-edit').click();
      await (await inputOf(page.getByTestId('function-name-input'))).fill('免费测量血压');
      await page.getByTestId('function-save').click();
      await expect.poll(() => row.getByTestId('function-name').innerText()).toBe('免费测量血压');

      await row.getByTestId('function-retire').click();
      await expect.poll(() => row.innerText()).toContain('已停用');
      await shot(page, 'station-function-catalogue');
      await a11y(page);
      await row.getByTestId('function-retire').click();
      await expect.poll(() => row.innerText()).not.toContain('已停用');
      expectOnlyProvoked(page);
    } finally {
      await closePage(page);
    }
  });
});

describe('business-outcome leads', () => {
  it('an officer records a lead with consent, sees it masked and reveals it; another city does not see it', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'cz-officer');
      await page.goto('/outcomes');
      await page.getByTestId('leads-tab').click();
      await page.getByTestId('leads-table').waitFor();
      await page.getByTestId('lead-create').click();
      await pick(page, page.getByTestId('lead-place'), '奔牛支局红色驿站');
      await (await inputOf(page.getByTestId('lead-name'))).fill('陈阿姨');
      await (await inputOf(page.getByTestId('lead-phone-input'))).fill('13961120077');
      await (await inputOf(page.getByTestId('lead-interest'))).fill('订阅《常州日报》');
      await page.getByTestId('lead-save').click();
      // Without the resident's consent nothing is kept.
      await page.getByText('请先征得本人同意').waitFor();
      await page.getByTestId('lead-consent').check();
      await page.getByTestId('lead-save').click();
      const row = page.getByTestId('leads-table').locator('tr', { hasText: '陈阿姨' });
      await expect.poll(() => row.getByTestId('lead-phone').innerText()).toBe('139****0077');
      expect(await page.getByTestId('leads-table').innerText()).not.toContain('13961120077');
      await a11y(page);
      await shot(page, 'outcome-leads');

      await row.getByTestId('lead-reveal').click();
      await expect.poll(() => row.getByTestId('lead-phone-full').innerText()).toBe('13961120077');
      const audit = await (await page.request.get('/api/audit', { params: { action: 'lead.reveal' } })).json();
      expect(audit.items.length).toBeGreaterThan(0);
      expect(audit.items[0].actorLogin).toBe('cz-officer');
      expectOnlyProvoked(page);
    } finally {
      await closePage(page);
    }

    const other = await newPage(browser);
    try {
      await signIn(other, 'cf-officer');
      await other.goto('/outcomes');
      await other.getByTestId('leads-tab').click();
      await other.getByTestId('leads-table').waitFor();
      await expect.poll(() => other.getByTestId('leads-table').innerText()).toContain('还没有意向客户');
      expectOnlyProvoked(other);
    } finally {
      await closePage(other);
    }
  });
});
