import { and, sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** Stations log by the day their counter lives in: China time, whatever the server's zone. */
const FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const chinaToday = (now = new Date()) => FORMAT.format(now);

/** The calendar date `days` after an ISO date (negative for before). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The condition that a timestamp falls on the days from `from` to `to` (both included) in China time, either
 * end open. Compares the column itself with the days' bounds, so an index on it serves.
 */
export function onChinaDays(column: SQLWrapper, range: { from?: string | undefined; to?: string | undefined }): SQL | undefined {
  return and(
    range.from ? sql`${column} >= (${range.from}::date::timestamp at time zone 'Asia/Shanghai')` : undefined,
    range.to ? sql`${column} < ((${range.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')` : undefined,
  );
}
