import { org, type OrgSpec } from './types.js';

/**
 * Ningxia (固原, 银川), Wuxi and Hengyang. Branch and community names follow the articles:
 * 原州区分公司 ↔ 宋家巷社区, 银川西城分公司党支部 ↔ 长城花园社区党总支, 锡山区分公司党支部 ↔
 * 鹅湖/东亭街道 with 东亭派出所, 衡阳市分公司 with 衡南县分公司党委 and 14 学雷锋 teams.
 */

export function ningxiaPostal(): OrgSpec {
  return org(
    'nx',
    'province_committee',
    '中国邮政集团有限公司宁夏回族自治区分公司党委',
    [
      org(
        'gy',
        'city_committee',
        '固原市邮政分公司党委',
        [
          org('gy-office', 'branch', '固原市分公司机关党支部'),
          org('gy-yuanzhou', 'branch', '原州区分公司党支部'),
          org('gy-xiji', 'branch', '西吉县分公司党支部'),
          org('gy-pengyang', 'branch', '彭阳县分公司党支部'),
        ],
        { shortName: '固原市分公司党委', code: 'GY' },
      ),
      org(
        'yc',
        'city_committee',
        '银川市邮政分公司党委',
        [
          org('yc-office', 'branch', '银川市分公司机关党支部'),
          org('yc-xicheng', 'branch', '银川西城分公司党支部'),
          org('yc-xingqing', 'branch', '兴庆区分公司党支部'),
        ],
        { shortName: '银川市分公司党委', code: 'YC' },
      ),
    ],
    { shortName: '宁夏区分公司党委', code: 'NX' },
  );
}

export function wuxiPostal(): OrgSpec {
  return org(
    'wx',
    'city_committee',
    '无锡市邮政分公司党委',
    [
      org('wx-office', 'branch', '无锡市分公司机关党支部'),
      org('wx-xishan', 'branch', '锡山区分公司党支部', [], { shortName: '锡山邮政分局党支部' }),
      org('wx-huishan', 'branch', '惠山区分公司党支部'),
      org('wx-liangxi', 'branch', '梁溪区分公司党支部'),
    ],
    { shortName: '无锡市分公司党委', code: 'WX' },
  );
}

export const HENGYANG_COUNTIES = [
  { slug: 'hengnan', name: '衡南县' },
  { slug: 'hengyangxian', name: '衡阳县' },
  { slug: 'leiyang', name: '耒阳市' },
] as const;

export function hengyangPostal(): OrgSpec {
  return org(
    'hy',
    'city_committee',
    '衡阳市邮政分公司党委',
    [
      org('hy-office', 'branch', '衡阳市分公司机关党支部'),
      org('hy-shigu', 'branch', '石鼓区分公司党支部'),
      org('hy-yanfeng', 'branch', '雁峰区分公司党支部'),
      org('hy-zhuhui', 'branch', '珠晖区分公司党支部'),
      org('hy-zhengxiang', 'branch', '蒸湘区分公司党支部'),
      ...HENGYANG_COUNTIES.map((c) =>
        org(`hy-${c.slug}`, 'county_committee', `${c.name}分公司党委`, [
          org(`hy-${c.slug}-office`, 'branch', `${c.name}分公司机关党支部`),
          org(`hy-${c.slug}-counter`, 'branch', `${c.name}分公司营业党支部`),
          org(`hy-${c.slug}-delivery`, 'branch', `${c.name}分公司投递党支部`),
        ]),
      ),
    ],
    { shortName: '衡阳市分公司党委', code: 'HY' },
  );
}

const grid = (key: string, n: number) => Array.from({ length: n }, (_, i) => org(`${key}-g${i + 1}`, 'grid', `第${'一二三'[i]}网格`));

export function otherCommunities(): OrgSpec[] {
  return [
    org('gyd-yuanzhou', 'district', '固原市原州区', [
      org('gys-nanguan', 'street', '南关街道', [org('gyc-songjiaxiang', 'community', '宋家巷社区', grid('gyc-songjiaxiang', 2)), org('gyc-wenhuaxiang', 'community', '文化巷社区')]),
      // Sells Xiji potatoes into city communities through the postal e-commerce channel.
      org('gyp-potato', 'enterprise', '固原市西吉马铃薯产销专业合作社'),
    ]),
    org('ycd-xingqing', 'district', '银川市兴庆区', [
      org('ycs-funingjie', 'street', '富宁街街道', [org('ycc-changcheng', 'community', '长城花园社区', grid('ycc-changcheng', 2))]),
    ]),
    org('wxd-xishan', 'district', '无锡市锡山区', [
      org('wxs-dongting', 'street', '东亭街道', [
        org('wxc-dongting', 'community', '东亭社区', grid('wxc-dongting', 2)),
        org('wxc-jinxiyuan', 'community', '金锡苑社区', grid('wxc-jinxiyuan', 1)),
        org('wxc-chunhe', 'community', '春合社区'),
      ]),
      org('wxs-ehu', 'street', '鹅湖街道', [org('wxc-ehu', 'community', '鹅湖社区', grid('wxc-ehu', 1)), org('wxc-dangkou', 'community', '荡口社区')]),
      org('wxp-dongting-police', 'police_station', '无锡市公安局锡山分局东亭派出所'),
      org('wxp-hospital', 'hospital', '无锡市锡山人民医院'),
      org('wxp-school', 'school', '无锡市东亭实验小学'),
    ]),
    org('hyd-shigu', 'district', '衡阳市石鼓区', [
      org('hys-renminlu', 'street', '人民路街道', [org('hyc-beijie', 'community', '北街社区'), org('hyc-wuyi', 'community', '五一社区')]),
      org('hyp-school', 'school', '衡阳师范学院'),
    ]),
    org('hyd-yanfeng', 'district', '衡阳市雁峰区', [
      org('hys-xianfeng', 'street', '先锋街道', [org('hyc-xianfeng', 'community', '先锋社区', grid('hyc-xianfeng', 1))]),
      org('hyp-hospital', 'hospital', '衡阳市中心医院'),
    ]),
    org('hyd-hengnan', 'district', '衡阳市衡南县', [org('hys-yunji', 'street', '云集街道', [org('hyc-yunji', 'community', '云集社区')])]),
  ];
}
