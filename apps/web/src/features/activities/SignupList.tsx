import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignupStatus } from '@youshe/shared';
import { errorText } from '../../app/api';
import { formatDateTimeShort } from '../../app/format';
import { activitiesApi, activityKeys, type SignupListItem } from './activities.api';

const STATUS_COLORS: Record<SignupStatus, string> = {
  confirmed: 'success',
  waitlisted: 'warning',
  offered: 'processing',
  cancelled: 'default',
  expired: 'default',
};

/** Who signed up and who came, phones masked; refreshed while the activity runs. */
export function SignupList({ activityId, live }: { activityId: string; live: boolean }) {
  const { t } = useTranslation();
  const signups = useQuery({
    queryKey: activityKeys.signups(activityId),
    queryFn: () => activitiesApi.signups(activityId),
    refetchInterval: live ? 20_000 : false,
  });
  const items = signups.data?.items ?? [];
  const checkedIn = items.filter((s) => s.checkedInAt).length;

  return (
    <Card size="small" title={t('signups.title', { count: items.length, checkedIn })} data-testid="signup-list">
      {signups.isError && <Alert type="error" showIcon title={errorText(signups.error)} style={{ marginBottom: 12 }} />}
      <Table<SignupListItem>
        size="small"
        rowKey="id"
        loading={signups.isFetching && !signups.data}
        dataSource={items}
        pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <span className="empty-text">{t('signups.empty')}</span> }}
        onRow={(s) =>
          ({ 'data-testid': `signup-row-${s.id}`, 'data-checked-in': Boolean(s.checkedInAt) }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'name',
            title: t('signups.name'),
            width: 160,
            render: (_v, s) => (
              <span>
                {s.name}
                {s.walkin && (
                  <Tag style={{ marginInlineStart: 6 }} variant="outlined">
                    {t('signups.walkin')}
                  </Tag>
                )}
              </span>
            ),
          },
          {
            key: 'phone',
            title: t('signups.phone'),
            width: 140,
            render: (_v, s) => <span className="masked-value">{s.phoneMasked ?? '—'}</span>,
          },
          {
            key: 'status',
            title: t('signups.status'),
            width: 110,
            render: (_v, s) => <Tag color={STATUS_COLORS[s.status]}>{t(`signupStatus.${s.status}`)}</Tag>,
          },
          { key: 'created', title: t('signups.createdAt'), width: 160, render: (_v, s) => formatDateTimeShort(s.createdAt) },
          {
            key: 'checkin',
            title: t('signups.checkedIn'),
            width: 160,
            render: (_v, s) =>
              s.checkedInAt ? (
                <Tag color="success">{t('signups.checkedInAt', { time: formatDateTimeShort(s.checkedInAt) })}</Tag>
              ) : (
                <span className="empty-text">{t('signups.notCheckedIn')}</span>
              ),
          },
        ]}
      />
    </Card>
  );
}
