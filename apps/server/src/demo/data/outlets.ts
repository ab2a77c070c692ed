/**
 * Outlets and pickup points of Ningxia, Wuxi and Hengyang: [org key, name, address, has a party member].
 * Hengyang's rural outlets without a member are covered by 包片/包点 (a cadre or member assigned by the committee).
 */
export const OTHER_OUTLETS: { org: string; city: 'gy' | 'yc' | 'wx' | 'hy'; name: string; address: string; member: boolean }[] = [
  { org: 'gy-yuanzhou', city: 'gy', name: '原州区南关邮政支局', address: '宁夏回族自治区固原市原州区南关街道中山南街45号', member: true },
  { org: 'gy-yuanzhou', city: 'gy', name: '原州区文化街邮政所', address: '宁夏回族自治区固原市原州区文化街18号', member: true },
  { org: 'gy-xiji', city: 'gy', name: '西吉县吉强邮政支局', address: '宁夏回族自治区固原市西吉县吉强镇西兰街12号', member: true },
  { org: 'gy-xiji', city: 'gy', name: '西吉县将台邮政所', address: '宁夏回族自治区固原市西吉县将台堡镇将台街3号', member: false },
  { org: 'gy-pengyang', city: 'gy', name: '彭阳县白阳邮政支局', address: '宁夏回族自治区固原市彭阳县白阳镇茹河路6号', member: true },
  { org: 'yc-xicheng', city: 'yc', name: '银川市西城邮政支局', address: '宁夏回族自治区银川市西夏区怀远西路31号', member: true },
  { org: 'yc-xingqing', city: 'yc', name: '银川市解放街邮政支局', address: '宁夏回族自治区银川市兴庆区解放东街102号', member: true },
  { org: 'wx-xishan', city: 'wx', name: '锡山东亭邮政支局', address: '江苏省无锡市锡山区东亭街道东亭中路15号', member: true },
  { org: 'wx-xishan', city: 'wx', name: '锡山鹅湖邮政支局', address: '江苏省无锡市锡山区鹅湖街道鹅湖大街8号', member: true },
  { org: 'wx-xishan', city: 'wx', name: '锡山荡口邮政所', address: '江苏省无锡市锡山区鹅湖街道荡口古镇北仓河路2号', member: false },
  { org: 'wx-xishan', city: 'wx', name: '锡山安镇邮政支局', address: '江苏省无锡市锡山区安镇街道安镇大街21号', member: true },
  { org: 'wx-xishan', city: 'wx', name: '锡山羊尖邮政所', address: '江苏省无锡市锡山区羊尖镇羊尖大街6号', member: false },
  { org: 'hy-shigu', city: 'hy', name: '石鼓区人民路邮政支局', address: '湖南省衡阳市石鼓区人民路58号', member: true },
  { org: 'hy-shigu', city: 'hy', name: '石鼓区中山北路邮政所', address: '湖南省衡阳市石鼓区中山北路112号', member: true },
  { org: 'hy-yanfeng', city: 'hy', name: '雁峰区先锋路邮政支局', address: '湖南省衡阳市雁峰区先锋路23号', member: true },
  { org: 'hy-zhuhui', city: 'hy', name: '珠晖区东风路邮政支局', address: '湖南省衡阳市珠晖区东风南路77号', member: true },
  { org: 'hy-zhengxiang', city: 'hy', name: '蒸湘区华新邮政支局', address: '湖南省衡阳市蒸湘区华新开发区船山大道9号', member: true },
  { org: 'hy-hengnan-counter', city: 'hy', name: '衡南县云集邮政支局', address: '湖南省衡阳市衡南县云集街道云集大道36号', member: true },
  { org: 'hy-hengnan-counter', city: 'hy', name: '衡南县车江邮政所', address: '湖南省衡阳市衡南县车江镇车江街4号', member: false },
  { org: 'hy-hengnan-counter', city: 'hy', name: '衡南县茶市邮政所', address: '湖南省衡阳市衡南县茶市镇茶市街11号', member: false },
  { org: 'hy-hengnan-counter', city: 'hy', name: '衡南县泉溪邮政所', address: '湖南省衡阳市衡南县泉溪镇泉溪街2号', member: false },
  { org: 'hy-hengyangxian-counter', city: 'hy', name: '衡阳县西渡邮政支局', address: '湖南省衡阳市衡阳县西渡镇蒸阳北路20号', member: true },
  { org: 'hy-hengyangxian-counter', city: 'hy', name: '衡阳县界牌邮政所', address: '湖南省衡阳市衡阳县界牌镇界牌街7号', member: false },
  { org: 'hy-hengyangxian-counter', city: 'hy', name: '衡阳县演陂邮政所', address: '湖南省衡阳市衡阳县演陂镇演陂街5号', member: false },
  { org: 'hy-leiyang-counter', city: 'hy', name: '耒阳市蔡子池邮政支局', address: '湖南省衡阳市耒阳市蔡子池街道五一路40号', member: true },
  { org: 'hy-leiyang-counter', city: 'hy', name: '耒阳市哲桥邮政所', address: '湖南省衡阳市耒阳市哲桥镇哲桥街9号', member: false },
  { org: 'hy-leiyang-counter', city: 'hy', name: '耒阳市公平邮政所', address: '湖南省衡阳市耒阳市公平圩镇公平街3号', member: false },
];

export const PICKUP_POINTS: { org: string; city: 'gy' | 'yc' | 'wx' | 'cz'; name: string; address: string }[] = [
  { org: 'gy-yuanzhou', city: 'gy', name: '宋家巷社区邮件自提点', address: '宁夏回族自治区固原市原州区南关街道宋家巷社区服务中心一楼' },
  { org: 'yc-xicheng', city: 'yc', name: '长城花园社区邮件自提点', address: '宁夏回族自治区银川市兴庆区富宁街街道长城花园小区南门' },
  { org: 'wx-xishan', city: 'wx', name: '金锡苑邮件自提点', address: '江苏省无锡市锡山区东亭街道金锡苑小区3号楼旁' },
  { org: 'wx-xishan', city: 'wx', name: '东亭社区邮件自提点', address: '江苏省无锡市锡山区东亭街道东亭社区党群服务中心' },
  { org: 'cz-beigang', city: 'cz', name: '北港社区邮件自提点', address: '江苏省常州市钟楼区北港街道北港社区党群服务中心' },
  { org: 'cz-sanjing', city: 'cz', name: '宝龙社区邮件自提点', address: '江苏省常州市新北区三井街道宝龙社区服务站' },
  { org: 'cz-benniu', city: 'cz', name: '五心苑社区邮件自提点', address: '江苏省常州市武进区奔牛镇五心苑小区物业中心' },
];

export const CITY_CENTERS: Record<'gy' | 'yc' | 'wx' | 'hy' | 'cz', { lat: number; lng: number }> = {
  gy: { lat: 36.0159, lng: 106.2427 },
  yc: { lat: 38.4872, lng: 106.2309 },
  wx: { lat: 31.5898, lng: 120.3576 },
  hy: { lat: 26.8934, lng: 112.5720 },
  cz: { lat: 31.8107, lng: 119.9741 },
};
