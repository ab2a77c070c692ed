import { OUTCOME_LABELS, type Locale, type OutcomeField } from '@youshe/shared';

type Period = 'month' | 'quarter' | 'year';

/** Every word a report prints that does not come from the records, in one language. */
export interface ReportText {
  figures: Record<string, string>;
  /** Prefix of an activity outcome figure: 活动成效·服务人数. */
  outcome: string;
  /** A month in a table: 2026年3月, March 2026. */
  month: (year: number, month: number) => string;
  /** A month under a bar of the chart: 3月, Mar. */
  monthShort: (month: number) => string;
  period: (period: Period, year: number, index: number) => string;
  title: (org: string, period: string) => string;
  scope: (org: string, period: string, date: string) => string;
  derived: string;
  headings: { figures: string; months: string; kinds: string; units: string; goals: string; highlights: string; photos: string };
  cols: {
    metric: string;
    value: string;
    month: string;
    activities: string;
    attendance: string;
    kind: string;
    unit: string;
    partnership: string;
    goal: string;
    progress: string;
    date: string;
    activity: string;
    organiser: string;
    people: string;
  };
  chartAlt: string;
  truncated: (n: number) => string;
  quote: (text: string, speaker: string, activity: string) => string;
  platform: string;
}

const QUARTERS_CN = ['一', '二', '三', '四'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const zhCN: ReportText = {
  figures: {
    activities: '开展共建活动（次）',
    attendance: '参与群众（人次）',
    partnerships: '在期共建协议（个）',
    goals: '共建目标（项）',
    goals_met: '已完成目标（项）',
    outlets_without_member: '党员空白网点（个）',
    outlets_covered: '已落实党员责任区（个）',
    stations: '红色驿站（个）',
    station_services: '驿站服务（次）',
    volunteers: '志愿者（人）',
    volunteer_minutes: '志愿服务时长（小时）',
    visits: '关爱走访（次）',
    visits_received: '接受关爱走访（次）',
    care_recipients: '关爱对象（人）',
    alerts: '关爱预警（条）',
    alerts_open: '未处理预警（条）',
    alerts_overdue: '超时未处理预警（条）',
    alerts_closed_in_time: '按时处置预警（条）',
    bookings: '预约服务（人次）',
    outcome_records: '业务成效记录（条）',
    outcome_amount_fen: '业务成效金额（元）',
  },
  outcome: '活动成效·',
  month: (y, m) => `${y}年${m}月`,
  monthShort: (m) => `${m}月`,
  period: (p, y, i) => (p === 'month' ? `${y}年${i}月` : p === 'quarter' ? `${y}年第${QUARTERS_CN[i - 1]}季度` : `${y}年度`),
  title: (org, period) => `${org}${period}党建共建工作报告`,
  scope: (org, period, date) => `统计范围：${org}及所属单位  统计期间：${period}  生成时间：${date}`,
  derived: '本报告中的数字均由平台根据各单位的活动、签到、走访等记录自动汇总，未经手工填报。',
  headings: {
    figures: '一、主要数据',
    months: '二、分月情况',
    kinds: '三、活动类型',
    units: '四、所属单位',
    goals: '五、共建目标进展',
    highlights: '六、主要活动',
    photos: '七、活动剪影',
  },
  cols: {
    metric: '指标',
    value: '数值',
    month: '月份',
    activities: '开展活动（次）',
    attendance: '参与群众（人次）',
    kind: '类型',
    unit: '单位',
    partnership: '共建协议',
    goal: '目标',
    progress: '进度',
    date: '日期',
    activity: '活动',
    organiser: '组织单位',
    people: '参与（人次）',
  },
  chartAlt: '各月开展共建活动次数柱状图',
  truncated: (n) => `（列出本期前 ${n} 项，完整清单见活动台账。）`,
  quote: (text, speaker, activity) => `“${text}”——${speaker}（${activity}）`,
  platform: '全平台',
};

const zhTW: ReportText = {
  figures: {
    activities: '開展共建活動（次）',
    attendance: '參與群眾（人次）',
    partnerships: '在期共建協議（個）',
    goals: '共建目標（項）',
    goals_met: '已完成目標（項）',
    outlets_without_member: '黨員空白網點（個）',
    outlets_covered: '已落實黨員責任區（個）',
    stations: '紅色驛站（個）',
    station_services: '驛站服務（次）',
    volunteers: '志願者（人）',
    volunteer_minutes: '志願服務時長（小時）',
    visits: '關愛走訪（次）',
    visits_received: '接受關愛走訪（次）',
    care_recipients: '關愛對象（人）',
    alerts: '關愛預警（條）',
    alerts_open: '未處理預警（條）',
    alerts_overdue: '超時未處理預警（條）',
    alerts_closed_in_time: '按時處置預警（條）',
    bookings: '預約服務（人次）',
    outcome_records: '業務成效記錄（條）',
    outcome_amount_fen: '業務成效金額（元）',
  },
  outcome: '活動成效·',
  month: zhCN.month,
  monthShort: zhCN.monthShort,
  period: (p, y, i) => (p === 'month' ? `${y}年${i}月` : p === 'quarter' ? `${y}年第${QUARTERS_CN[i - 1]}季` : `${y}年度`),
  title: (org, period) => `${org}${period}黨建共建工作報告`,
  scope: (org, period, date) => `統計範圍：${org}及所屬單位  統計期間：${period}  產生時間：${date}`,
  derived: '本報告中的數字均由平臺根據各單位的活動、簽到、走訪等紀錄自動彙總，未經手工填報。',
  headings: {
    figures: '一、主要數據',
    months: '二、分月情況',
    kinds: '三、活動類型',
    units: '四、所屬單位',
    goals: '五、共建目標進展',
    highlights: '六、主要活動',
    photos: '七、活動剪影',
  },
  cols: {
    metric: '指標',
    value: '數值',
    month: '月份',
    activities: '開展活動（次）',
    attendance: '參與群眾（人次）',
    kind: '類型',
    unit: '單位',
    partnership: '共建協議',
    goal: '目標',
    progress: '進度',
    date: '日期',
    activity: '活動',
    organiser: '組織單位',
    people: '參與（人次）',
  },
  chartAlt: '各月開展共建活動次數長條圖',
  truncated: (n) => `（列出本期前 ${n} 項，完整清單見活動台帳。）`,
  quote: zhCN.quote,
  platform: '全平臺',
};

const en: ReportText = {
  figures: {
    activities: 'Co-construction activities held',
    attendance: 'People reached (attendances)',
    partnerships: 'Partnerships in force',
    goals: 'Partnership goals',
    goals_met: 'Goals met',
    outlets_without_member: 'Outlets without a Party member',
    outlets_covered: 'Outlets in a Party member’s zone',
    stations: 'Red stations',
    station_services: 'Station services',
    volunteers: 'Volunteers',
    volunteer_minutes: 'Volunteer hours',
    visits: 'Care visits',
    visits_received: 'Care visits received',
    care_recipients: 'People cared for',
    alerts: 'Care alerts raised',
    alerts_open: 'Open alerts',
    alerts_overdue: 'Overdue alerts',
    alerts_closed_in_time: 'Alerts closed in time',
    bookings: 'Bookings',
    outcome_records: 'Business outcome records',
    outcome_amount_fen: 'Business outcomes (yuan)',
  },
  outcome: 'Activity outcome: ',
  month: (y, m) => `${MONTHS_EN[m - 1]} ${y}`,
  monthShort: (m) => MONTHS_EN[m - 1]!.slice(0, 3),
  period: (p, y, i) => (p === 'month' ? `${MONTHS_EN[i - 1]} ${y}` : p === 'quarter' ? `Q${i} ${y}` : `the year ${y}`),
  title: (org, period) => `Party-building co-construction report of ${org}, ${period}`,
  scope: (org, period, date) => `Scope: ${org} and the units under it   Period: ${period}   Generated: ${date}`,
  derived:
    'Every figure in this report was summed by the platform from the records of activities, check-ins and visits kept by each unit; none was entered by hand.',
  headings: {
    figures: '1. Key figures',
    months: '2. Month by month',
    kinds: '3. Kinds of activity',
    units: '4. Units',
    goals: '5. Partnership goals',
    highlights: '6. Main activities',
    photos: '7. Photos',
  },
  cols: {
    metric: 'Figure',
    value: 'Value',
    month: 'Month',
    activities: 'Activities held',
    attendance: 'People reached',
    kind: 'Kind',
    unit: 'Unit',
    partnership: 'Partnership',
    goal: 'Goal',
    progress: 'Progress',
    date: 'Date',
    activity: 'Activity',
    organiser: 'Organised by',
    people: 'People',
  },
  chartAlt: 'Bar chart of co-construction activities held each month',
  truncated: (n) => `(The first ${n} activities of the period; the activity ledger lists them all.)`,
  quote: (text, speaker, activity) => `“${text}” — ${speaker} (${activity})`,
  platform: 'All organisations',
};

export const REPORT_TEXT: Record<Locale, ReportText> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** A figure's printed name; activity outcomes reuse the labels the activity forms use. */
export function figureLabel(text: ReportText, locale: Locale, metric: string): string {
  if (metric.startsWith('outcome:')) {
    const key = metric.slice(8) as OutcomeField;
    return `${text.outcome}${OUTCOME_LABELS[locale][key] ?? key}`;
  }
  return text.figures[metric] ?? metric;
}
