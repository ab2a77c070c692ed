import { org, type OrgSpec } from './types.js';

/**
 * Chifeng's banners, counties and districts with the towns their outlets serve. The city company
 * set up responsibility zones at 85 outlets without a party member (2022); Aohan banner's
 * three-level logistics reaches all 222 villages of its 16 townships.
 */
export interface ChifengCounty {
  slug: string;
  name: string;
  /** Postal org: a county committee with an office branch, or a district branch. */
  kind: 'county_committee' | 'branch';
  region: string;
  lat: number;
  lng: number;
  towns: string[];
}

export const CHIFENG_COUNTIES: ChifengCounty[] = [
  { slug: 'aohan', name: '敖汉旗', kind: 'county_committee', region: '150430', lat: 42.29, lng: 119.92, towns: ['新惠镇', '四家子镇', '长胜镇', '贝子府镇', '古鲁板蒿镇', '宝国吐乡', '牛古吐镇', '下洼镇', '金厂沟梁镇', '兴隆洼镇', '萨力巴乡', '玛尼罕乡', '丰收乡', '敖润苏莫苏木', '木头营子乡', '四道湾子镇'] },
  { slug: 'harqin', name: '喀喇沁旗', kind: 'county_committee', region: '150428', lat: 41.93, lng: 118.7, towns: ['锦山镇', '美林镇', '王爷府镇', '小牛群镇', '牛家营子镇', '乃林镇', '西桥镇'] },
  { slug: 'ningcheng', name: '宁城县', kind: 'county_committee', region: '150429', lat: 41.6, lng: 119.34, towns: ['天义镇', '八里罕镇', '汐子镇', '大城子镇', '小城子镇', '大明镇', '五化镇', '忙农镇', '甸子镇', '必斯营子镇', '一肯中乡', '存金沟乡', '三座店镇'] },
  { slug: 'ongniud', name: '翁牛特旗', kind: 'county_committee', region: '150426', lat: 42.93, lng: 119.02, towns: ['乌丹镇', '梧桐花镇', '海拉苏镇', '亿合公镇', '广德公镇', '桥头镇', '五分地镇', '白音套海苏木', '阿什罕苏木', '格日僧苏木'] },
  { slug: 'bairinzuo', name: '巴林左旗', kind: 'county_committee', region: '150422', lat: 43.98, lng: 119.38, towns: ['林东镇', '隆昌镇', '十三敖包镇', '碧流台镇', '富河镇', '白音勿拉镇', '哈拉哈达镇', '乌兰达坝苏木', '查干哈达苏木'] },
  { slug: 'bairinyou', name: '巴林右旗', kind: 'county_committee', region: '150423', lat: 43.53, lng: 118.66, towns: ['大板镇', '索博日嘎镇', '宝日勿苏镇', '西拉沐沦苏木', '查干沐沦镇', '幸福之路苏木', '巴彦琥硕镇'] },
  { slug: 'linxi', name: '林西县', kind: 'county_committee', region: '150424', lat: 43.61, lng: 118.05, towns: ['林西镇', '新城子镇', '新林镇', '五十家子镇', '官地镇', '大井镇', '统部镇', '十二吐乡', '大营子乡'] },
  { slug: 'hexigten', name: '克什克腾旗', kind: 'county_committee', region: '150425', lat: 43.25, lng: 117.54, towns: ['经棚镇', '宇宙地镇', '土城子镇', '同兴镇', '万合永镇', '芝瑞镇', '达来诺日镇', '达日罕乌拉苏木', '巴彦查干苏木'] },
  { slug: 'arhorqin', name: '阿鲁科尔沁旗', kind: 'county_committee', region: '150421', lat: 43.87, lng: 120.09, towns: ['天山镇', '天山口镇', '双胜镇', '坤都镇', '巴拉奇如德苏木', '绍根镇', '扎嘎斯台镇', '罕苏木苏木'] },
  { slug: 'songshan', name: '松山区', kind: 'branch', region: '150404', lat: 42.29, lng: 118.93, towns: ['穆家营子镇', '初头朗镇', '大夫营子乡', '太平地镇', '安庆镇', '当铺地满族乡', '王府镇', '老府镇', '大庙镇'] },
  { slug: 'yuanbaoshan', name: '元宝山区', kind: 'branch', region: '150403', lat: 42.04, lng: 119.29, towns: ['平庄镇', '元宝山镇', '风水沟镇', '五家镇', '美丽河镇', '小五家回族乡'] },
  { slug: 'hongshan', name: '红山区', kind: 'branch', region: '150402', lat: 42.27, lng: 118.96, towns: ['哈达街道', '西城街道', '永巨街道', '站前街道', '长青街道', '桥北街道', '东城街道', '红庙子镇', '文钟镇'] },
];

/** 30 of Aohan's 222 villages, each with its township. */
export const AOHAN_VILLAGES: [town: string, village: string][] = [
  ['新惠镇', '扎赛营子村'], ['新惠镇', '老西店村'], ['新惠镇', '宝成村'], ['四家子镇', '四家子村'], ['四家子镇', '热水汤村'],
  ['长胜镇', '长胜村'], ['长胜镇', '榆树林子村'], ['贝子府镇', '贝子府村'], ['贝子府镇', '三道沟村'], ['古鲁板蒿镇', '古鲁板蒿村'],
  ['宝国吐乡', '宝国吐村'], ['宝国吐乡', '大五家村'], ['牛古吐镇', '牛古吐村'], ['牛古吐镇', '小房申村'], ['下洼镇', '下洼村'],
  ['下洼镇', '马架子村'], ['金厂沟梁镇', '金厂沟梁村'], ['金厂沟梁镇', '西对面沟村'], ['兴隆洼镇', '兴隆洼村'], ['兴隆洼镇', '大窝铺村'],
  ['萨力巴乡', '萨力巴村'], ['萨力巴乡', '王家营子村'], ['玛尼罕乡', '玛尼罕村'], ['丰收乡', '丰收村'], ['丰收乡', '白斯朗营子村'],
  ['敖润苏莫苏木', '敖润苏莫村'], ['木头营子乡', '木头营子村'], ['木头营子乡', '三宝山村'], ['四道湾子镇', '四道湾子村'], ['四道湾子镇', '大甸子村'],
];

export const chifengTownKey = (county: string) => `cf-${county}`;

/** 赤峰市邮政分公司党委: its office and departmental branches, the district branches, the banner and county committees. */
export function chifengPostal(): OrgSpec {
  return org(
    'cf',
    'city_committee',
    '赤峰市邮政分公司党委',
    [
      org('cf-office', 'branch', '赤峰市分公司机关党支部'),
      org('cf-philately', 'branch', '赤峰市分公司集邮与文化传媒部党支部'),
      org('cf-mailcenter', 'branch', '赤峰邮件处理中心党支部'),
      ...CHIFENG_COUNTIES.map((c) =>
        c.kind === 'branch'
          ? org(`cf-${c.slug}`, 'branch', `${c.name}分公司党支部`)
          : org(`cf-${c.slug}`, 'county_committee', `${c.name}分公司党委`, [
              org(`cf-${c.slug}-office`, 'branch', `${c.name}分公司机关党支部`),
              org(`cf-${c.slug}-ops`, 'branch', `${c.name}分公司${c.towns[0]!.replace(/[镇乡]$/, '')}营业党支部`),
            ]),
      ),
    ],
    { shortName: '赤峰市分公司党委', code: 'CF' },
  );
}

export function chifengCommunities(): OrgSpec[] {
  return [
    org('cfd-hongshan', 'district', '赤峰市红山区', [
      org('cfs-hada', 'street', '哈达街道', [org('cfc-yinma', 'community', '银马社区', [org('cfc-yinma-g1', 'grid', '第一网格'), org('cfc-yinma-g2', 'grid', '第二网格')])]),
      org('cfs-xicheng', 'street', '西城街道', [org('cfc-baoshanlu', 'community', '宝山路社区')]),
      org('cfp-college', 'school', '赤峰学院外国语学院'),
      org('cfp-blood', 'hospital', '赤峰市中心血站'),
    ]),
    org('cfd-harqin', 'district', '赤峰市喀喇沁旗', [
      // Party members of the banner company serve here as grid leaders.
      org('cfs-jinshan', 'street', '锦山镇', [org('cfc-xiangyang', 'community', '向阳社区', [org('cfc-xiangyang-g1', 'grid', '第一网格'), org('cfc-xiangyang-g2', 'grid', '第二网格')])]),
    ]),
    org('cfd-aohan', 'district', '赤峰市敖汉旗', [
      org('cfs-xinhui', 'street', '新惠镇', [org('cfc-xinhui', 'community', '城东社区')]),
      // Aohan millet, sent to the whole country through the postal logistics network.
      org('cfp-millet', 'enterprise', '敖汉旗小米产业专业合作社'),
    ]),
  ];
}
