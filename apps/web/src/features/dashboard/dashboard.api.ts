import type { Dashboard, DashboardQuery } from '@youshe/shared';
import { api } from '../../app/api';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  one: (q: DashboardQuery) => ['dashboard', q] as const,
};

export type ReportPeriod = 'month' | 'quarter' | 'year';

export const dashboardApi = {
  get: (q: DashboardQuery) => api.get<Dashboard>('/api/dashboard', { orgId: q.orgId, from: q.from, to: q.to }),
  /** The report is written in the console's language; `lang` says so explicitly, the header would too. */
  downloadReport: (q: { orgId?: string; period: ReportPeriod; date?: string; format: 'docx' | 'pdf'; lang: string }) =>
    api.download('/api/reports/download', q, `report.${q.format}`),
};

/** The first and last instant of a period of months, for the activities list a figure links to. */
export function monthRange(from: string, to: string): { from: string; to: string } {
  const [y, m] = to.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${from}-01`, to: `${to}-${String(last).padStart(2, '0')}` };
}

/** The records behind a figure: the activities list, narrowed to the unit, period, kind and state. */
export function activitiesLink(orgId: string | null, from: string, to: string, kindId?: string): string {
  const range = monthRange(from, to);
  const params = new URLSearchParams({ status: 'closed', from: range.from, to: range.to });
  if (orgId) params.set('orgId', orgId);
  if (kindId) params.set('kindId', kindId);
  return `/activities?${params.toString()}`;
}

/** This month in China time. */
export function chinaMonth(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** Business outcomes of the unit and period: the outcomes page takes the same dates as its API (inclusive days). */
export function outcomesLink(orgId: string | null, from: string, to: string): string {
  const params = new URLSearchParams(monthRange(from, to));
  if (orgId) params.set('orgId', orgId);
  return `/outcomes?${params.toString()}`;
}
