import { sql } from 'drizzle-orm';
import { OUTCOME_LABELS, formatOutcome, type OutcomeField, type reportQuerySchema } from '@youshe/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/access.js';
import type { FileStore } from '../../platform/files.js';
import type { ActivitiesService } from '../activities/activities.service.js';
import { ledgerRows } from '../activities/ledger.js';
import type { QuotesService } from '../activities/quotes.service.js';
import type { DashboardService } from './dashboard.service.js';
import { rowsOf } from './rollups.js';

type Query = z.infer<typeof reportQuerySchema>;

/** Names of the figures as a report prints them (reports are written in Chinese, the language they are filed in). */
export const FIGURE_LABELS: Record<string, string> = {
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
};

export function figureLabel(metric: string): string {
  if (metric.startsWith('outcome:')) {
    const key = metric.slice(8) as OutcomeField;
    return `活动成效·${OUTCOME_LABELS['zh-CN'][key] ?? key}`;
  }
  return FIGURE_LABELS[metric] ?? metric;
}

export function figureValue(metric: string, value: number): string {
  if (metric.startsWith('outcome:')) return formatOutcome(metric.slice(8) as OutcomeField, value);
  if (metric.endsWith('_fen')) return (value / 100).toFixed(2);
  if (metric === 'volunteer_minutes') return (value / 60).toFixed(1);
  return String(value);
}

const pad = (n: number) => String(n).padStart(2, '0');
const QUARTERS = ['一', '二', '三', '四'];

/** The months a report covers and its name: 2026年11月, 2026年第四季度, 2026年度. */
export function reportPeriod(period: Query['period'], date: string) {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (period === 'month') return { from: `${year}-${pad(month)}`, to: `${year}-${pad(month)}`, label: `${year}年${month}月` };
  if (period === 'quarter') {
    const q = Math.floor((month - 1) / 3);
    return { from: `${year}-${pad(q * 3 + 1)}`, to: `${year}-${pad(q * 3 + 3)}`, label: `${year}年第${QUARTERS[q]}季度` };
  }
  return { from: `${year}-01`, to: `${year}-12`, label: `${year}年度` };
}

const HIGHLIGHTS = 30;
const PHOTOS = 4;

/**
 * Everything a report prints, gathered once for both formats: the dashboard's figures (from the rollups),
 * the activities of the period through the ledger's own data path, and a few photos from the file store.
 */
export async function gatherReport(
  db: Db,
  files: FileStore,
  dashboard: DashboardService,
  activities: ActivitiesService,
  quotes: QuotesService,
  actor: Actor,
  q: Query,
) {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const period = reportPeriod(q.period, q.date ?? today);
  const d = await dashboard.get(actor, { orgId: q.orgId, from: period.from, to: period.to });
  const fromIso = `${period.from}-01T00:00:00+08:00`;
  const [ty, tm] = period.to.split('-').map(Number) as [number, number];
  const toIso = new Date(Date.UTC(ty, tm, 1) - 8 * 3600_000 - 1).toISOString();
  const { rows: listed, truncated } = await ledgerRows(
    activities,
    quotes,
    actor,
    { orgId: d.org.id ?? undefined, from: fromIso, to: toIso },
    HIGHLIGHTS,
  );
  const held = listed.filter((a) => a.status === 'closed');

  // Photos of the activities held in the period, newest first, a few of them.
  const photoRows = held.length
    ? rowsOf<{ file_key: string; caption: string | null; title: string; width: number; height: number }>(
        await db.execute(sql`select ph.file_key, ph.caption, a.title, ph.width, ph.height from activity_photos ph join activities a on a.id = ph.activity_id
          where ph.activity_id in (${sql.join(
            held.map((a) => sql`${a.id}::uuid`),
            sql`, `,
          )}) order by ph.created_at desc limit ${PHOTOS}`),
      )
    : [];
  const photos: { data: Buffer; caption: string; width: number; height: number }[] = [];
  for (const p of photoRows) {
    const data = await files.get(p.file_key);
    if (data) photos.push({ data, caption: p.caption ?? p.title, width: Number(p.width), height: Number(p.height) });
  }

  const headline = [
    'activities',
    'attendance',
    ...Object.keys(d.totals)
      .filter((k) => k.startsWith('outcome:'))
      .sort(),
  ];
  const figures = [
    ...headline.map((m) => ({ metric: m, label: figureLabel(m), value: figureValue(m, d.totals[m] ?? 0) })),
    ...Object.entries(d.totals)
      .filter(([m]) => !headline.includes(m) && !m.includes(':'))
      .map(([m, v]) => ({ metric: m, label: figureLabel(m), value: figureValue(m, v) })),
    ...Object.entries(d.current).map(([m, v]) => ({ metric: m, label: figureLabel(m), value: figureValue(m, v) })),
  ];
  const kindName = new Map(d.kinds.map((k) => [k.kindId, k.name]));
  const byKind = Object.keys(d.totals)
    .filter((m) => m.startsWith('activities:'))
    .map((m) => {
      const kind = m.slice(11);
      return { name: kindName.get(kind) ?? kind, activities: d.totals[m] ?? 0, attendance: d.totals[`attendance:${kind}`] ?? 0 };
    })
    .sort((a, b) => b.activities - a.activities);
  return {
    title: `${d.org.name}${period.label}党建共建工作报告`,
    orgName: d.org.name,
    periodLabel: period.label,
    generatedAt: new Date(),
    figures,
    months: d.months.map((m) => ({ month: m.month, activities: m.figures.activities ?? 0, attendance: m.figures.attendance ?? 0 })),
    byKind,
    children: d.children.map((c) => ({ name: c.name, activities: c.figures.activities ?? 0, attendance: c.figures.attendance ?? 0 })),
    goals: d.goals,
    highlights: held.map((a) => ({
      date: new Date(new Date(a.startsAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10),
      title: a.title,
      org: a.orgName,
      kind: a.kindName,
      attendance: a.attendanceCount,
      quote: a.quotes[0] ?? null,
    })),
    truncated,
    photos,
  };
}

export type ReportData = Awaited<ReturnType<typeof gatherReport>>;
