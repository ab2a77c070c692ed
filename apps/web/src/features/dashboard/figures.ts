import type { TFunction } from 'i18next';

/** Where the records behind each live figure are kept in the console. */
export const CURRENT_LINKS: Record<string, string> = {
  partnerships: '/partnerships',
  goals_met: '/partnerships',
  outlets_covered: '/coverage',
  outlets_without_member: '/coverage',
  stations: '/stations',
  volunteers: '/volunteers',
  care_recipients: '/care/recipients',
  alerts_open: '/care/alerts',
  alerts_overdue: '/care/alerts',
};

/**
 * Period figures of other domains, and where their records are. Only the outcomes page takes a period
 * (PERIOD_FILTERED); the others list their records without dates and are scoped by the org switcher.
 */
export const PERIOD_LINKS: Record<string, string> = {
  visits: '/care/recipients',
  visits_received: '/care/recipients',
  volunteer_minutes: '/volunteers',
  station_services: '/stations',
  bookings: '/bookings',
  outcome_records: '/outcomes',
  outcome_amount_fen: '/outcomes',
  alerts: '/care/alerts',
  alerts_closed_in_time: '/care/alerts',
};

/** Figures whose page is narrowed to the dashboard's unit and period by the link itself. */
export const PERIOD_FILTERED = new Set(['outcome_records', 'outcome_amount_fen']);

/** A figure's name in the reader's language; outcome figures reuse the activities' own labels. */
export function figureName(t: TFunction, metric: string): string {
  if (metric.startsWith('outcome:')) return t(`outcomeField.${metric.slice(8)}`);
  return t(`reports.metric.${metric}`, { defaultValue: metric });
}

/** Money in fen shown in yuan, minutes in hours, counts as they are. */
export function figureValue(metric: string, value: number): number {
  if (metric.endsWith('_fen')) return Math.round(value) / 100;
  if (metric === 'volunteer_minutes') return Math.round(value / 6) / 10;
  return value;
}

/** The period figures worth a card, in a stable order: activities first, then people, outcomes, the rest. */
export function periodMetrics(totals: Record<string, number>): string[] {
  const rest = Object.keys(totals)
    .filter((m) => !m.includes(':') && m !== 'activities' && m !== 'attendance')
    .sort();
  const outcomes = Object.keys(totals)
    .filter((m) => m.startsWith('outcome:'))
    .sort();
  return ['activities', 'attendance', ...rest, ...outcomes];
}
