import { useState } from 'react';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, QRCode, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText, problemText } from '../../app/api';
import { DateRangeFilter, ListFailure, useDateRangeParams } from '../../app/DateRangeFilter';
import { formatDateTimeShort } from '../../app/format';
import { PageLoading } from '../../app/PageLoading';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { campaignKeys, campaignsApi, publicCampaignUrl, type BookingRow } from './bookings.api';
import { CampaignEditDrawer } from './CampaignEditDrawer';
import { STATUS_COLOR } from './CampaignsPage';
import { SlotsTable } from './SlotsTable';

/** One campaign: its public link and QR, its slots and how full each is, its bookings (masked), export and reminders. */
export default function CampaignDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const client = useQueryClient();
  const me = useSignedIn();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [range, setRange] = useDateRangeParams();
  const filters = { ...range, ...paging };
  const [editing, setEditing] = useState(false);
  const campaign = useQuery({ queryKey: campaignKeys.detail(id), queryFn: () => campaignsApi.get(id) });
  const bookings = useQuery({
    queryKey: campaignKeys.bookings(id, filters),
    queryFn: () => campaignsApi.bookings(id, filters),
    placeholderData: keepPreviousData,
  });
  const reminders = useQuery({ queryKey: campaignKeys.reminders(id), queryFn: () => campaignsApi.reminders(id) });
  usePageTitle(campaign.data?.title ?? t('nav.bookings'));
  const refresh = () => void client.invalidateQueries({ queryKey: ['booking-campaigns'] });
  const status = useMutation({
    mutationFn: (s: 'published' | 'closed') => campaignsApi.setStatus(id, s),
    onSuccess: refresh,
    onError: (e) => void message.error(problemText(e)),
  });
  const remind = useMutation({
    mutationFn: () => campaignsApi.sendReminders(id),
    onSuccess: (r) => {
      void message.success(t('bookings.remindersSent', { count: r.enqueued }));
      refresh();
    },
    onError: (e) => void message.error(problemText(e)),
  });
  const exporting = useMutation({
    mutationFn: () => campaignsApi.exportXlsx(id, campaign.data!.title),
    onError: (e) => void message.error(problemText(e)),
  });

  if (campaign.isPending) return <PageLoading />;
  if (campaign.isError) return <Alert type="error" showIcon title={errorText(campaign.error)} />;
  const c = campaign.data;
  const canWrite = hasPermission(me, 'booking.write');
  const url = publicCampaignUrl(c.publicToken);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {c.title} <Tag color={STATUS_COLOR[c.status]}>{t(`bookings.campaignStatus.${c.status}`)}</Tag>
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        {canWrite && c.status === 'draft' && (
          <Button type="primary" loading={status.isPending} onClick={() => status.mutate('published')} data-testid="campaign-publish">
            {t('bookings.publish')}
          </Button>
        )}
        {canWrite && c.status === 'published' && (
          <Button danger loading={status.isPending} onClick={() => status.mutate('closed')} data-testid="campaign-close">
            {t('bookings.close')}
          </Button>
        )}
        {canWrite && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="campaign-edit">
            {t('bookings.edit.open')}
          </Button>
        )}
        <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="campaign-export">
          {t('bookings.export')}
        </Button>
      </Space>
      <Space align="start" wrap size={16} style={{ width: '100%', marginBottom: 16 }}>
        <Card title={t('bookings.summary')} style={{ minWidth: 320 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('bookings.org')}>{c.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('bookings.period')}>
              {formatDateTimeShort(c.opensAt)} – {formatDateTimeShort(c.closesAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('bookings.booked')}>
              {c.booked} / {c.capacity}
            </Descriptions.Item>
            <Descriptions.Item label={t('bookings.fulfilled')}>{c.fulfilled}</Descriptions.Item>
            <Descriptions.Item label={t('bookings.fields')}>{c.fields.map((f) => f.label).join('、')}</Descriptions.Item>
          </Descriptions>
        </Card>
        {c.status !== 'draft' && (
          <Card title={t('bookings.publicLink')}>
            <QRCode value={url} size={160} bordered={false} role="img" aria-label={t('activities.qrOf', { what: c.title })} />
            <Typography.Paragraph copyable={{ text: url }} style={{ maxWidth: 260, wordBreak: 'break-all' }} data-testid="campaign-link">
              {url}
            </Typography.Paragraph>
          </Card>
        )}
        <Card title={t('bookings.reminders')} style={{ minWidth: 260 }}>
          <p>{t('bookings.remindersDue', { count: reminders.data?.items.length ?? 0 })}</p>
          <p data-testid="reminders-done">{t('bookings.remindersDone', { count: reminders.data?.reminded ?? 0 })}</p>
          <Typography.Paragraph type="secondary" style={{ maxWidth: 260 }}>
            {t('bookings.remindersAuto')}
          </Typography.Paragraph>
          {canWrite && (
            <Button disabled={!reminders.data?.items.length} loading={remind.isPending} onClick={() => remind.mutate()}>
              {t('bookings.sendReminders')}
            </Button>
          )}
        </Card>
      </Space>
      <SlotsTable campaign={c} canWrite={canWrite} />
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('bookings.bookings')}
      </Typography.Title>
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <DateRangeFilter
          value={range}
          onChange={(next) => {
            setRange(next);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          label={t('bookings.slotDates')}
          error={bookings.error}
          data-testid="bookings-range"
        />
      </div>
      <ListFailure error={bookings.error} style={{ marginBottom: 16 }} />
      <Table<BookingRow>
        rowKey="id"
        size="small"
        data-testid="campaign-bookings"
        loading={bookings.isFetching}
        dataSource={bookings.data?.items ?? []}
        scroll={{ x: 640 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: bookings.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { key: 'name', title: t('bookings.name'), dataIndex: 'name' },
          { key: 'phone', title: t('bookings.phone'), dataIndex: 'phoneMasked' },
          { key: 'place', title: t('bookings.outlet'), dataIndex: 'placeName' },
          { key: 'slot', title: t('bookings.slot'), render: (_v, b) => formatDateTimeShort(b.slotStartsAt) },
          { key: 'status', title: t('bookings.statusField'), render: (_v, b) => t(`bookings.status.${b.status}`) },
        ]}
      />
      {editing && <CampaignEditDrawer campaign={c} onClose={() => setEditing(false)} />}
    </>
  );
}
