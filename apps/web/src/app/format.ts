import { currentLocale } from './i18n';

/** Times are stored in UTC and shown in China time, whatever the browser's zone. */
const TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(d);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLocale()).format(n);
}

function parts(iso: string, options: Intl.DateTimeFormatOptions): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), { timeZone: TIME_ZONE, hour12: false, ...options }).format(d);
}

const DAY_FORMAT = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
const TIME_FORMAT = { hour: '2-digit', minute: '2-digit' } as const;

/** A date and time to the minute, in China time. */
export function formatDateTimeShort(iso: string | null | undefined): string {
  return iso ? parts(iso, { ...DAY_FORMAT, ...TIME_FORMAT }) : '';
}

const LONG_DAY_FORMAT = { month: 'long', day: 'numeric', weekday: 'long' } as const;

/**
 * A day written out for residents: whole ('5月20日星期二', as `formatTimeRange(…, true)` writes it), and its short
 * date ('5月20日', 'May 20') and weekday ('星期二') apart, to set on two lines where the whole does not fit.
 */
export function formatDayLong(iso: string): { day: string; date: string; weekday: string } {
  return {
    day: parts(iso, LONG_DAY_FORMAT),
    date: parts(iso, { month: 'short', day: 'numeric' }),
    weekday: parts(iso, { weekday: 'long' }),
  };
}

/** The calendar day (YYYY-MM-DD) an instant falls on in China time: to group times by day, whatever the reader's language. */
export function chinaDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(iso));
}

/** The hours of a time within one day ('09:00–11:00'), where the day is shown beside it; in full if it runs past midnight. */
export function formatHours(startIso: string, endIso: string): string {
  return chinaDate(startIso) === chinaDate(endIso)
    ? `${parts(startIso, TIME_FORMAT)}–${parts(endIso, TIME_FORMAT)}`
    : formatTimeRange(startIso, endIso, true);
}

/**
 * When something happens: '2025/05/20 09:00–11:00' on one day, both ends in full otherwise. With
 * `long`, the day is written out with its weekday for residents ('5月20日星期二 09:00–11:00').
 */
export function formatTimeRange(startIso: string, endIso: string, long = false): string {
  const day = long ? LONG_DAY_FORMAT : DAY_FORMAT;
  const startDay = parts(startIso, day);
  const endDay = parts(endIso, day);
  const start = `${startDay} ${parts(startIso, TIME_FORMAT)}`;
  return startDay === endDay ? `${start}–${parts(endIso, TIME_FORMAT)}` : `${start} – ${endDay} ${parts(endIso, TIME_FORMAT)}`;
}

/** A calendar date (YYYY-MM-DD, no time) as the reader writes dates. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  return parts(`${isoDate}T12:00:00+08:00`, DAY_FORMAT);
}
