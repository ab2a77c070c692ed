import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATUSES, type OutboxStatus } from '@youshe/shared';
import { usePageTitle } from '../../app/use-page-title';
import { OutboxTable } from './OutboxTable';
import { PageHeader } from '../../app/PageHeader';

// Message kinds are dotted (`care.alert`), which i18next reads as nested keys: the labels are nested alike.
const KINDS = [
  'care.visit_report',
  'care.alert',
  'wristband.found',
  'wristband.scanned',
  'signup.offer',
  'partnership.ending',
  'booking.reminder',
];

/** What the platform sent (or, in demo mode, would have sent) to families and staff, and what failed. */
export default function OutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('outreach.outbox.title'));
  const [status, setStatus] = useState<OutboxStatus | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  return (
    <>
      <PageHeader title={t('outreach.outbox.title')} />
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <Select<OutboxStatus>
          allowClear
          placeholder={t('outreach.outbox.status')}
          aria-label={t('outreach.outbox.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`outreach.outbox.statuses.${s}`) }))}
          style={{ width: 140 }}
          data-testid="outbox-status-filter"
        />
        <Select<string>
          allowClear
          placeholder={t('outreach.outbox.kind')}
          aria-label={t('outreach.outbox.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={KINDS.map((k) => ({ value: k, label: t(`outreach.outbox.kinds.${k}`) }))}
          style={{ width: 180 }}
          data-testid="outbox-kind-filter"
        />
      </div>
      <OutboxTable filters={{ status, kind, ...paging }} onPage={(page, pageSize) => setPaging({ page, pageSize })} />
    </>
  );
}
