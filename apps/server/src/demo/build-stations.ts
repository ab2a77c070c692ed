import { TALLY_KINDS, type ServiceKind } from '@youshe/shared';
import type {
  businessLeads,
  businessOutcomes,
  serviceOfferings,
  serviceRecords,
  serviceTallies,
  stationFunctionLinks,
  stationProfiles,
} from '../db/schema/index.js';
import { maskPhone, type FieldCrypto } from '../platform/crypto.js';
import { RED_STATIONS } from './data/changzhou.js';
import { SURNAMES } from './data/names.js';
import { DAY, DEMO_TODAY, DemoRandom, HOUR } from './random.js';
import { lookups, type DemoWorld } from './world.js';

/** The 15 functions of the catalogue (migration 0014); each station runs most of them. */
const FUNCTIONS = [
  'member_identity',
  'notice_board',
  'model_studio',
  'grid_docking',
  'partner_linkage',
  'contact_card',
  'theme_day',
  'volunteer_team',
  'civic_practice',
  'live_classroom',
  'moral_lecture',
  'policy_outreach',
  'outdoor_rest',
  'agency_services',
  'convenience_items',
];
const RECORD_SERVICES: ServiceKind[] = [
  'storage',
  'lend_umbrella',
  'lend_first_aid',
  'lend_toolbox',
  'agency_traffic',
  'agency_police',
  'agency_tax',
  'agency_ebike_plate',
];
/** How busy each counted service is on an ordinary day, at most. */
const DAILY: Partial<Record<ServiceKind, number>> = {
  rest: 12,
  hot_water: 20,
  food_heating: 6,
  newspapers: 8,
  charging: 10,
  wifi: 9,
  parcel_pickup: 30,
};

const isoDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

/**
 * Changzhou's 13 red stations: their profiles ("315": three positionings, most of the 15 functions),
 * heads (the branch's station head, whose deputy-secretary appointment the zones builder made), host
 * community and grid, the services they offer, two weeks of counts up to yesterday and a few open
 * loans and stored items; and business won through party building, among it the Xiji potato sales.
 * Its own random stream, so that adding it leaves every other builder's rows as they were.
 */
export function buildStations(seed: number, world: DemoWorld, crypto: FieldCrypto) {
  const rng = new DemoRandom(seed ^ 0x315);
  const { orgId } = lookups(world);
  const profiles: (typeof stationProfiles.$inferInsert)[] = [];
  const links: (typeof stationFunctionLinks.$inferInsert)[] = [];
  const offerings: (typeof serviceOfferings.$inferInsert)[] = [];
  const tallies: (typeof serviceTallies.$inferInsert)[] = [];
  const records: (typeof serviceRecords.$inferInsert)[] = [];
  const outcomes: (typeof businessOutcomes.$inferInsert)[] = [];
  const yesterday = DEMO_TODAY - DAY;
  const person = () => `${rng.pick(SURNAMES)}${rng.pick(['师傅', '阿姨', '先生', '女士', '大爷'])}`;
  const phone = () => `1${rng.pick(['39', '38', '51', '58', '77'])}${rng.digits(8)}`;

  for (const s of RED_STATIONS) {
    const place = world.places.find((p) => p.kind === 'red_station' && p.name.includes(s.office));
    if (!place) throw new Error(`demo: no red station for ${s.office}`);
    const community = `czc-${s.slug}`;
    profiles.push({
      placeId: place.id,
      positionings: ['red_station', 'live_classroom', 'service_platform'],
      headPersonId: world.byOrg.get(`cz-${s.slug}`)?.stationHead ?? null,
      communityOrgId: orgId(community),
      gridOrgId: orgId(`${community}-g1`),
      contactPhone: `0519-8${rng.digits(7)}`,
      intro: `“龙城先锋”红色驿站，服务${s.community}居民和户外劳动者。`,
      updatedAt: new Date(DEMO_TODAY - 30 * DAY),
    });
    const skip = new Set(rng.shuffle(FUNCTIONS.slice(0, 12)).slice(0, rng.int(0, 3)));
    for (const f of FUNCTIONS) if (!skip.has(f)) links.push({ placeId: place.id, functionId: f });
    const services = [...TALLY_KINDS, ...RECORD_SERVICES.filter((k, i) => i < 4 || rng.next() < 0.6)];
    for (const kind of services) offerings.push({ placeId: place.id, kind, note: '', createdAt: new Date(DEMO_TODAY - 30 * DAY) });

    for (let d = 14; d >= 1; d--) {
      const day = isoDay(DEMO_TODAY - d * DAY);
      for (const kind of TALLY_KINDS) {
        const n = rng.int(0, DAILY[kind] ?? 5);
        if (n > 0) tallies.push({ placeId: place.id, kind, day, count: n, updatedAt: new Date(DEMO_TODAY - d * DAY + 10 * HOUR) });
      }
    }
    // A few loans and stored items still open, one loan overdue, and some closed ones.
    const open = (kind: ServiceKind, daysAgo: number, extra: Partial<typeof serviceRecords.$inferInsert>) => {
      const at = new Date(yesterday - daysAgo * DAY + rng.int(9, 17) * HOUR);
      const p = phone();
      const code = kind === 'storage' ? rng.digits(6) : null;
      records.push({
        id: rng.uuid(at.getTime()),
        placeId: place.id,
        kind,
        status: kind === 'storage' ? 'stored' : kind.startsWith('lend_') ? 'lent' : 'received',
        personName: person(),
        phoneEnc: crypto.encrypt(p),
        phoneBidx: crypto.blindIndex('phone', p),
        phoneMasked: maskPhone(p),
        claimCodeHash: code ? crypto.blindIndex(`claim:${place.id}`, code) : null,
        claimCodeEnc: code ? crypto.encrypt(code) : null,
        createdAt: at,
        ...extra,
      });
    };
    open('lend_umbrella', 0, { item: '雨伞', dueOn: isoDay(DEMO_TODAY + 2 * DAY) });
    open('lend_umbrella', 6, { item: '雨伞', dueOn: isoDay(DEMO_TODAY - 3 * DAY) });
    open('storage', 1, { item: rng.pick(['行李箱', '纸箱一件', '快递包裹两件', '雨衣和头盔']) });
    open('lend_toolbox', 9, {
      item: '工具箱',
      dueOn: isoDay(DEMO_TODAY - 7 * DAY),
      status: 'returned',
      closedAt: new Date(yesterday - 8 * DAY),
    });
    open('agency_traffic', 4, { item: '驾驶证期满换证', status: 'done', closedAt: new Date(yesterday - 3 * DAY) });

    // 党建+业务 at the station: a farmers' market with Xiji potatoes, group buying, papers, merchants, customers.
    const outcome = (kind: string, daysAgo: number, o: Partial<typeof businessOutcomes.$inferInsert>) => {
      const at = new Date(DEMO_TODAY - daysAgo * DAY);
      outcomes.push({
        id: rng.uuid(at.getTime()),
        orgId: place.orgId,
        placeId: place.id,
        kind,
        occurredOn: isoDay(at.getTime()),
        createdAt: at,
        ...o,
      });
    };
    const jin = rng.int(30, 120) * 10;
    outcome('produce_sale', rng.int(20, 60), { product: '西吉土豆', quantity: jin, unit: '斤', amountFen: jin * 250 });
    outcome('group_buy', rng.int(5, 80), {
      product: '社区团购·阳澄湖大闸蟹',
      quantity: rng.int(10, 60),
      unit: '单',
      amountFen: rng.int(50, 300) * 1000,
    });
    outcome('newspaper_subscription', rng.int(30, 90), {
      product: '《常州日报》',
      quantity: rng.int(5, 40),
      unit: '份',
      amountFen: rng.int(5, 40) * 36_000,
    });
    outcome('merchant_qr', rng.int(10, 100), { quantity: rng.int(1, 6), unit: '户' });
    outcome('new_customer', rng.int(3, 50), { quantity: rng.int(5, 30), unit: '人' });
  }

  // 银川: Xiji potatoes into 长城花园社区, 2 million yuan over the autumn (the article's figure), tied to its activity.
  const potatoes = world.places.find((p) => p.name === '长城花园社区邮件自提点');
  if (potatoes) {
    const months = [
      ['2024-09-30', 62_000_000],
      ['2024-10-31', 81_000_000],
      ['2024-11-30', 57_000_000],
    ] as const;
    for (const [occurredOn, amountFen] of months) {
      const at = new Date(`${occurredOn}T10:00:00Z`);
      outcomes.push({
        id: rng.uuid(at.getTime()),
        orgId: potatoes.orgId,
        placeId: potatoes.id,
        kind: 'produce_sale',
        product: '西吉土豆',
        quantity: amountFen / 250,
        unit: '斤',
        amountFen,
        occurredOn,
        note: '“社区+助力电商扶贫农产品”：西吉土豆进社区',
        createdAt: at,
      });
    }
  }
  return { profiles, links, offerings, tallies, records, outcomes, leads: buildLeads(seed, world, crypto) };
}

/** Residents who asked, with their consent, to hear more about something offered at a station's market. */
function buildLeads(seed: number, world: DemoWorld, crypto: FieldCrypto) {
  // A random stream of its own, so that adding leads left every other demo figure as it was.
  const rng = new DemoRandom(seed ^ 0x1ead);
  const leads: (typeof businessLeads.$inferInsert)[] = [];
  const interests = ['西吉土豆整箱配送', '《常州日报》明年订阅', '邮政储蓄养老理财讲座', '社区团购到站自提', '商户收款码开通'];
  for (const s of RED_STATIONS.slice(0, 5)) {
    const place = world.places.find((p) => p.kind === 'red_station' && p.name.includes(s.office));
    if (!place) continue;
    for (let k = 0; k < 2; k++) {
      // 09:00–17:00 in China (UTC+8), when the stations are open.
      const at = new Date(DEMO_TODAY - rng.int(1, 40) * DAY + rng.int(1, 9) * HOUR);
      const phone = `1${rng.pick(['39', '38', '51', '58', '77'])}${rng.digits(8)}`;
      leads.push({
        id: rng.uuid(at.getTime()),
        orgId: place.orgId,
        placeId: place.id,
        name: `${rng.pick(SURNAMES)}${rng.pick(['先生', '女士', '阿姨', '师傅'])}`,
        phoneEnc: crypto.encrypt(phone),
        phoneBidx: crypto.blindIndex('phone', phone),
        phoneMasked: maskPhone(phone),
        interest: rng.pick(interests),
        consentAt: at,
        createdAt: at,
      });
    }
  }
  return leads;
}

/** Ties the Yinchuan potato sales to their activity, once the activities exist (their ids come from another builder). */
export function linkPotatoActivity(outcomes: (typeof businessOutcomes.$inferInsert)[], activities: { id: string; title: string }[]) {
  const activity = activities.find((a) => a.title.includes('西吉土豆进社区'));
  for (const o of outcomes) if (activity && o.note?.includes('西吉土豆进社区')) o.activityId = activity.id;
  return outcomes;
}
