import { useState } from 'react';
import { CalendarOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, DatePicker, Popover, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../app/api';
import { activitiesApi, calendarUrl } from './activities.api';

/** One click to the ledger (台账) of the chosen unit's subtree and period, this month unless told otherwise. */
export function LedgerExport({ orgId }: { orgId: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs().endOf('month')]);
  const exporting = useMutation({
    mutationFn: () =>
      activitiesApi.exportLedger({ orgId, from: range[0].startOf('day').toISOString(), to: range[1].endOf('day').toISOString() }),
    onError: (e) => void message.error(problemText(e)),
  });
  return (
    <Space wrap size={8} data-testid="ledger-bar">
      <DatePicker.RangePicker
        value={range}
        allowClear={false}
        onChange={(v) => {
          if (v?.[0] && v[1]) setRange([v[0], v[1]]);
        }}
        aria-label={t('ledger.period')}
        placeholder={[t('activities.from'), t('activities.to')]}
        style={{ width: 250 }}
        data-testid="ledger-range"
      />
      <Button icon={<FileExcelOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="ledger-export">
        {t('ledger.export')}
      </Button>
      {orgId && <CalendarLink orgId={orgId} />}
    </Space>
  );
}

/** The public iCalendar address of the unit's published activities, to subscribe to. */
function CalendarLink({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const url = calendarUrl(orgId);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('accounts.copied'));
    } catch {
      void message.warning(t('activities.copyFailed'));
    }
  };
  return (
    <Popover
      trigger="click"
      title={t('ledger.calendar')}
      content={
        <div style={{ maxWidth: 360 }} data-testid="calendar-popover">
          <Typography.Paragraph type="secondary">{t('ledger.calendarHint')}</Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Link href={url} data-testid="calendar-url" className="public-link-url">
              {url}
            </Typography.Link>
          </Typography.Paragraph>
          <Button size="small" onClick={() => void copy()}>
            {t('activities.copyLink')}
          </Button>
        </div>
      }
    >
      <Button icon={<CalendarOutlined />} data-testid="calendar-subscribe">
        {t('ledger.calendar')}
      </Button>
    </Popover>
  );
}
