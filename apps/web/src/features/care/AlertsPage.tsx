import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { ALERT_STATUSES, type CareAlert } from '@youshe/shared';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../app/api';
import { DateRangeFilter, ListFailure, useDateRangeParams } from '../../app/DateRangeFilter';
import { formatDateTime } from '../../app/format';
import { usePageTitle } from '../../app/use-page-title';
import { careApi, careKeys, type AlertFilters } from './care.api';
import { PageHeader } from '../../app/PageHeader';

// Solid dark tags with white text: the pale preset tags fall short of WCAG contrast for small text.
const LEVEL_COLORS = { urgent: '#a8071a', needs_help: '#ad4e00', watch: '#614700' } as const;
const STATUS_COLORS = { open: '#a8071a', acknowledged: '#0958d9', resolved: '#237804' } as const;

/** The alert inbox of community partners, grid leaders and (once escalated) the volunteers' branch. */
export default function AlertsPage() {
  const { t } = useTranslation();
  usePageTitle(t('care.inboxTitle'));
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [criteria, setFilters] = useState<AlertFilters>({ page: 1, pageSize: 20 });
  const [range, setRange] = useDateRangeParams();
  const filters: AlertFilters = { ...criteria, ...range };
  const [resolving, setResolving] = useState<CareAlert | null>(null);
  const [outcome, setOutcome] = useState('');
  const list = useQuery({ queryKey: careKeys.alerts(filters), queryFn: () => careApi.alerts(filters), placeholderData: keepPreviousData });
  const refresh = () => void qc.invalidateQueries({ queryKey: careKeys.all });
  const ack = useMutation({ mutationFn: careApi.acknowledge, onSettled: refresh, onError: (e) => void message.error(problemText(e)) });
  const resolve = useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) => careApi.resolve(id, text),
    onSuccess: () => {
      setResolving(null);
      setOutcome('');
    },
    onSettled: refresh,
    onError: (e) => void message.error(problemText(e)),
  });
  const scan = useMutation({
    mutationFn: careApi.scan,
    onSuccess: (r) => void message.success(t('care.scanDone', r)),
    onSettled: refresh,
    onError: (e) => void message.error(problemText(e)),
  });

  return (
    <>
      <PageHeader title={t('care.inboxTitle')} />
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <Select<CareAlert['status']>
          allowClear
          placeholder={t('care.columns.status')}
          aria-label={t('care.columns.status')}
          value={filters.status}
          onChange={(status) => setFilters({ ...criteria, status, page: 1 })}
          options={ALERT_STATUSES.map((s) => ({ value: s, label: t(`care.alertStatus.${s}`) }))}
          style={{ width: 140 }}
        />
        <DateRangeFilter
          value={range}
          onChange={(next) => {
            setRange(next);
            setFilters({ ...criteria, page: 1 });
          }}
          label={t('care.alertDates')}
          error={list.error}
          data-testid="care-alerts-range"
        />
        <span style={{ flex: 1 }} />
        <Button onClick={() => scan.mutate()} loading={scan.isPending} data-testid="care-scan">
          {t('care.scanNow')}
        </Button>
      </div>
      <ListFailure error={list.error} style={{ marginBottom: 16 }} />
      <Table<CareAlert>
        data-testid="care-alerts"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        onRow={(a) =>
          ({ 'data-testid': `care-alert-${a.id}`, 'data-level': a.level, 'data-kind': a.kind }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) => setFilters({ ...criteria, page, pageSize }),
        }}
        columns={[
          { key: 'createdAt', title: t('care.columns.createdAt'), width: 170, render: (_v, a) => formatDateTime(a.createdAt) },
          { key: 'recipient', title: t('care.columns.recipient'), width: 90, dataIndex: 'recipientName' },
          { key: 'grid', title: t('care.columns.grid'), width: 110, dataIndex: 'orgName' },
          { key: 'kind', title: t('care.columns.kind'), width: 110, render: (_v, a) => t(`care.alertKinds.${a.kind}`) },
          {
            key: 'level',
            title: t('care.columns.level'),
            width: 100,
            render: (_v, a) => <Tag color={LEVEL_COLORS[a.level]}>{t(`care.concernLevels.${a.level}`)}</Tag>,
          },
          {
            key: 'summary',
            title: t('care.columns.summary'),
            width: 240,
            render: (_v, a) => (a.outcome ? `${a.summary} → ${a.outcome}` : a.summary),
          },
          {
            key: 'owner',
            title: t('care.columns.owner'),
            width: 110,
            render: (_v, a) => (['grid_leader', 'community', 'branch'].includes(a.owner) ? t(`care.owners.${a.owner}`) : a.owner),
          },
          {
            key: 'status',
            title: t('care.columns.status'),
            width: 90,
            render: (_v, a) => <Tag color={STATUS_COLORS[a.status]}>{t(`care.alertStatus.${a.status}`)}</Tag>,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 180,
            fixed: 'right',
            render: (_v, a) => (
              <Space>
                {a.status === 'open' && (
                  <Button size="small" onClick={() => ack.mutate(a.id)}>
                    {t('care.acknowledge')}
                  </Button>
                )}
                {a.status !== 'resolved' && (
                  <Button size="small" type="primary" onClick={() => setResolving(a)}>
                    {t('care.resolve')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={resolving !== null}
        title={t('care.resolve')}
        onCancel={() => setResolving(null)}
        okButtonProps={{ disabled: !outcome.trim(), loading: resolve.isPending }}
        onOk={() => resolving && resolve.mutate({ id: resolving.id, text: outcome.trim() })}
      >
        <label htmlFor="care-outcome">{t('care.outcome')}</label>
        <Input.TextArea id="care-outcome" rows={3} maxLength={500} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
      </Modal>
    </>
  );
}
