import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SERVICE_KINDS, serviceMode, type ServiceKind, type ServiceRecord } from '@youshe/shared';
import { DateRangeFilter, ListFailure, useDateRangeParams } from '../../app/DateRangeFilter';
import { formatDate, formatDateTimeShort } from '../../app/format';
import { usePaging } from '../../app/use-paging';
import { stationKeys, stationsApi, type RecordFilters, type StationSummary } from './stations.api';

const PER_PERSON = SERVICE_KINDS.filter((k) => serviceMode(k) !== 'tally');

/**
 * A station's per-person records (storage, lending, agency), newest first, for the head or clerk looking up
 * what was lent or handled on given days. The station and the days stay in the URL (`?tab=records&placeId=`).
 */
export function ServiceRecordsTab({ stations }: { stations: StationSummary[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [range, setRange] = useDateRangeParams();
  const loggable = stations.filter((s) => s.canLog);
  const placeId = loggable.find((s) => s.placeId === params.get('placeId'))?.placeId ?? loggable[0]?.placeId;
  const [kind, setKind] = useState<ServiceKind | undefined>();
  const { paging, firstPage, pagination } = usePaging();
  const filters: RecordFilters = { kind, ...range, ...paging };
  const list = useQuery({
    queryKey: [...stationKeys.records(placeId ?? ''), filters],
    queryFn: () => stationsApi.records(placeId!, filters),
    enabled: Boolean(placeId),
    placeholderData: keepPreviousData,
  });

  if (!placeId) return <Alert type="info" showIcon title={t('stations.records.noStation')} />;
  return (
    <>
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <Select<string>
          aria-label={t('stations.records.station')}
          placeholder={t('stations.records.pickStation')}
          value={placeId}
          onChange={(v) => {
            setParams(
              (prev) => {
                const out = new URLSearchParams(prev);
                out.set('placeId', v);
                return out;
              },
              { replace: true },
            );
            firstPage();
          }}
          options={loggable.map((s) => ({ value: s.placeId, label: s.name }))}
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          data-testid="records-station"
        />
        <Select<ServiceKind>
          allowClear
          aria-label={t('stations.records.kind')}
          placeholder={t('stations.records.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            firstPage();
          }}
          options={PER_PERSON.map((k) => ({ value: k, label: t(`stations.service.${k}`) }))}
          style={{ width: 180 }}
          popupMatchSelectWidth={false}
        />
        <DateRangeFilter
          value={range}
          onChange={(next) => {
            setRange(next);
            firstPage();
          }}
          label={t('stations.records.dateRange')}
          error={list.error}
          data-testid="records-range"
        />
      </div>
      <ListFailure error={list.error} style={{ marginBottom: 16 }} />
      <Table<ServiceRecord>
        rowKey="id"
        data-testid="records-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 980 }}
        locale={{ emptyText: <span className="empty-text">{t('stations.records.empty')}</span> }}
        pagination={pagination(list.data?.total)}
        columns={[
          { key: 'createdAt', title: t('stations.records.createdAt'), width: 150, render: (_v, r) => formatDateTimeShort(r.createdAt) },
          { key: 'kind', title: t('stations.records.kind'), width: 130, render: (_v, r) => t(`stations.service.${r.kind}`) },
          { key: 'person', title: t('stations.records.person'), width: 100, dataIndex: 'personName' },
          { key: 'phone', title: t('stations.records.phone'), width: 120, render: (_v, r) => r.phoneMasked ?? '' },
          { key: 'item', title: t('stations.records.item'), width: 160, dataIndex: 'item' },
          {
            key: 'status',
            title: t('stations.records.status'),
            width: 100,
            render: (_v, r) => (
              <Tag color={r.overdue ? 'error' : undefined}>
                {t(`stations.recordStatus.${r.status}`)}
                {r.overdue ? ` · ${t('stations.deskPage.overdue')}` : ''}
              </Tag>
            ),
          },
          { key: 'dueOn', title: t('stations.records.dueOn'), width: 110, render: (_v, r) => formatDate(r.dueOn) },
          { key: 'closedAt', title: t('stations.records.closedAt'), width: 150, render: (_v, r) => formatDateTimeShort(r.closedAt) },
        ]}
      />
    </>
  );
}
