import { uuidv7 } from '../../platform/ids.js';
import { expect } from 'vitest';
import type { Campaign } from '@youshe/shared';
import { places } from '../../db/schema/index.js';
import type { Client, TestApp } from '../../test/harness.js';

/** Shared by the campaign-editing and reminder tests: a luggage campaign, residents and their bookings. */
const hour = 3600_000;
export const at = (h: number) => new Date(Date.now() + h * hour).toISOString();

export const FIELDS = [
  { key: 'notice_no', label: '录取通知书编号', kind: 'text', pattern: '\\d{10}', hint: '10 位数字' },
  { key: 'name', label: '姓名', kind: 'name' },
  { key: 'phone', label: '手机号', kind: 'phone' },
  { key: 'school', label: '录取学校', kind: 'text', required: false },
];

export async function makePlace(t: TestApp, orgId: string, name: string) {
  const id = uuidv7();
  await t.database.db.insert(places).values({ id, orgId, kind: 'outlet', name, address: `${name}地址` });
  return id;
}

/** A campaign with the given slots ([outlet, capacity, hours from now]), published unless asked otherwise. */
export async function makeCampaign(
  officer: Client,
  orgId: string,
  slots: [string, number, number][],
  options: { publish?: boolean; fields?: object[] } = {},
): Promise<Campaign> {
  const outlets = new Map<string, { placeId: string; slots: object[] }>();
  for (const [placeId, capacity, h] of slots) {
    const o = outlets.get(placeId) ?? { placeId, slots: [] };
    o.slots.push({ startsAt: at(h), endsAt: at(h + 1), capacity });
    outlets.set(placeId, o);
  }
  const created = await officer.inject({
    method: 'POST',
    url: '/api/booking-campaigns',
    payload: {
      orgId,
      title: '高考新生行李免费寄递 (20 kg)',
      opensAt: at(-1),
      closesAt: at(24 * 30),
      fields: options.fields ?? FIELDS,
      identityField: 'notice_no',
      outlets: [...outlets.values()],
    },
  });
  expect(created.statusCode, created.body).toBe(200);
  if (options.publish === false) return created.json();
  const published = await officer.inject({
    method: 'POST',
    url: `/api/booking-campaigns/${created.json().id}/status`,
    payload: { status: 'published' },
  });
  expect(published.statusCode, published.body).toBe(200);
  return published.json();
}

let n = 0;
/** A new student, different from every other in the run (files run in parallel, each in its own database). */
export const student = () => {
  n++;
  return { notice_no: String(4300000000 + n), name: `新生${n}`, phone: `139${String(n).padStart(8, '0')}`, school: '湖南大学' };
};

export const book = (t: TestApp, token: string, slotId: string, values: Record<string, string>, waitlist = false) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/booking-campaigns/${token}/bookings`,
    payload: { slotId, values, consent: true, waitlist },
    remoteAddress: `10.8.${n % 250}.${(n * 7) % 250}`,
  });

export const slotsOf = (c: Campaign) => c.outlets.flatMap((o) => o.slots);
