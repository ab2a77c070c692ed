import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '@youshe/shared';
import { errorText } from '../../app/api';
import { formatNumber, formatTimeRange } from '../../app/format';
import { activitiesApi, activityKeys } from '../activities/activities.api';
import { ActivityStatusTag } from '../activities/ActivityStatusTag';

/** The joint activities held under an agreement: what its goals count. */
export function PartnershipActivities({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: activityKeys.byPartnership(partnershipId), queryFn: () => activitiesApi.byPartnership(partnershipId) });
  const items = list.data?.items ?? [];
  return (
    <Card size="small" title={t('partnerships.activities', { count: list.data?.total ?? 0 })} data-testid="partnership-activities">
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />}
      <Table<Activity>
        size="small"
        rowKey="id"
        loading={list.isFetching && !list.data}
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <span className="empty-text">{t('partnerships.noActivities')}</span> }}
        columns={[
          {
            key: 'title',
            title: t('activities.title'),
            render: (_v, a) => <Link to={`/activities/${a.id}`}>{a.title}</Link>,
          },
          { key: 'kind', title: t('activities.kind'), dataIndex: 'kindName', width: 120 },
          { key: 'status', title: t('activities.status'), width: 100, render: (_v, a) => <ActivityStatusTag status={a.status} /> },
          { key: 'time', title: t('activities.time'), width: 220, render: (_v, a) => formatTimeRange(a.startsAt, a.endsAt) },
          { key: 'attendance', title: t('activities.attendance'), width: 90, render: (_v, a) => formatNumber(a.attendanceCount) },
        ]}
      />
    </Card>
  );
}
