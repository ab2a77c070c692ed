import { useState } from 'react';
import { PlusOutlined, ScanOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Progress, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../app/api';
import { formatDateTimeShort } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { usePaging } from '../../app/use-paging';
import { campaignKeys, campaignsApi, type CampaignSummary } from './bookings.api';
import { CampaignFormDrawer } from './CampaignFormDrawer';

export const STATUS_COLOR: Record<string, string> = { draft: 'default', published: 'blue', closed: 'default' };

/** 预约活动: campaigns of the subtree, how full they are, and the way to the counter. */
export default function CampaignsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.bookings'));
  const me = useSignedIn();
  const { orgId } = useOrgScope();
  const { paging, pagination } = usePaging();
  const [creating, setCreating] = useState(false);
  const filters = { orgId, ...paging };
  const list = useQuery({
    queryKey: campaignKeys.list(filters),
    queryFn: () => campaignsApi.list(filters),
    placeholderData: keepPreviousData,
    enabled: hasPermission(me, 'booking.read'),
  });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 8 }}>
        {t('nav.bookings')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('bookings.intro')}</Typography.Paragraph>
      <div className="filter-bar">
        <Link to="/bookings/counter" data-testid="counter-link">
          <Button icon={<ScanOutlined />}>{t('bookings.counter.title')}</Button>
        </Link>
        <span style={{ flex: 1 }} />
        {hasPermission(me, 'booking.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-create">
            {t('bookings.create')}
          </Button>
        )}
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      {hasPermission(me, 'booking.read') && (
        <Table<CampaignSummary>
          data-testid="campaigns-table"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 760 }}
          locale={{ emptyText: <span className="empty-text">{t('bookings.none')}</span> }}
          pagination={pagination(list.data?.total)}
          columns={[
            {
              key: 'title',
              title: t('bookings.titleField'),
              render: (_v, c) => (
                <>
                  <Link to={`/bookings/${c.id}`}>{c.title}</Link>
                  <div className="empty-text">{c.orgName}</div>
                </>
              ),
            },
            {
              key: 'status',
              title: t('bookings.statusField'),
              width: 100,
              render: (_v, c) => <Tag color={STATUS_COLOR[c.status]}>{t(`bookings.campaignStatus.${c.status}`)}</Tag>,
            },
            {
              key: 'booked',
              title: t('bookings.booked'),
              width: 220,
              render: (_v, c) => (
                <>
                  {c.booked} / {c.capacity}
                  <Progress percent={c.capacity ? Math.round((c.booked / c.capacity) * 100) : 0} size="small" showInfo={false} />
                </>
              ),
            },
            { key: 'fulfilled', title: t('bookings.fulfilled'), width: 100, dataIndex: 'fulfilled' },
            {
              key: 'period',
              title: t('bookings.period'),
              width: 260,
              render: (_v, c) => `${formatDateTimeShort(c.opensAt)} – ${formatDateTimeShort(c.closesAt)}`,
            },
          ]}
        />
      )}
      <CampaignFormDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
