import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Input, Progress, Switch, Table, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Partnership } from '@youshe/shared';
import { PageHeader } from '../../app/PageHeader';
import { errorText } from '../../app/api';
import { formatDate } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { usePaging } from '../../app/use-paging';
import { DaysLeftTag } from './DaysLeftTag';
import { MeetingTasksTab } from './MeetingTasksTab';
import { PartnershipFormDrawer } from './PartnershipFormDrawer';
import { ENDING_SOON_DAYS, endsSoon, goalPercent, partnershipKeys, partnershipsApi, type PartnershipFilters } from './partnerships.api';

export default function PartnershipsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.partnerships'));
  const me = useSignedIn();
  const navigate = useNavigate();
  const { orgId } = useOrgScope();
  const [q, setQ] = useState('');
  const [onlySoon, setOnlySoon] = useState(false);
  const { paging, firstPage, pagination } = usePaging();
  const [creating, setCreating] = useState(false);
  const canWrite = hasPermission(me, 'activity.write');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'tasks' ? 'tasks' : 'agreements';
  // The tab's badge: open tasks past their due date across the unit's agreements.
  const overdue = useQuery({
    queryKey: partnershipKeys.tasks({ orgId, view: 'overdue', page: 1, pageSize: 1 }),
    queryFn: () => partnershipsApi.tasks({ orgId, view: 'overdue', page: 1, pageSize: 1 }),
    select: (d) => d.counts.overdue,
  });

  const filters: PartnershipFilters = {
    orgId,
    q: q.trim() || undefined,
    endingWithinDays: onlySoon ? ENDING_SOON_DAYS : undefined,
    ...paging,
  };
  const list = useQuery({
    queryKey: partnershipKeys.list(filters),
    queryFn: () => partnershipsApi.list(filters),
    placeholderData: keepPreviousData,
  });
  // The reminder: agreements still running whose period ends within 30 days (the filter also returns ended ones).
  const soon = useQuery({
    queryKey: partnershipKeys.endingSoon(orgId),
    queryFn: () => partnershipsApi.list({ orgId, endingWithinDays: ENDING_SOON_DAYS, page: 1, pageSize: 200 }),
    select: (d) => d.items.filter(endsSoon),
  });
  const soonCount = soon.data?.length ?? 0;

  return (
    <>
      <PageHeader title={t('nav.partnerships')}>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="partnership-create">
            {t('partnerships.create')}
          </Button>
        )}
      </PageHeader>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'agreements',
            label: <span data-testid="partnerships-tab-agreements">{t('partnerships.agreements')}</span>,
            children: (
              <>
                {soonCount > 0 && (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 16 }}
                    data-testid="partnerships-ending-soon"
                    title={t('partnerships.endingSoonBanner', { count: soonCount, days: ENDING_SOON_DAYS })}
                    description={soon.data!.slice(0, 5).map((p) => (
                      <div key={p.id}>
                        <Link to={`/partnerships/${p.id}`}>{p.title}</Link> · {t('partnerships.endsOnDay', { date: formatDate(p.endsOn) })}
                      </div>
                    ))}
                  />
                )}
                <div role="search" className="filter-bar" aria-label={t('common.filters')}>
                  <Input.Search
                    allowClear
                    placeholder={t('partnerships.searchPlaceholder')}
                    aria-label={t('partnerships.search')}
                    onSearch={(v) => {
                      setQ(v);
                      firstPage();
                    }}
                    style={{ width: 240 }}
                    maxLength={64}
                    data-testid="partnership-search"
                  />
                  <label className="inline-switch">
                    <Switch
                      size="small"
                      checked={onlySoon}
                      onChange={(v) => {
                        setOnlySoon(v);
                        firstPage();
                      }}
                    />
                    <span>{t('partnerships.onlyEndingSoon', { days: ENDING_SOON_DAYS })}</span>
                  </label>
                </div>
                {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
                <Table<Partnership>
                  data-testid="partnerships-table"
                  rowKey="id"
                  loading={list.isFetching}
                  dataSource={list.data?.items ?? []}
                  scroll={{ x: 1100 }}
                  rowClassName={(p) => (endsSoon(p) ? 'row-ending-soon' : '')}
                  locale={{ emptyText: t('partnerships.empty') }}
                  pagination={pagination(list.data?.total, [20, 50, 100])}
                  columns={[
                    {
                      key: 'title',
                      title: t('partnerships.title'),
                      width: 240,
                      render: (_v, p) => (
                        <Link to={`/partnerships/${p.id}`} data-testid={`partnership-link-${p.id}`}>
                          {p.title}
                        </Link>
                      ),
                    },
                    {
                      key: 'members',
                      title: t('partnerships.members'),
                      width: 280,
                      render: (_v, p) => p.members.map((m) => m.name).join('、'),
                    },
                    {
                      key: 'period',
                      title: t('partnerships.period'),
                      width: 200,
                      render: (_v, p) => `${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}`,
                    },
                    {
                      key: 'daysLeft',
                      title: t('partnerships.daysLeft'),
                      width: 120,
                      render: (_v, p) => <DaysLeftTag daysLeft={p.daysLeft} />,
                    },
                    {
                      key: 'goals',
                      title: t('partnerships.goals'),
                      width: 240,
                      render: (_v, p) =>
                        p.goals.length === 0 ? (
                          <span className="empty-text">{t('partnerships.noGoals')}</span>
                        ) : (
                          <ul className="plain-list">
                            {p.goals.slice(0, 3).map((g) => (
                              <li key={g.id} className="goal-mini">
                                <span className="goal-mini-title" title={g.title}>
                                  {g.title}
                                </span>
                                <Progress percent={goalPercent(g)} size="small" aria-label={g.title} />
                              </li>
                            ))}
                          </ul>
                        ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'tasks',
            label: (
              <span data-testid="partnerships-tab-tasks">
                {t('meetings.allTasks')}
                {Boolean(overdue.data) && (
                  <Badge count={overdue.data} size="small" offset={[6, -2]} title={t('meetings.overdueCount', { count: overdue.data })} />
                )}
              </span>
            ),
            children: <MeetingTasksTab orgId={orgId} canWrite={canWrite} />,
          },
        ]}
      />
      <PartnershipFormDrawer
        target={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          setCreating(false);
          void navigate(`/partnerships/${p.id}`);
        }}
      />
    </>
  );
}
