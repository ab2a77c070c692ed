/**
 * The three lists (三张清单) in the demo: what postal branches offer, what communities and residents ask
 * for (a resident's order carries their name and phone, taken from the community's demo residents), and
 * the projects that match them: one fulfilled and confirmed by the resident, one claimed by a station head,
 * one still open. Times are Shanghai wall-clock; `by` is the demo login that entered the item.
 */

export interface ResourceSpec {
  key: string;
  owner: string;
  title: string;
  description: string;
  at: string;
  available?: boolean;
  by?: string;
}

export interface NeedSpec {
  key: string;
  /** The community (or street) the need belongs to. */
  org: string;
  kind: 'need' | 'wish';
  /** A resident's own order (居民点单) from the public page, or the community's own entry. */
  source: 'resident' | 'community';
  title: string;
  description: string;
  at: string;
  by?: string;
}

export interface ProjectSpec {
  owner: string;
  need?: string;
  resource?: string;
  title: string;
  at: string;
  dueOn: string | null;
  claimed?: { by: string; at: string };
  done?: { at: string; outcome: string; beneficiaryConfirmed: boolean; proofNote?: string };
}

export const RESOURCES: ResourceSpec[] = [
  { key: 'wx-volunteers', owner: 'wx-xishan', title: '党员志愿者便民服务队', description: '免费理发、量血压、磨刀，小修小补；可按社区需要预约上门或进社区。', at: '2024-04-08 10:00', by: 'wx-secretary' },
  { key: 'wx-antifraud', owner: 'wx-xishan', title: '警邮合作反诈宣传', description: '联合东亭派出所提供反诈宣传册、展板和民警现场讲解。', at: '2024-04-08 10:05', by: 'wx-secretary' },
  { key: 'gy-stamps', owner: 'gy-yuanzhou', title: '“我和我的祖国”主题集邮党课与邮票展览', description: '集邮党课讲师、邮票展板，有奖问答的纪念邮票奖品。', at: '2024-07-10 09:30', by: 'gy-secretary' },
  { key: 'yc-produce', owner: 'yc-xicheng', title: '电商助农农产品进社区', description: '西吉土豆等扶贫农产品社区团购，送到社区邮件自提点取货。', at: '2024-06-05 11:00' },
  { key: 'cz-station', owner: 'cz-benniu', title: '红色驿站歇脚与便民服务', description: '户外劳动者歇脚、热水、饭菜加热、手机充电；物品暂存、包裹自提；雨伞、小药箱、工具箱借用。', at: '2024-07-02 09:00', by: 'cz-station' },
  { key: 'cz-route', owner: 'cz-delivery', title: '志愿者邮路：投递员结对上门服务', description: '投递员与沿线孤寡空巢老人、残疾人结对：打扫卫生、代购日用品、代办邮政业务、水电维修、信报箱锁修理、上门理发、代亲探望。', at: '2024-07-02 09:10' },
  { key: 'cf-books', owner: 'cf-philately', title: '图书与报刊资源', description: '向社区捐赠图书、赠阅报刊；联合赤峰学院开展儿童阅读公益讲座。', at: '2024-03-20 15:00', by: 'cf-officer' },
  { key: 'cf-villages', owner: 'cf-aohan', title: '三级物流村级服务站代收代寄', description: '敖汉旗 222 个行政村全部通邮，村级服务站代收代寄，敖汉小米等农产品上行。', at: '2024-03-01 10:00', by: 'cf-officer' },
  { key: 'hy-luggage', owner: 'hy-office', title: '大学新生行李免费寄送', description: '为考入大学的新生免费寄送 20 公斤行李（每年 7—9 月受理）。', at: '2024-06-20 10:00', available: false, by: 'hy-officer' },
];

export const NEEDS: NeedSpec[] = [
  { key: 'wx-mailbox', org: 'wxc-jinxiyuan', kind: 'wish', source: 'resident', title: '信报箱锁坏了，希望帮忙修一修', description: '一个人住，腿脚不便，信报箱的锁芯锈住打不开。', at: '2024-12-02 09:12' },
  { key: 'wx-couplets', org: 'wxc-dongting', kind: 'wish', source: 'resident', title: '春节前希望有人帮忙贴春联、打扫卫生', description: '独居，爬不了梯子。', at: '2025-01-08 10:26' },
  { key: 'cz-haircut', org: 'czc-benniu', kind: 'wish', source: 'resident', title: '行动不便，希望有人上门理发', description: '老伴卧床，两个人都出不了门，想在春节前理个发。', at: '2025-01-07 16:40' },
  { key: 'yc-video', org: 'ycc-changcheng', kind: 'wish', source: 'resident', title: '想学用智能手机和外地的女儿视频通话', description: '', at: '2024-12-16 14:05' },
  { key: 'cf-reading', org: 'cfc-yinma', kind: 'need', source: 'community', title: '社区老年活动室希望增添图书报刊', description: '老年活动室每天有三四十位老人，读物很少，希望增添大字版图书和报刊。', at: '2024-11-20 10:00', by: 'cf-community' },
  { key: 'gy-lessons', org: 'gyc-songjiaxiang', kind: 'need', source: 'community', title: '希望每季度开展一次集邮知识讲座', description: '“我和我的祖国”集邮党课后，不少居民想系统学一学集邮知识。', at: '2024-08-05 09:40' },
  { key: 'hy-pickup', org: 'hyc-beijie', kind: 'need', source: 'community', title: '老旧小区快递无处存放，希望就近设邮件自提点', description: '小区没有物业，快递常放在楼道里丢失。', at: '2024-10-09 15:20' },
];

export const PROJECTS: ProjectSpec[] = [
  {
    owner: 'wx-xishan', need: 'wx-mailbox', resource: 'wx-volunteers', title: '为金锡苑独居老人修理信报箱锁', at: '2024-12-03 08:50', dueOn: '2024-12-10',
    claimed: { by: 'wx-secretary', at: '2024-12-03 08:50' },
    done: { at: '2024-12-05 15:30', outcome: '党员志愿者上门更换信报箱锁芯，配好两把钥匙，顺带清理了积压的信件。', beneficiaryConfirmed: true },
  },
  {
    owner: 'cz-benniu', need: 'cz-haircut', resource: 'cz-route', title: '上门为五心苑卧床老人夫妇理发', at: '2025-01-08 10:00', dueOn: '2025-01-25',
    claimed: { by: 'cz-station', at: '2025-01-08 10:00' },
  },
  { owner: 'cf-philately', need: 'cf-reading', resource: 'cf-books', title: '为银马社区老年活动室配送大字版图书和报刊', at: '2024-11-22 09:30', dueOn: '2025-02-28' },
];
