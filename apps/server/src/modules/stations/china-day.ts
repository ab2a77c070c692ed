/** Stations log by the day their counter lives in: China time, whatever the server's zone. */
const FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const chinaToday = (now = new Date()) => FORMAT.format(now);

/** The calendar date `days` after an ISO date (negative for before). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
