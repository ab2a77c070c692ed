import { CARE_INTERVAL_DAYS, WELLBEING_ITEMS, type CareFrequency } from '@youshe/shared';
import type { careConsents, careContacts, careRecipients, careVisits } from '../db/schema/index.js';
import { maskAddress, maskName, maskPhone, sealed, type FieldCrypto } from '../platform/crypto.js';
import { graceDays } from '../modules/care/care.repository.js';
import { sealFamily } from '../modules/care/contacts.js';
import { DAY, DEMO_TODAY, DemoRandom, HOUR } from './random.js';
import { lookups, type DemoWorld } from './world.js';

/** 五心苑社区 第一网格: cz-community's community, so the demo community partner sees these alerts. */
const GRID = 'czc-benniu-g1';

interface Spec {
  name: string;
  address: string;
  health: string;
  circumstances: string[];
  frequency: CareFrequency;
  /** Days before the demo's today of the last visit: a weekly visit 7 days ago is due today. */
  lastVisitDaysAgo: number;
  help: string[];
  extra: string[];
  family: { name: string; relation: string; channel: 'email' | 'webhook'; to: string; shares: 'summary' | 'checklist' }[];
  /** Wears one of 五心苑's yellow wristbands (build-wristbands binds the first three), so consented to it. */
  wristband?: true;
}

const SPECS: Spec[] = [
  {
    name: '王秀兰',
    wristband: true,
    address: '常州市武进区奔牛镇五心苑3幢201室',
    health: '高血压，每天早晚服药',
    circumstances: ['living_alone', 'children_away'],
    frequency: 'weekly',
    lastVisitDaysAgo: 7,
    help: ['cleaning', 'shopping', 'postal_errands'],
    extra: ['medication', 'scam_calls'],
    family: [
      { name: '王小明', relation: '儿子', channel: 'email', to: 'wang.xiaoming@example.com', shares: 'checklist' },
      { name: '王小红', relation: '女儿', channel: 'webhook', to: '13900001201', shares: 'summary' },
    ],
  },
  {
    name: '张桂英',
    wristband: true,
    address: '常州市武进区奔牛镇五心苑7幢102室',
    health: '轻度认知障碍，独自外出易迷路',
    circumstances: ['living_alone', 'frail'],
    frequency: 'daily',
    lastVisitDaysAgo: 1,
    help: ['shopping', 'visit_for_children'],
    extra: ['gas_stove', 'walking'],
    family: [{ name: '李建华', relation: '儿子', channel: 'webhook', to: '13900001702', shares: 'checklist' }],
  },
  {
    name: '刘福生',
    wristband: true,
    address: '常州市武进区奔牛镇五心苑11幢502室',
    health: '腿脚不便，上下楼困难',
    circumstances: ['disabled', 'children_away'],
    frequency: 'weekly',
    lastVisitDaysAgo: 2,
    help: ['utility_repair', 'mailbox_lock'],
    extra: ['home_safety'],
    family: [{ name: '刘晓东', relation: '儿子', channel: 'email', to: 'liu.xiaodong@example.com', shares: 'summary' }],
  },
  {
    name: '陈玉梅',
    address: '常州市武进区奔牛镇五心苑2幢301室',
    health: '糖尿病',
    circumstances: ['living_alone'],
    frequency: 'fortnightly',
    lastVisitDaysAgo: 10,
    help: ['haircut', 'cleaning'],
    extra: ['appetite'],
    family: [{ name: '陈静', relation: '女儿', channel: 'webhook', to: '13900000203', shares: 'summary' }],
  },
  {
    name: '周德顺',
    address: '常州市武进区奔牛镇五心苑9幢101室',
    health: '',
    circumstances: ['in_difficulty', 'living_alone'],
    frequency: 'monthly',
    // Overdue: the missed-visit scan raises an alert for him when the server starts.
    lastVisitDaysAgo: 40,
    help: ['postal_errands'],
    extra: [],
    family: [],
  },
];

/**
 * The 志愿者邮路 carrier cz-volunteer (北港支局) and a colleague as backup, paired with five elderly residents of
 * 五心苑社区's first grid, with consent (mostly by the children, by proxy), family contacts, plans and past visits
 * placed so that on the day the demo is loaded two are due, one is overdue and two are not yet due.
 * Its own random stream, so that adding it leaves every other builder's rows as they were.
 */
export function buildCare(seed: number, world: DemoWorld, crypto: FieldCrypto) {
  const rng = new DemoRandom(seed ^ 0xca4e);
  const { orgId } = lookups(world);
  const grid = orgId(GRID);
  const carriers = world.byOrg.get('cz-beigang')?.volunteers ?? [];
  if (carriers.length < 2) throw new Error('demo: 北港支局 needs two volunteers for the care round');
  const [main, backup] = carriers as [string, string];
  const recipients: (typeof careRecipients.$inferInsert)[] = [];
  const contacts: (typeof careContacts.$inferInsert)[] = [];
  const consents: (typeof careConsents.$inferInsert)[] = [];
  const visits: (typeof careVisits.$inferInsert)[] = [];
  const enrolledAt = new Date(DEMO_TODAY - 90 * DAY + 2 * HOUR);

  SPECS.forEach((s, index) => {
    const id = rng.uuid(enrolledAt.getTime() + index);
    const interval = CARE_INTERVAL_DAYS[s.frequency];
    const visitTimes = [s.lastVisitDaysAgo + 2 * interval, s.lastVisitDaysAgo + interval, s.lastVisitDaysAgo].map(
      // 10:00 in Shanghai on the day.
      (ago) => DEMO_TODAY - ago * DAY + 2 * HOUR,
    );
    const last = visitTimes[visitTimes.length - 1]!;
    const phone = `1390000${String(1000 + index * 7).padStart(4, '0')}`;
    recipients.push({
      id,
      orgId: grid,
      status: 'active',
      nameEnc: crypto.encrypt(s.name),
      nameMasked: maskName(s.name),
      phoneEnc: crypto.encrypt(phone),
      phoneMasked: maskPhone(phone),
      addressEnc: crypto.encrypt(s.address),
      addressMasked: maskAddress(s.address),
      healthNotesEnc: s.health ? crypto.encrypt(s.health) : null,
      circumstances: s.circumstances,
      frequency: s.frequency,
      intervalDays: interval,
      helpWanted: s.help,
      extraItems: s.extra,
      mainVolunteerId: main,
      backupVolunteerId: backup,
      routePosition: index,
      lastVisitAt: new Date(last),
      missedAfter: new Date(last + (interval + graceDays(interval)) * DAY),
      visitCount: visitTimes.length,
      createdAt: enrolledAt,
      updatedAt: new Date(last),
    });
    s.family.forEach((f, i) => {
      const token = rng.token(43);
      contacts.push({
        id: rng.uuid(enrolledAt.getTime() + 100 + index * 10 + i),
        recipientId: id,
        kind: 'family',
        position: i + 1,
        relation: f.relation,
        ...sealFamily(crypto, f, token),
        createdAt: enrolledAt,
      });
    });
    const proxy = s.family[0];
    const giver = sealed(crypto, proxy ? proxy.name : s.name);
    consents.push({
      id: rng.uuid(enrolledAt.getTime() + 200 + index),
      recipientId: id,
      givenBy: giver.masked,
      givenByEnc: giver.enc,
      byProxy: Boolean(proxy),
      proxyRelation: proxy?.relation ?? null,
      purposes: [...(proxy ? ['visits', 'family_reports', 'alerts'] : ['visits', 'alerts']), ...(s.wristband ? ['wristband'] : [])],
      givenAt: enrolledAt,
    });
    visitTimes.forEach((at, i) => {
      const items = [...WELLBEING_ITEMS, ...s.extra];
      visits.push({
        id: rng.uuid(at),
        recipientId: id,
        orgId: grid,
        volunteerId: i === 1 && index % 2 === 1 ? backup : main,
        visitedAt: new Date(at),
        minutes: rng.int(20, 45),
        presence: 'visited',
        answers: Object.fromEntries(items.map((item) => [item, rng.chance(0.1) ? 'concern' : 'ok'])) as Record<string, 'ok' | 'concern'>,
        helpGiven: rng.shuffle(s.help).slice(0, rng.int(1, s.help.length)),
        noteEnc: null,
        concern: 'none',
        confirmation: 'verbal',
        recordedAt: new Date(at + 10 * 60_000),
      });
    });
  });
  return { recipients, contacts, consents, visits };
}
