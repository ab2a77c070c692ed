import type { bookingCampaigns, bookingSlots, bookings } from '../db/schema/index.js';
import { identityValue, maskValues } from '../modules/bookings/values.js';
import type { FieldCrypto } from '../platform/crypto.js';
import type { PlaceInsert } from './build-places.js';
import { SURNAMES } from './data/names.js';
import { DAY, DEMO_TODAY, DemoRandom, HOUR } from './random.js';
import { lookups, type DemoWorld } from './world.js';

const FIELDS = [
  {
    key: 'notice_no',
    label: '录取通知书编号',
    kind: 'text' as const,
    required: true,
    pattern: '\\d{10,16}',
    hint: '10–16 位数字，见录取通知书',
  },
  { key: 'name', label: '姓名', kind: 'name' as const, required: true },
  { key: 'phone', label: '手机号', kind: 'phone' as const, required: true },
  { key: 'school', label: '录取学校', kind: 'text' as const, required: true },
];
const SCHOOLS = ['湖南大学', '中南大学', '湖南师范大学', '南华大学', '湘潭大学', '武汉大学', '中山大学', '国防科技大学'];
/** Morning, late morning and afternoon, China time (UTC+8). */
const WINDOWS: [number, number][] = [
  [9 - 8, 11 - 8],
  [11 - 8, 13 - 8],
  [14 - 8, 17 - 8],
];

/**
 * Hengyang's free luggage shipping for new university students (19,500 reservations in the article):
 * a published campaign of the city committee with three outlets — two counters and the Hengnan delivery
 * team's own luggage point, where `hy-volunteer` serves — slots from three days ago to a week ahead, and
 * some bookings, those of past slots mostly fulfilled. Its own random stream.
 */
export function buildBookings(seed: number, world: DemoWorld, crypto: FieldCrypto) {
  const rng = new DemoRandom(seed ^ 0xb00c);
  const { orgId, placeId, accountId } = lookups(world);
  const at = DEMO_TODAY - 12 * DAY;
  const luggagePoint: PlaceInsert = {
    id: rng.uuid(at),
    orgId: orgId('hy-hengnan-delivery'),
    kind: 'outlet',
    name: '衡南县邮政投递部新生行李寄递点',
    address: '湖南省衡阳市衡南县云集街道云集大道38号',
    openingHours: '08:30–17:30',
    hasPartyMember: true,
    createdAt: new Date(at),
    updatedAt: new Date(at),
  } as PlaceInsert;
  const campaignId = rng.uuid(at);
  const campaign: typeof bookingCampaigns.$inferInsert = {
    id: campaignId,
    orgId: orgId('hy'),
    title: '高考新生行李免费寄递 (20 kg)',
    description: '考入大学的新生，凭录取通知书可免费寄递 20 公斤以内行李一件到学校。请预约网点和时间，到时凭预约码办理。',
    opensAt: new Date(at),
    closesAt: new Date(DEMO_TODAY + 40 * DAY),
    fields: FIELDS,
    identityField: 'notice_no',
    status: 'published',
    publicToken: rng.token(22),
    createdBy: accountId('hy-officer'),
    createdAt: new Date(at),
    updatedAt: new Date(at),
  };
  const outlets = [luggagePoint.id, placeId('衡南县云集邮政支局'), placeId('石鼓区人民路邮政支局')];
  const slots: (typeof bookingSlots.$inferInsert)[] = [];
  const rows: (typeof bookings.$inferInsert)[] = [];
  const clerk = accountId('hy-volunteer');
  let n = 0;
  for (const place of outlets) {
    for (let day = -3; day <= 6; day++) {
      for (const [from, to] of WINDOWS) {
        const midnight = DEMO_TODAY + day * DAY;
        const slot = {
          id: rng.uuid(at),
          campaignId,
          placeId: place,
          startsAt: new Date(midnight + from * HOUR),
          endsAt: new Date(midnight + to * HOUR),
          capacity: 20,
          booked: 0,
        };
        const past = day < 0;
        const count = rng.int(past ? 6 : 0, past ? 14 : 8);
        for (let i = 0; i < count; i++) {
          n++;
          const values = {
            notice_no: `4304${rng.digits(8)}`,
            name: `${rng.pick(SURNAMES)}${rng.pick(['子涵', '一诺', '浩然', '欣怡', '宇航', '梓萱', '俊杰', '雨桐'])}`,
            phone: `1${rng.pick(['39', '38', '51', '58', '77'])}${rng.digits(8)}`,
            school: rng.pick(SCHOOLS),
          };
          const masked = maskValues(FIELDS, values);
          const createdAt = new Date(at + n * 37 * 60_000);
          const fulfilled = past && rng.next() < 0.85;
          rows.push({
            id: rng.uuid(createdAt.getTime()),
            campaignId,
            slotId: slot.id,
            code: rng.token(24),
            identityBidx: crypto.blindIndex('booking:notice_no', identityValue(values.notice_no)),
            valuesEnc: crypto.encrypt(JSON.stringify(values)),
            nameMasked: masked.name!,
            phoneMasked: masked.phone!,
            status: fulfilled ? 'fulfilled' : 'confirmed',
            consentAt: createdAt,
            fulfilledAt: fulfilled ? new Date(slot.startsAt.getTime() + rng.int(5, 100) * 60_000) : null,
            fulfilledBy: fulfilled ? clerk : null,
            createdAt,
            updatedAt: createdAt,
          });
          slot.booked++;
        }
        slots.push(slot);
      }
    }
  }
  return { places: [luggagePoint], campaigns: [campaign], slots, bookings: rows };
}
