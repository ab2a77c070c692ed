import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HOURS_STATUSES } from '@youshe/shared';
import { problemText } from '../../app/api';
import { DateRangeFilter, ListFailure, useDateRangeParams } from '../../app/DateRangeFilter';
import { formatDateTimeShort } from '../../app/format';
import { volunteerKeys, volunteersApi, type HoursEntry, type HoursStatus } from './volunteers.api';

const COLORS: Record<HoursStatus, string> = { pending: 'processing', approved: 'success', rejected: 'default' };
export const hoursOf = (minutes: number) => (Math.round(minutes / 6) / 10).toFixed(1);

/** Hours from visits, activities and shifts, approved or rejected once by a coordinator. */
export function HoursTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [status, setStatus] = useState<HoursStatus | undefined>('pending');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [range, setRange] = useDateRangeParams();
  const filters = { status, ...range, ...paging };
  const list = useQuery({
    queryKey: volunteerKeys.hours(filters),
    queryFn: () => volunteersApi.hours(filters),
    placeholderData: keepPreviousData,
  });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approved' | 'rejected' }) => volunteersApi.decide(id, decision),
    onError: (e) => void message.error(problemText(e)),
    onSettled: () => void client.invalidateQueries({ queryKey: ['volunteer-hours'] }),
  });
  return (
    <>
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <Select<HoursStatus>
          allowClear
          aria-label={t('outreach.volunteers.status')}
          placeholder={t('outreach.volunteers.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={HOURS_STATUSES.map((s) => ({ value: s, label: t(`outreach.volunteers.hoursStatus.${s}`) }))}
          style={{ width: 140 }}
        />
        <DateRangeFilter
          value={range}
          onChange={(next) => {
            setRange(next);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          label={t('outreach.volunteers.dateRange')}
          error={list.error}
          data-testid="hours-range"
        />
      </div>
      <ListFailure error={list.error} />
      <Table<HoursEntry>
        data-testid="hours-table"
        rowKey="id"
        dataSource={list.data?.items ?? []}
        scroll={{ x: 860 }}
        locale={{ emptyText: <span className="empty-text">{t('outreach.volunteers.noHours')}</span> }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            key: 'name',
            title: t('outreach.volunteers.name'),
            width: 140,
            render: (_v, h) => <Link to={`/volunteers/people/${h.personId}`}>{h.personName}</Link>,
          },
          {
            key: 'source',
            title: t('outreach.volunteers.source'),
            width: 110,
            render: (_v, h) => t(`outreach.volunteers.sources.${h.source}`),
          },
          { key: 'when', title: t('outreach.volunteers.startedAt'), width: 150, render: (_v, h) => formatDateTimeShort(h.startedAt) },
          { key: 'hours', title: t('outreach.volunteers.hours'), width: 90, render: (_v, h) => hoursOf(h.minutes) },
          { key: 'org', title: t('outreach.volunteers.org'), dataIndex: 'orgName', width: 180 },
          {
            key: 'status',
            title: t('outreach.volunteers.status'),
            width: 100,
            render: (_v, h) => <Tag color={COLORS[h.status]}>{t(`outreach.volunteers.hoursStatus.${h.status}`)}</Tag>,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 170,
            fixed: 'right',
            render: (_v, h) =>
              h.status === 'pending' ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => decide.mutate({ id: h.id, decision: 'approved' })}
                    data-testid={`hours-approve-${h.id}`}
                  >
                    {t('outreach.volunteers.approve')}
                  </Button>
                  <Button size="small" danger onClick={() => decide.mutate({ id: h.id, decision: 'rejected' })}>
                    {t('outreach.volunteers.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
    </>
  );
}
