import { sql } from 'drizzle-orm';
import { activityKindName, formatOutcome, type Locale, type OutcomeField, type reportQuerySchema } from '@youshe/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/access.js';
import type { FileStore } from '../../platform/files.js';
import type { ActivitiesService } from '../activities/activities.service.js';
import { ledgerRows } from '../activities/ledger.js';
import type { QuotesService } from '../activities/quotes.service.js';
import type { DashboardService } from './dashboard.service.js';
import { REPORT_TEXT, figureLabel, type ReportText } from './report-text.js';
import { rowsOf } from './rollups.js';

type Query = z.infer<typeof reportQuerySchema>;

export function figureValue(metric: string, value: number): string {
  if (metric.startsWith('outcome:')) return formatOutcome(metric.slice(8) as OutcomeField, value);
  if (metric.endsWith('_fen')) return (value / 100).toFixed(2);
  if (metric === 'volunteer_minutes') return (value / 60).toFixed(1);
  return String(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The months a report covers and its name in the reader's language: 2026年11月, Q4 2026, 2026年度. */
export function reportPeriod(period: Query['period'], date: string, text: ReportText = REPORT_TEXT['zh-CN']) {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (period === 'month') return { from: `${year}-${pad(month)}`, to: `${year}-${pad(month)}`, label: text.period('month', year, month) };
  if (period === 'quarter') {
    const q = Math.floor((month - 1) / 3);
    return { from: `${year}-${pad(q * 3 + 1)}`, to: `${year}-${pad(q * 3 + 3)}`, label: text.period('quarter', year, q + 1) };
  }
  return { from: `${year}-01`, to: `${year}-12`, label: text.period('year', year, 0) };
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
  locale: Locale,
) {
  const text = REPORT_TEXT[locale];
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const period = reportPeriod(q.period, q.date ?? today, text);
  // The dashboard names the whole platform in the actor's language; the report is in the one asked for.
  const d = await dashboard.get({ ...actor, locale }, { orgId: q.orgId, from: period.from, to: period.to });
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
  const figure = (metric: string, value: number) => ({
    metric,
    label: figureLabel(text, locale, metric),
    value: figureValue(metric, value),
  });
  const figures = [
    ...headline.map((m) => figure(m, d.totals[m] ?? 0)),
    ...Object.entries(d.totals)
      .filter(([m]) => !headline.includes(m) && !m.includes(':'))
      .map(([m, v]) => figure(m, v)),
    ...Object.entries(d.current).map(([m, v]) => figure(m, v)),
  ];
  const kindName = new Map(d.kinds.map((k) => [k.kindId, activityKindName(locale, k.kindId, k.name)]));
  const byKind = Object.keys(d.totals)
    .filter((m) => m.startsWith('activities:'))
    .map((m) => {
      const kind = m.slice(11);
      return { name: kindName.get(kind) ?? kind, activities: d.totals[m] ?? 0, attendance: d.totals[`attendance:${kind}`] ?? 0 };
    })
    .sort((a, b) => b.activities - a.activities);
  return {
    locale,
    text,
    title: text.title(d.org.name, period.label),
    orgName: d.org.name,
    periodLabel: period.label,
    generatedAt: new Date(),
    figures,
    months: d.months.map((m) => {
      const [y, mm] = m.month.split('-').map(Number) as [number, number];
      return {
        month: m.month,
        label: text.month(y, mm),
        short: text.monthShort(mm),
        activities: m.figures.activities ?? 0,
        attendance: m.figures.attendance ?? 0,
      };
    }),
    byKind,
    children: d.children.map((c) => ({ name: c.name, activities: c.figures.activities ?? 0, attendance: c.figures.attendance ?? 0 })),
    goals: d.goals,
    highlights: held.map((a) => ({
      date: new Date(new Date(a.startsAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10),
      title: a.title,
      org: a.orgName,
      kind: activityKindName(locale, a.kindId, a.kindName),
      attendance: a.attendanceCount,
      quote: a.quotes[0] ?? null,
    })),
    truncated,
    photos,
  };
}

export type ReportData = Awaited<ReturnType<typeof gatherReport>>;
