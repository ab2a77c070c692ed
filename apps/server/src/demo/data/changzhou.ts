import { org, type OrgSpec } from './types.js';

/**
 * Changzhou's first 13 "龙城先锋" red stations, one per community (常州市分公司, 2020). The article names
 * 北港, 北直街, 礼嘉 and 奔牛 支局 and the 五心苑, 宝龙 and 南苑 communities; the rest are plausible
 * neighbours. Ten station heads sit as deputy secretaries of their community's party branch.
 */
export interface RedStation {
  /** Key suffix: branch `cz-<slug>`, community `czc-<slug>`. */
  slug: string;
  office: string;
  /** Postal general branch (district company) the office belongs to. */
  district: 'zhonglou' | 'tianning' | 'wujin' | 'xinbei';
  street: string;
  community: string;
  road: string;
  lat: number;
  lng: number;
  deputySecretary: boolean;
}

export const RED_STATIONS: RedStation[] = [
  { slug: 'beigang', office: '北港支局', district: 'zhonglou', street: '北港街道', community: '北港社区', road: '邹区路18号', lat: 31.7712, lng: 119.8996, deputySecretary: true },
  { slug: 'xilin', office: '西林支局', district: 'zhonglou', street: '西林街道', community: '西林社区', road: '玉龙南路112号', lat: 31.7621, lng: 119.9248, deputySecretary: true },
  { slug: 'hehuachi', office: '荷花池支局', district: 'zhonglou', street: '荷花池街道', community: '荷花池社区', road: '晋陵北路56号', lat: 31.7935, lng: 119.9517, deputySecretary: true },
  { slug: 'nandajie', office: '南大街支局', district: 'zhonglou', street: '南大街街道', community: '南苑社区', road: '南大街21号', lat: 31.7754, lng: 119.9502, deputySecretary: false },
  { slug: 'beizhijie', office: '北直街支局', district: 'tianning', street: '天宁街道', community: '北直街社区', road: '北直街45号', lat: 31.7893, lng: 119.9611, deputySecretary: true },
  { slug: 'chashan', office: '茶山支局', district: 'tianning', street: '茶山街道', community: '丽华社区', road: '丽华北路88号', lat: 31.7838, lng: 120.0003, deputySecretary: true },
  { slug: 'diaozhuang', office: '雕庄支局', district: 'tianning', street: '雕庄街道', community: '雕庄社区', road: '劳动东路326号', lat: 31.7760, lng: 120.0365, deputySecretary: false },
  { slug: 'lijia', office: '礼嘉支局', district: 'wujin', street: '礼嘉镇', community: '礼嘉社区', road: '礼嘉大街9号', lat: 31.6452, lng: 120.0728, deputySecretary: true },
  { slug: 'benniu', office: '奔牛支局', district: 'wujin', street: '奔牛镇', community: '五心苑社区', road: '奔牛大街102号', lat: 31.9143, lng: 119.8152, deputySecretary: true },
  { slug: 'hutang', office: '湖塘支局', district: 'wujin', street: '湖塘镇', community: '花园社区', road: '花园街208号', lat: 31.7089, lng: 119.9571, deputySecretary: true },
  { slug: 'sanjing', office: '三井支局', district: 'xinbei', street: '三井街道', community: '宝龙社区', road: '太湖中路66号', lat: 31.8174, lng: 119.9702, deputySecretary: true },
  { slug: 'xuejia', office: '薛家支局', district: 'xinbei', street: '薛家镇', community: '薛家社区', road: '薛家大街17号', lat: 31.8448, lng: 119.9063, deputySecretary: true },
  { slug: 'luoxi', office: '罗溪支局', district: 'xinbei', street: '罗溪镇', community: '罗溪社区', road: '罗溪大街3号', lat: 31.9310, lng: 119.9322, deputySecretary: false },
];

const DISTRICTS = {
  zhonglou: { postal: '钟楼区分公司党总支', kind: 'general_branch', area: '常州市钟楼区' },
  tianning: { postal: '天宁区分公司党总支', kind: 'general_branch', area: '常州市天宁区' },
  wujin: { postal: '武进区分公司党委', kind: 'county_committee', area: '常州市武进区' },
  xinbei: { postal: '新北区分公司党总支', kind: 'general_branch', area: '常州市新北区' },
} as const;

export const CHANGZHOU_AREAS = Object.fromEntries(Object.entries(DISTRICTS).map(([k, v]) => [k, v.area])) as Record<RedStation['district'], string>;

/** 常州市邮政分公司党委 and the branches of its 13 stations, plus the office and delivery branches. */
export function changzhouPostal(): OrgSpec {
  const districts = (Object.keys(DISTRICTS) as RedStation['district'][]).map((d) =>
    org(
      `cz-${d}`,
      DISTRICTS[d].kind,
      DISTRICTS[d].postal,
      RED_STATIONS.filter((s) => s.district === d).map((s) => org(`cz-${s.slug}`, 'branch', `${s.office}党支部`)),
    ),
  );
  return org(
    'cz',
    'city_committee',
    '常州市邮政分公司党委',
    [
      org('cz-office', 'branch', '常州市分公司机关党支部'),
      // Home of the "志愿者邮路" carriers' volunteer team.
      org('cz-delivery', 'branch', '常州市分公司城区揽投部党支部'),
      ...districts,
    ],
    { shortName: '常州市分公司党委', code: 'CZ' },
  );
}

/** The community side of Changzhou: four districts, their streets and towns, the 13 host communities. */
export function changzhouCommunities(): OrgSpec[] {
  const grids = (slug: string, n: number) =>
    Array.from({ length: n }, (_, i) => org(`czc-${slug}-g${i + 1}`, 'grid', `第${'一二三'[i]}网格`));
  return (Object.keys(DISTRICTS) as RedStation['district'][]).map((d) => {
    const stations = RED_STATIONS.filter((s) => s.district === d);
    const streets = [...new Set(stations.map((s) => s.street))];
    const partners: OrgSpec[] = [];
    if (d === 'zhonglou') partners.push(org('czp-xixinqiao', 'school', '常州市西新桥小学'));
    if (d === 'tianning') partners.push(org('czp-hospital', 'hospital', '常州市第一人民医院'));
    if (d === 'wujin') partners.push(org('czp-wujin-police', 'police_station', '常州市公安局武进分局湖塘派出所'));
    return org(`czd-${d}`, 'district', DISTRICTS[d].area, [
      ...streets.map((street, i) =>
        org(
          `czs-${d}-${i}`,
          'street',
          street,
          stations.filter((s) => s.street === street).map((s) => org(`czc-${s.slug}`, 'community', s.community, grids(s.slug, s.slug === 'benniu' || s.slug === 'beigang' ? 3 : 1))),
        ),
      ),
      ...partners,
    ]);
  });
}
