import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Input, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ACTIVITY_STATUSES, type Activity, type ActivityStatus } from '@youshe/shared';
import { PageHeader } from '../../app/PageHeader';
import { errorText } from '../../app/api';
import { formatNumber, formatTimeRange } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { usePaging } from '../../app/use-paging';
import { activitiesApi, activityKeys, type ActivityFilters } from './activities.api';
import { ActivityFormDrawer } from './ActivityFormDrawer';
import { ActivityStatusTag } from './ActivityStatusTag';
import { LedgerExport } from './LedgerExport';
import { useActivityKinds } from './use-activity-kinds';

export default function ActivitiesPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  usePageTitle(t('nav.activities'));
  const me = useSignedIn();
  const navigate = useNavigate();
  const scope = useOrgScope();
  // A dashboard figure links here with the records behind it: ?orgId=&status=&kindId=&from=&to= (dates).
  const [drill] = useState(() => new URLSearchParams(searchParams));
  const orgId = drill.get('orgId') ?? scope.orgId;
  const kinds = useActivityKinds();
  const [status, setStatus] = useState<ActivityStatus | undefined>(() => (drill.get('status') as ActivityStatus | null) ?? undefined);
  const [kindId, setKindId] = useState<string | undefined>(() => drill.get('kindId') ?? undefined);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(() =>
    drill.get('from') && drill.get('to') ? [dayjs(drill.get('from')), dayjs(drill.get('to'))] : null,
  );
  const [q, setQ] = useState('');
  const { paging, firstPage, pagination } = usePaging();
  const [creating, setCreating] = useState(false);
  const canWrite = hasPermission(me, 'activity.write');

  const filters: ActivityFilters = {
    orgId,
    status,
    kindId,
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
    q: q.trim() || undefined,
    ...paging,
  };
  const list = useQuery({
    queryKey: activityKeys.list(filters),
    queryFn: () => activitiesApi.list(filters),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t('nav.activities')}>
        <LedgerExport orgId={orgId} />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="activity-create">
            {t('activities.create')}
          </Button>
        )}
      </PageHeader>
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <Input.Search
          allowClear
          placeholder={t('activities.searchPlaceholder')}
          aria-label={t('activities.search')}
          onSearch={(v) => {
            setQ(v);
            firstPage();
          }}
          style={{ width: 220 }}
          maxLength={64}
          data-testid="activity-search"
        />
        <Select<ActivityStatus>
          allowClear
          placeholder={t('activities.status')}
          aria-label={t('activities.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            firstPage();
          }}
          options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activityStatus.${s}`) }))}
          style={{ width: 130 }}
          data-testid="activity-status-filter"
        />
        <Select<string>
          allowClear
          placeholder={t('activities.kind')}
          aria-label={t('activities.kind')}
          value={kindId}
          onChange={(v) => {
            setKindId(v);
            firstPage();
          }}
          options={(kinds.data ?? []).map((k) => ({ value: k.id, label: k.name }))}
          style={{ width: 160 }}
          popupMatchSelectWidth={false}
          data-testid="activity-kind-filter"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => {
            setRange(v);
            firstPage();
          }}
          aria-label={t('activities.dateRange')}
          placeholder={[t('activities.from'), t('activities.to')]}
          style={{ width: 260 }}
        />
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<Activity>
        data-testid="activities-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('activities.empty') }}
        pagination={pagination(list.data?.total, [20, 50, 100])}
        columns={[
          {
            key: 'title',
            title: t('activities.title'),
            width: 260,
            render: (_v, a) => (
              <Link to={`/activities/${a.id}`} data-testid={`activity-link-${a.id}`}>
                {a.title}
              </Link>
            ),
          },
          { key: 'kind', title: t('activities.kind'), dataIndex: 'kindName', width: 120 },
          { key: 'status', title: t('activities.status'), width: 100, render: (_v, a) => <ActivityStatusTag status={a.status} /> },
          { key: 'time', title: t('activities.time'), width: 220, render: (_v, a) => formatTimeRange(a.startsAt, a.endsAt) },
          {
            key: 'organisers',
            title: t('activities.organisers'),
            width: 240,
            render: (_v, a) => a.organisers.map((o) => o.name).join('、'),
          },
          {
            key: 'signups',
            title: t('activities.signups'),
            width: 130,
            render: (_v, a) => (
              <span className="nowrap">
                {a.capacity === null
                  ? formatNumber(a.confirmedCount)
                  : t('activities.signedUpOf', { count: a.confirmedCount, capacity: a.capacity })}
                {a.waitlistCount > 0 && <span className="empty-text"> · {t('activities.waitingShort', { count: a.waitlistCount })}</span>}
              </span>
            ),
          },
          { key: 'attendance', title: t('activities.attendance'), width: 90, render: (_v, a) => formatNumber(a.attendanceCount) },
        ]}
      />
      <ActivityFormDrawer
        target={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(a) => {
          setCreating(false);
          void navigate(`/activities/${a.id}`);
        }}
      />
    </>
  );
}
