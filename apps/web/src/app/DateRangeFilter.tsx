import { useId, type CSSProperties } from 'react';
import { Alert, DatePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { failureBanner, isApiError } from './api';

/** A list's period: whole days (YYYY-MM-DD) that the server reads in China time, both ends included, either open. */
export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** The query fields of a period, as the server names them in its field problems. */
const RANGE_FIELDS: readonly string[] = ['from', 'to'];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (v: string | null) => (v && DAY.test(v) ? v : undefined);

/**
 * The period kept in the URL (`?from=&to=`), as the outcomes page reads a dashboard's link: a reload, a
 * bookmark or a link sent to a colleague shows the same records. Other query parameters are kept.
 */
export function useDateRangeParams(): [DateRange, (next: DateRange) => void] {
  const [params, setParams] = useSearchParams();
  const range: DateRange = { from: day(params.get('from')), to: day(params.get('to')) };
  const setRange = (next: DateRange) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        for (const key of ['from', 'to'] as const) {
          const v = next[key];
          if (v) out.set(key, v);
          else out.delete(key);
        }
        return out;
      },
      { replace: true },
    );
  return [range, setRange];
}

interface Props {
  value: DateRange;
  onChange: (next: DateRange) => void;
  /** What the days are of, e.g. "登记日期": the picker's accessible name. */
  label: string;
  /** The list's failed answer, if any: a refused `from` or `to` is shown beside the picker. */
  error?: unknown;
  'data-testid'?: string;
}

/** The period filter of a console list: a range of days, either end may stay open. */
export function DateRangeFilter({ value, onChange, label, error, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const messageId = useId();
  const issue = isApiError(error) ? error.details.find((d) => RANGE_FIELDS.includes(d.path)) : undefined;
  const picked = value.from || value.to ? ([value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] as const) : null;
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column' }}>
      <DatePicker.RangePicker
        value={picked ? [picked[0], picked[1]] : null}
        onChange={(v) => onChange({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        allowEmpty={[true, true]}
        aria-label={label}
        aria-describedby={issue ? messageId : undefined}
        aria-invalid={issue ? true : undefined}
        status={issue ? 'error' : undefined}
        placeholder={[t('common.dateFrom'), t('common.dateTo')]}
        style={{ width: 260 }}
        data-testid={testId}
      />
      {issue && (
        <Typography.Text type="danger" id={messageId} role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {issue.message}
        </Typography.Text>
      )}
    </span>
  );
}

/**
 * The failure banner above a list filtered by a DateRangeFilter (given the same failed answer). Left out
 * when the only problems are the period's, which the filter already shows beside the picker; shown for any
 * other failure (no network, a server error, a problem about a field the page has no place for).
 */
export function ListFailure({ error, style }: { error: unknown; style?: CSSProperties }) {
  const banner = failureBanner(error, RANGE_FIELDS);
  if (!banner) return null;
  return <Alert type="error" showIcon title={banner.title} description={banner.description} style={style} />;
}
