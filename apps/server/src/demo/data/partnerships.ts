import type { GoalMetric } from '@youshe/shared';

/**
 * The pairings (结对共建) the articles describe, as agreements current on the demo's date (January 2025),
 * with the goals they set, and the Wuxi pairing's joint meeting. Org keys are those of data/tree.ts.
 */

export interface GoalSpec {
  title: string;
  metric: GoalMetric;
  kind?: string;
  target: number;
}

export interface PartnershipSpec {
  /** Names the agreement inside the demo data; never stored. */
  key: string;
  owner: string;
  /** The other member organisations; the owner is always a member too. */
  members: string[];
  title: string;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  goals: GoalSpec[];
}

export const PARTNERSHIPS: PartnershipSpec[] = [
  {
    key: 'wx',
    owner: 'wx-xishan',
    members: ['wxs-dongting', 'wxs-ehu', 'wxp-dongting-police'],
    title: '锡山区分公司党支部—东亭街道、鹅湖街道结对共建',
    signedOn: '2024-03-28',
    startsOn: '2024-04-01',
    endsOn: '2025-03-31',
    goals: [
      { title: '全年联合开展活动 12 次', metric: 'activities', target: 12 },
      { title: '服务居民 500 人次', metric: 'attendance', target: 500 },
      { title: '走访慰问困难老人 23 户', metric: 'households_visited', kind: 'welfare_visit', target: 23 },
    ],
  },
  {
    key: 'gy',
    owner: 'gy-yuanzhou',
    members: ['gyc-songjiaxiang'],
    title: '原州区分公司党支部—宋家巷社区党支部“党建共建”',
    signedOn: '2024-07-26',
    startsOn: '2024-07-26',
    endsOn: '2025-07-25',
    goals: [
      { title: '开展主题集邮党课 4 次', metric: 'activities', kind: 'stamp_party_lesson', target: 4 },
      { title: '服务社区居民 300 人次', metric: 'attendance', target: 300 },
      { title: '新增邮政客户 50 户', metric: 'new_customers', target: 50 },
    ],
  },
  {
    key: 'yc',
    owner: 'yc-xicheng',
    members: ['ycc-changcheng'],
    title: '银川西城分公司党支部—长城花园社区党总支“党建共建”',
    signedOn: '2024-05-20',
    startsOn: '2024-06-01',
    endsOn: '2025-05-31',
    goals: [
      { title: '“社区+助力电商扶贫农产品”销售 250 万元', metric: 'sales_fen', target: 250_000_000 },
      { title: '联合开展活动 8 次', metric: 'activities', target: 8 },
    ],
  },
  {
    key: 'cf',
    owner: 'cf',
    members: ['cfc-yinma'],
    title: '赤峰市分公司党委—银马社区党总支《党建联合体工作协议》',
    signedOn: '2024-03-15',
    startsOn: '2024-03-01',
    endsOn: '2025-02-28',
    // 三个一: one development plan, one batch of joint projects, one batch of residents in difficulty supported.
    goals: [
      { title: '理清一条结对共建发展思路', metric: 'activities', kind: 'theme_party_day', target: 1 },
      { title: '落地一批联合党委结对共建发展项目', metric: 'activities', target: 6 },
      { title: '扶持一批辖区困难群众（30 户）', metric: 'households_visited', kind: 'welfare_visit', target: 30 },
    ],
  },
  {
    key: 'cf-college',
    owner: 'cf-philately',
    members: ['cfp-college'],
    title: '集邮与文化传媒部党支部—赤峰学院外国语学院党总支结对共建',
    signedOn: '2024-03-20',
    startsOn: '2024-03-01',
    endsOn: '2025-02-28',
    goals: [
      { title: '向社区捐赠图书价值 1 万元', metric: 'value_donated_fen', kind: 'donation', target: 1_000_000 },
      { title: '开展儿童阅读公益讲座 4 次', metric: 'activities', kind: 'lecture', target: 4 },
    ],
  },
  {
    key: 'cz',
    owner: 'cz-benniu',
    members: ['czc-benniu'],
    title: '奔牛支局党支部—五心苑社区党支部“红色驿站”共建',
    signedOn: '2024-06-28',
    startsOn: '2024-07-01',
    endsOn: '2025-06-30',
    goals: [
      { title: '联合开展活动 10 次', metric: 'activities', target: 10 },
      { title: '服务居民 400 人次', metric: 'attendance', target: 400 },
      { title: '走访慰问空巢老人 20 户', metric: 'households_visited', kind: 'welfare_visit', target: 20 },
    ],
  },
  {
    key: 'hy',
    owner: 'hy-shigu',
    members: ['hys-renminlu'],
    title: '石鼓区分公司党支部—人民路街道“社邮党务共建”',
    signedOn: '2024-02-26',
    startsOn: '2024-03-01',
    endsOn: '2025-02-28',
    goals: [
      { title: '开展“学党史学雷锋”志愿服务 6 次', metric: 'activities', target: 6 },
      { title: '服务群众 500 人次', metric: 'attendance', target: 500 },
    ],
  },
];

/** The Wuxi pairing's year-end joint meeting (联席会议): attendees are the heads of these orgs. */
export const WUXI_MEETING = {
  partnership: 'wx',
  heldOn: '2024-12-27',
  location: '锡山区分公司三楼会议室',
  attendees: ['wx-xishan', 'wxc-dongting', 'wxc-ehu', 'wxp-dongting-police'],
  minutes: [
    '一、通报本年度结对共建进展：已联合开展反诈宣传、便民服务、健康讲座、亲子活动和走访慰问等活动，12 月走访慰问孤寡老人及行动不便长者 23 户。',
    '二、居民反映：独居老人春节前希望有人上门帮忙；春合社区近期有冒充客服的电话诈骗。',
    '三、议定：春节前开展第二轮走访，送春联和年货；联合东亭派出所到春合社区开展春节前反诈宣传。',
  ].join('\n'),
  tasks: [
    { title: '春节前对 23 户孤寡老人开展第二轮走访，送春联和年货', owner: 'wx-xishan', dueOn: '2025-01-24' },
    { title: '联合东亭派出所到春合社区开展春节前反诈宣传', owner: 'wxp-dongting-police', dueOn: '2025-01-20' },
  ],
};
