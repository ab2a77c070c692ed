import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Activity, ActivityKind } from '@youshe/shared';
import { errorText } from '../../app/api';
import { formatNumber, formatTimeRange } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { partnershipKeys, partnershipsApi } from '../partnerships/partnerships.api';
import { activitiesApi, activityKeys } from './activities.api';
import { ActivityActions } from './ActivityActions';
import { ActivityStatusTag } from './ActivityStatusTag';
import { CheckinBox } from './CheckinBox';
import { formatOutcome } from './outcome';
import { PhotosCard } from './PhotosCard';
import { PublicLinks } from './PublicLinks';
import { QuizCard } from './QuizCard';
import { QuotesCard } from './QuotesCard';
import { SignupList } from './SignupList';
import { useActivityKinds } from './use-activity-kinds';

export default function ActivityDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSignedIn();
  const detail = useQuery({ queryKey: activityKeys.detail(id), queryFn: () => activitiesApi.get(id) });
  const kinds = useActivityKinds();
  const activity = detail.data;
  usePageTitle(activity?.title ?? t('nav.activities'));

  const back = (
    <Link to="/activities" className="back-link">
      <ArrowLeftOutlined aria-hidden /> {t('activities.backToList')}
    </Link>
  );
  if (detail.isPending) {
    return (
      <>
        {back}
        <Card aria-busy>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  }
  if (detail.isError || !activity) {
    return (
      <>
        {back}
        <Alert type="error" showIcon title={errorText(detail.error)} />
      </>
    );
  }

  const kind = kinds.data?.find((k) => k.id === activity.kindId);
  const live = activity.status === 'published' || activity.status === 'in_progress';
  const canWrite = hasPermission(me, 'activity.write');
  const canCheckIn = hasPermission(me, 'activity.checkin');

  return (
    <div className="detail-page" data-testid="activity-detail">
      {back}
      <div className="detail-header">
        <Space wrap size={8} style={{ flex: 1 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {activity.title}
          </Typography.Title>
          <ActivityStatusTag status={activity.status} />
          <Tag color="geekblue">{activity.kindName}</Tag>
        </Space>
        {canWrite && <ActivityActions activity={activity} kind={kind} />}
      </div>
      <div className="stat-row">
        <Statistic
          title={t('activities.confirmed')}
          value={activity.confirmedCount}
          suffix={activity.capacity !== null ? `/ ${formatNumber(activity.capacity)}` : undefined}
          data-testid="activity-confirmed"
        />
        <Statistic title={t('activities.waitlist')} value={activity.waitlistCount} data-testid="activity-waitlist" />
        <Statistic
          title={t('activities.attendance')}
          value={activity.attendanceCount}
          suffix={
            activity.attendanceByHand > 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                {t('activities.attendanceSplit', {
                  checkedIn: formatNumber(activity.attendanceCount - activity.attendanceByHand),
                  byHand: formatNumber(activity.attendanceByHand),
                })}
              </Typography.Text>
            ) : undefined
          }
          data-testid="activity-attendance"
        />
      </div>
      <ActivityFacts activity={activity} kind={kind} />
      <PublicLinks activity={activity} />
      {live && canCheckIn && <CheckinBox activityId={activity.id} />}
      {activity.status !== 'draft' && <SignupList activityId={activity.id} live={live} />}
      <PhotosCard activityId={activity.id} canWrite={canWrite} />
      <QuotesCard activityId={activity.id} canWrite={canWrite} />
      {activity.status !== 'draft' && activity.status !== 'cancelled' && <QuizCard activity={activity} canWrite={canWrite} />}
    </div>
  );
}

function ActivityFacts({ activity, kind }: { activity: Activity; kind: ActivityKind | undefined }) {
  const { t } = useTranslation();
  const partnerships = useQuery({
    queryKey: partnershipKeys.options(null),
    queryFn: () => partnershipsApi.list({ page: 1, pageSize: 200 }),
    enabled: activity.partnershipIds.length > 0,
  });
  const locale = currentLocale();
  const place = [activity.placeName, activity.location].filter(Boolean).join(' · ');
  const outcomeKeys = (kind?.outcomeFields.map((f) => f.key) ?? []).filter((k) => activity.outcome[k] !== undefined);
  return (
    <Card size="small">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'time', label: t('activities.time'), children: formatTimeRange(activity.startsAt, activity.endsAt) },
          { key: 'place', label: t('activities.place'), children: place || '—' },
          { key: 'org', label: t('activities.org'), children: activity.orgName },
          {
            key: 'organisers',
            label: t('activities.organisers'),
            children: activity.organisers.map((o) => o.name).join('、'),
          },
          {
            key: 'capacity',
            label: t('activities.capacity'),
            children: activity.capacity === null ? t('activities.unlimited') : formatNumber(activity.capacity),
          },
          {
            key: 'partnerships',
            label: t('activities.partnerships'),
            children: activity.partnershipIds.length ? (
              <Space wrap size={4}>
                {activity.partnershipIds.map((pid) => (
                  <Link key={pid} to={`/partnerships/${pid}`}>
                    {partnerships.data?.items.find((p) => p.id === pid)?.title ?? t('activities.partnership')}
                  </Link>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
          ...(outcomeKeys.length
            ? [
                {
                  key: 'outcome',
                  label: t('activities.outcome'),
                  span: 'filled' as const,
                  children: (
                    <ul className="plain-list" data-testid="activity-outcome">
                      {outcomeKeys.map((k) => (
                        <li key={k}>
                          {t(`outcomeField.${k}`)}：{formatOutcome(k, activity.outcome[k]!, locale)}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
          {
            key: 'description',
            label: t('activities.description'),
            span: 'filled' as const,
            children: activity.description ? <div className="pre-wrap">{activity.description}</div> : '—',
          },
        ]}
      />
    </Card>
  );
}
