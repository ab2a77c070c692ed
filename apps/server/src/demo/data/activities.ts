import type { OutcomeField } from '@youshe/shared';

/**
 * The joint activities of the articles, in the demo's year: those held already (closed, with attendance
 * and the figures their kind asks for, linked to the pairing they count towards) and a few still to
 * come. Dates follow the articles' month and day. `by` is the demo login that planned the activity.
 */

interface ActivityBase {
  owner: string;
  /** Co-organisers besides the owner. */
  with?: string[];
  partnerships?: string[];
  kind: string;
  title: string;
  /** Name of a demo place, or a free-text location. */
  place?: string;
  location?: string;
  description: string;
  by?: string;
}

/** Held and closed: attendance and the figures its kind asks for. */
export interface PastActivitySpec extends ActivityBase {
  starts: string;
  ends: string;
  attendance: number;
  outcome: Partial<Record<OutcomeField, number>>;
  /** What participants said, as the articles quote them. */
  quotes?: { speaker: string; text: string }[];
}

/** Published and open for sign-ups: `day` days after the demo's epoch, residents of `signupsFrom` signed up. */
export interface UpcomingActivitySpec extends ActivityBase {
  day: number;
  from: string;
  to: string;
  capacity: number;
  signupsFrom: string;
  signups: number;
}

export const PAST_ACTIVITIES: PastActivitySpec[] = [
  // 无锡锡山: five of the year's twelve joint activities held so far.
  {
    owner: 'wx-xishan', with: ['wxp-dongting-police', 'wxc-dongting'], partnerships: ['wx'], kind: 'anti_fraud', by: 'wx-secretary',
    title: '反诈宣传进万家·警邮携手进社区', location: '东亭社区文化广场',
    starts: '2024-05-18 09:00', ends: '2024-05-18 11:30', attendance: 150, outcome: { people_served: 150, materials_handed_out: 600 },
    description: '与东亭派出所联合开展反诈宣传：悬挂横幅、发放宣传册、民警现场讲解常见电信网络诈骗手法。',
    quotes: [{ speaker: '东亭派出所张民警', text: '通过与锡山区分公司党支部的合作，我们警邮合作，更深入地走进社区，与居民面对面交流，提高大家的防骗意识和能力。' }],
  },
  {
    owner: 'wx-xishan', with: ['wxc-ehu', 'wxp-hospital'], partnerships: ['wx'], kind: 'convenience_service', by: 'wx-secretary',
    title: '便民服务进社区：免费理发、量血压、磨刀、义诊', location: '鹅湖社区党群服务中心',
    starts: '2024-06-15 08:30', ends: '2024-06-15 11:30', attendance: 95, outcome: { people_served: 95 },
    description: '党员志愿者发挥专业技能，为居民免费理发、磨刀；锡山人民医院医生量血压、义诊。',
    quotes: [{ speaker: '鹅湖社区居民李爷爷', text: '这些志愿者们真是好样的，他们不仅为我们提供了方便，更让我们感受到了党组织的关怀。' }],
  },
  {
    owner: 'wx-xishan', with: ['wxc-ehu', 'wxp-hospital'], partnerships: ['wx'], kind: 'lecture', by: 'wx-secretary',
    title: '健康讲座：老年人常见慢性病预防', location: '鹅湖社区多功能活动室',
    starts: '2024-08-24 14:30', ends: '2024-08-24 16:00', attendance: 80, outcome: { people_served: 80 },
    description: '锡山人民医院全科医生讲解高血压、糖尿病的日常管理，现场答疑。',
  },
  {
    owner: 'wx-xishan', with: ['wxp-school', 'wxc-dongting'], partnerships: ['wx'], kind: 'parent_child', by: 'wx-secretary',
    title: '亲子互动：“小小邮递员”体验日', place: '锡山东亭邮政支局',
    starts: '2024-10-12 09:30', ends: '2024-10-12 11:30', attendance: 60, outcome: { people_served: 60 },
    description: '东亭实验小学的孩子和家长走进邮政支局，体验分拣、投递，写一封寄给未来的信。',
  },
  {
    owner: 'wx-xishan', with: ['wxs-dongting', 'wxs-ehu'], partnerships: ['wx'], kind: 'welfare_visit', by: 'wx-secretary',
    title: '走访慰问孤寡老人及行动不便的长者', location: '鹅湖、东亭各社区',
    starts: '2024-12-10 09:00', ends: '2024-12-13 17:00', attendance: 23, outcome: { households_visited: 23, value_donated_fen: 690_000 },
    description: '联合鹅湖街道、东亭街道工作人员入户走访 23 户孤寡老人及行动不便的长者，送去生活必需品和节日问候，帮忙打扫屋子。',
  },
  // 固原: the joint day of 26 July, with the stamp lesson "我和我的祖国".
  {
    owner: 'gy-yuanzhou', with: ['gyc-songjiaxiang'], partnerships: ['gy'], kind: 'stamp_party_lesson', by: 'gy-secretary',
    title: '“我和我的祖国”主题集邮党课暨集邮展览', location: '宋家巷社区党群服务中心',
    starts: '2024-07-26 09:00', ends: '2024-07-26 11:30', attendance: 86, outcome: { people_served: 86 },
    description: '以邮票为载体讲述新中国成立以来的辉煌成就；现场举办集邮展览和有奖问答。',
    quotes: [
      { speaker: '宋家巷社区党支部书记海燕', text: '“党建共建”活动架起了邮政与社区群众的连心桥！' },
      { speaker: '40 年党龄的退休党员韩国礼', text: '集邮党课很生动，通过邮票讲述故事，勾起了我们每个人的共同回忆。' },
    ],
  },
  {
    owner: 'gy-yuanzhou', with: ['gyc-songjiaxiang'], partnerships: ['gy'], kind: 'lecture', by: 'gy-secretary',
    title: '金融、保险知识讲座进社区', location: '宋家巷社区党群服务中心',
    starts: '2024-09-12 15:00', ends: '2024-09-12 16:30', attendance: 52, outcome: { people_served: 52 },
    description: '讲解养老理财、防范非法集资和意外保险常识。',
  },
  {
    owner: 'gy-yuanzhou', with: ['gyc-songjiaxiang'], partnerships: ['gy'], kind: 'business', by: 'gy-secretary',
    title: '家门口的邮政：邮件自提点启用暨扫码付、报刊订阅服务日', place: '宋家巷社区邮件自提点',
    starts: '2024-11-08 09:30', ends: '2024-11-08 12:00', attendance: 64, outcome: { new_customers: 31, subscriptions: 18 },
    description: '社区邮件自提点启用；为社区商户开通扫码付，现场办理报刊订阅。',
  },
  // 银川: the pairing with 长城花园社区, where Xiji potatoes alone sold for 2 million yuan.
  {
    owner: 'yc-xicheng', with: ['ycc-changcheng'], partnerships: ['yc'], kind: 'theme_party_day',
    title: '“党建共建”启动暨主题党日', location: '长城花园社区党群服务中心',
    starts: '2024-06-18 15:00', ends: '2024-06-18 17:00', attendance: 38, outcome: { people_served: 38 },
    description: '双方党组织交流社区党建和党建与中心工作融合的做法，确定全年共建项目。',
  },
  {
    owner: 'yc-xicheng', with: ['ycc-changcheng', 'gyp-potato'], partnerships: ['yc'], kind: 'business',
    title: '“社区+助力电商扶贫农产品”：西吉土豆进社区', place: '长城花园社区邮件自提点',
    starts: '2024-09-01 09:00', ends: '2024-11-30 18:00', attendance: 0, outcome: { sales_fen: 200_000_000, new_customers: 146 },
    description: '固原西吉土豆通过邮政电商从田间直达社区餐桌，社区团购、自提点取货。',
  },
  {
    owner: 'yc-xicheng', with: ['ycc-changcheng'], partnerships: ['yc'], kind: 'lecture',
    title: '急救知识讲座：心肺复苏与 AED 使用', location: '长城花园社区多功能活动室',
    starts: '2024-10-16 15:00', ends: '2024-10-16 16:30', attendance: 45, outcome: { people_served: 45 },
    description: '专业讲师示范心肺复苏和 AED 使用，居民上手练习。',
  },
  // 赤峰: the 银马社区 agreement, the college pairing's book donation, the blood drive.
  {
    owner: 'cf', with: ['cfc-yinma'], partnerships: ['cf'], kind: 'theme_party_day', by: 'cf-officer',
    title: '签订《党建联合体工作协议》暨共建主题党日', location: '银马社区党群服务中心',
    starts: '2024-03-15 09:30', ends: '2024-03-15 11:30', attendance: 32, outcome: { people_served: 32 },
    description: '双方确定共建周期内的“三个一”目标，理清结对共建发展思路。',
  },
  {
    owner: 'cf-office', with: ['cfc-yinma'], partnerships: ['cf'], kind: 'epidemic_duty', by: 'cf-officer',
    title: '增援银马社区开展居民信息排查', location: '银马社区',
    starts: '2024-03-21 08:00', ends: '2024-03-21 18:00', attendance: 22, outcome: { people_served: 1260 },
    description: '机关党员、团员协助社区入户登记、信息采集，共同筑牢疫情防线。',
  },
  {
    owner: 'cf-office', with: ['cfc-yinma'], partnerships: ['cf'], kind: 'welfare_visit', by: 'cf-officer',
    title: '中秋走访慰问辖区困难群众', location: '银马社区',
    starts: '2024-09-14 09:00', ends: '2024-09-14 16:00', attendance: 18, outcome: { households_visited: 18, value_donated_fen: 360_000 },
    description: '走访慰问辖区困难群众 18 户，送去米面油和月饼。',
  },
  {
    owner: 'cf-philately', with: ['cfp-college', 'cfc-baoshanlu'], partnerships: ['cf-college'], kind: 'donation', by: 'cf-officer',
    title: '“我为群众办实事”社区图书捐赠', location: '宝山路社区党支部',
    starts: '2024-03-23 10:00', ends: '2024-03-23 11:30', attendance: 40, outcome: { value_donated_fen: 1_200_000 },
    description: '与赤峰学院外国语学院党总支一起向宝山路社区党支部捐赠价值 12000 元的图书，并商定开展公益讲座、培养儿童阅读能力。',
  },
  {
    owner: 'cf-philately', with: ['cfp-college', 'cfc-baoshanlu'], partnerships: ['cf-college'], kind: 'lecture', by: 'cf-officer',
    title: '公益讲座：陪孩子爱上阅读', location: '宝山路社区图书角',
    starts: '2024-06-01 09:30', ends: '2024-06-01 11:00', attendance: 35, outcome: { people_served: 35 },
    description: '外国语学院师生带来亲子共读方法和英文绘本朗读。',
  },
  {
    owner: 'cf-office', with: ['cfp-blood'], kind: 'blood_donation', by: 'cf-officer',
    title: '“热血抗疫”无偿献血', location: '赤峰市中心血站指定献血点',
    starts: '2024-02-23 09:00', ends: '2024-02-23 12:00', attendance: 26, outcome: { blood_donors: 26 },
    description: '响应血站号召，机关党员、团员参与无偿献血。',
  },
  // 常州: the 奔牛 red station with 五心苑社区, and the 志愿者邮路 founder's talk at a primary school.
  {
    owner: 'cz-benniu', with: ['czc-benniu'], partnerships: ['cz'], kind: 'convenience_service', by: 'cz-station',
    title: '防走失黄手环免费发放', place: '龙城先锋·奔牛支局红色驿站',
    starts: '2024-09-21 09:00', ends: '2024-09-21 11:30', attendance: 42, outcome: { people_served: 42 },
    description: '为患阿尔茨海默病的老人免费登记发放防走失黄手环，讲解使用方法。',
  },
  {
    owner: 'cz-benniu', with: ['czc-benniu', 'cz-delivery'], partnerships: ['cz'], kind: 'elderly_outing', by: 'cz-station',
    title: '重阳节孤寡老人“龙城一日游”', location: '常州市区',
    starts: '2024-10-11 08:30', ends: '2024-10-11 16:30', attendance: 28, outcome: { people_served: 28 },
    description: '志愿者陪同孤寡老人游览城市新貌，体验常州的发展变化。',
  },
  {
    owner: 'cz-benniu', with: ['czc-benniu'], partnerships: ['cz'], kind: 'welfare_visit', by: 'cz-station',
    title: '冬季走访慰问空巢老人', location: '五心苑社区',
    starts: '2024-12-18 09:00', ends: '2024-12-18 16:00', attendance: 12, outcome: { households_visited: 12, value_donated_fen: 240_000 },
    description: '驿站党员和社区网格员入户走访空巢老人 12 户，送去水果和冬衣，检查水电安全。',
  },
  {
    owner: 'cz-delivery', with: ['czp-xixinqiao'], kind: 'moral_lecture',
    title: '《薪火传承，大爱无疆》——“初心讲堂”走进西新桥小学', location: '常州市西新桥小学报告厅',
    starts: '2024-12-26 14:00', ends: '2024-12-26 15:00', attendance: 65, outcome: { people_served: 65 },
    description: '“志愿者邮路”创始人为 65 名学生讲述三代邮政人真心、真情、真爱为民服务的故事。',
  },
  // 衡阳: 社邮党务共建 with 人民路街道, and the 学党史学雷锋 report heard by nearly 200.
  {
    owner: 'hy-shigu', with: ['hyc-beijie'], partnerships: ['hy'], kind: 'convenience_service', by: 'hy-officer',
    title: '学雷锋志愿服务进社区', location: '北街社区',
    starts: '2024-03-05 09:00', ends: '2024-03-05 11:30', attendance: 68, outcome: { people_served: 68 },
    description: '学雷锋志愿者服务小分队为居民代缴费用、讲解邮政便民业务、免费量血压。',
  },
  {
    owner: 'hy-office', with: ['hy-shigu'], partnerships: ['hy'], kind: 'party_lesson', by: 'hy-officer',
    title: '“学党史 学雷锋”专题报告会', location: '衡阳市邮政分公司会议中心',
    starts: '2024-04-28 14:30', ends: '2024-04-28 16:30', attendance: 196, outcome: { people_served: 196 },
    description: '雷锋精神研究会衡阳分会挂牌成立；近 200 名党员、团员、志愿者现场聆听专题报告。',
  },
  {
    owner: 'hy-shigu', with: ['hyc-wuyi'], partnerships: ['hy'], kind: 'convenience_service', by: 'hy-officer',
    title: '“我为群众办实事”：无接触寄递税票、不动产登记代办进社区', location: '五一社区党群服务中心',
    starts: '2024-09-20 09:00', ends: '2024-09-20 11:30', attendance: 54, outcome: { people_served: 54 },
    description: '现场讲解并受理税票寄递、不动产登记代办，为行动不便的居民上门服务。',
  },
];

export const UPCOMING_ACTIVITIES: UpcomingActivitySpec[] = [
  {
    owner: 'wx-xishan', with: ['wxc-dongting'], partnerships: ['wx'], kind: 'convenience_service', by: 'wx-secretary',
    title: '迎新春·写春联送福进社区', location: '东亭社区党群服务中心',
    day: 12, from: '09:30', to: '11:30', capacity: 60, signupsFrom: 'wxc-dongting', signups: 5,
    description: '党员书法爱好者现场写春联、送福字，志愿者为独居老人送春联上门。',
  },
  {
    owner: 'cz-benniu', with: ['czc-benniu'], partnerships: ['cz'], kind: 'lecture', by: 'cz-station',
    title: '冬季老年人健康讲座暨黄手环登记', place: '龙城先锋·奔牛支局红色驿站',
    day: 9, from: '14:00', to: '15:30', capacity: 30, signupsFrom: 'czc-benniu', signups: 4,
    description: '社区医生讲解冬季防跌倒、防心脑血管意外；现场为需要的老人登记防走失黄手环。',
  },
  {
    owner: 'gy-yuanzhou', with: ['gyc-songjiaxiang'], partnerships: ['gy'], kind: 'stamp_party_lesson', by: 'gy-secretary',
    title: '乙巳蛇年生肖邮票赏析·集邮党课', location: '宋家巷社区党群服务中心',
    day: 10, from: '15:00', to: '16:30', capacity: 40, signupsFrom: 'gyc-songjiaxiang', signups: 4,
    description: '赏析新发行的蛇年生肖邮票，讲述生肖邮票里的时代变迁；设有奖问答。',
  },
];
