/** Where the demo's people live: province prefix of addresses and the districts (with ID-card region codes) of each city. */
export interface CityLocality {
  province: string;
  city: string;
  districts: [name: string, region: string][];
}

export const CITY_LOCALITIES: Record<'gy' | 'yc' | 'wx' | 'cz' | 'hy' | 'cf', CityLocality> = {
  gy: { province: '宁夏回族自治区', city: '固原市', districts: [['原州区', '640402'], ['西吉县', '640422'], ['彭阳县', '640425']] },
  yc: { province: '宁夏回族自治区', city: '银川市', districts: [['兴庆区', '640104'], ['西夏区', '640105'], ['金凤区', '640106']] },
  wx: { province: '江苏省', city: '无锡市', districts: [['锡山区', '320205'], ['惠山区', '320206'], ['梁溪区', '320213']] },
  cz: { province: '江苏省', city: '常州市', districts: [['钟楼区', '320404'], ['天宁区', '320402'], ['武进区', '320412'], ['新北区', '320411']] },
  hy: { province: '湖南省', city: '衡阳市', districts: [['石鼓区', '430407'], ['雁峰区', '430406'], ['珠晖区', '430405'], ['蒸湘区', '430408'], ['衡南县', '430422'], ['衡阳县', '430421'], ['耒阳市', '430481']] },
  cf: { province: '内蒙古自治区', city: '赤峰市', districts: [['红山区', '150402'], ['松山区', '150404'], ['元宝山区', '150403'], ['敖汉旗', '150430'], ['喀喇沁旗', '150428'], ['宁城县', '150429']] },
};

export type CityKey = keyof typeof CITY_LOCALITIES;

/** The city an org key belongs to: every demo key starts with its city's two letters (gy, yc, wx, cz, hy, cf). */
export function cityOfKey(key: string): CityKey | null {
  const prefix = key.slice(0, 2);
  return prefix in CITY_LOCALITIES ? (prefix as CityKey) : null;
}

/** ID-card region code of each community-side district root. */
export const DISTRICT_REGIONS: Record<string, string> = {
  'gyd-yuanzhou': '640402',
  'ycd-xingqing': '640104',
  'wxd-xishan': '320205',
  'czd-zhonglou': '320404',
  'czd-tianning': '320402',
  'czd-wujin': '320412',
  'czd-xinbei': '320411',
  'hyd-shigu': '430407',
  'hyd-yanfeng': '430406',
  'hyd-hengnan': '430422',
  'cfd-hongshan': '150402',
  'cfd-harqin': '150428',
  'cfd-aohan': '150430',
};
