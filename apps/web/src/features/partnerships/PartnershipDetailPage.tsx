import { useState } from 'react';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined, RedoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Popconfirm, Progress, Skeleton, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Partnership } from '@youshe/shared';
import { errorText } from '../../app/api';
import { formatDate } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { formatOutcome, isMoneyField } from '../activities/outcome';
import { useActivityKinds } from '../activities/use-activity-kinds';
import { AgreementFile } from './AgreementFile';
import { DaysLeftTag } from './DaysLeftTag';
import { unitKey } from './GoalFields';
import { GoalModal } from './GoalModal';
import { MeetingsCard } from './MeetingsCard';
import { PartnershipActivities } from './PartnershipActivities';
import { PartnershipFormDrawer } from './PartnershipFormDrawer';
import { endsSoon, goalPercent, partnershipKeys, partnershipsApi, type Goal } from './partnerships.api';
import { RenewModal } from './RenewModal';

export default function PartnershipDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSignedIn();
  const navigate = useNavigate();
  const detail = useQuery({ queryKey: partnershipKeys.detail(id), queryFn: () => partnershipsApi.get(id) });
  const p = detail.data;
  usePageTitle(p?.title ?? t('nav.partnerships'));
  const [editing, setEditing] = useState(false);
  const [renewing, setRenewing] = useState(false);
  const canWrite = hasPermission(me, 'activity.write');

  const back = (
    <Link to="/partnerships" className="back-link">
      <ArrowLeftOutlined aria-hidden /> {t('partnerships.backToList')}
    </Link>
  );
  if (detail.isPending) {
    return (
      <>
        {back}
        <Card aria-busy>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </>
    );
  }
  if (detail.isError || !p) {
    return (
      <>
        {back}
        <Alert type="error" showIcon title={errorText(detail.error)} />
      </>
    );
  }

  return (
    <div className="detail-page" data-testid="partnership-detail">
      {back}
      <div className="detail-header">
        <Space wrap size={8} style={{ flex: 1 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {p.title}
          </Typography.Title>
          <DaysLeftTag daysLeft={p.daysLeft} />
        </Space>
        {canWrite && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="partnership-edit">
              {t('common.edit')}
            </Button>
            <Tooltip title={p.renewedById ? t('partnerships.alreadyRenewed') : undefined}>
              <Button
                icon={<RedoOutlined />}
                onClick={() => setRenewing(true)}
                disabled={Boolean(p.renewedById)}
                data-testid="partnership-renew"
              >
                {t('partnerships.renew')}
              </Button>
            </Tooltip>
          </Space>
        )}
      </div>
      {endsSoon(p) && (
        <Alert type="warning" showIcon title={t('partnerships.endsSoonOne', { count: p.daysLeft, date: formatDate(p.endsOn) })} />
      )}
      <Card size="small">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'org', label: t('partnerships.org'), children: p.orgName },
            // The initiating unit is on the line above; its partners are the other members.
            {
              key: 'members',
              label: t('partnerships.members'),
              children: p.members
                .filter((m) => m.id !== p.orgId)
                .map((m) => m.name)
                .join('、'),
            },
            { key: 'period', label: t('partnerships.period'), children: `${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}` },
            { key: 'signedOn', label: t('partnerships.signedOn'), children: p.signedOn ? formatDate(p.signedOn) : '—' },
            { key: 'agreement', label: t('partnerships.agreementFile'), children: <AgreementFile partnership={p} canWrite={canWrite} /> },
            ...(p.renewedFromId
              ? [
                  {
                    key: 'renewedFrom',
                    label: t('partnerships.renewedFrom'),
                    children: <Link to={`/partnerships/${p.renewedFromId}`}>{t('partnerships.previousPeriod')}</Link>,
                  },
                ]
              : []),
            ...(p.renewedById
              ? [
                  {
                    key: 'renewedBy',
                    label: t('partnerships.renewedBy'),
                    children: (
                      <Link to={`/partnerships/${p.renewedById}`} data-testid="partnership-next-period">
                        {t('partnerships.nextPeriod')}
                      </Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <GoalsCard partnership={p} canWrite={canWrite} />
      <PartnershipActivities partnershipId={p.id} />
      <MeetingsCard partnership={p} canWrite={canWrite} />
      <PartnershipFormDrawer target={editing ? p : null} onClose={() => setEditing(false)} />
      <RenewModal
        partnership={p}
        open={renewing}
        onClose={() => setRenewing(false)}
        onRenewed={(next) => {
          setRenewing(false);
          void navigate(`/partnerships/${next.id}`);
        }}
      />
    </div>
  );
}

function GoalsCard({ partnership, canWrite }: { partnership: Partnership; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const kinds = useActivityKinds();
  const [goal, setGoal] = useState<Goal | 'new' | null>(null);
  const locale = currentLocale();
  const remove = useMutation({
    mutationFn: (goalId: string) => partnershipsApi.removeGoal(partnership.id, goalId),
    onSuccess: (p) => {
      void message.success(t('goals.removed'));
      client.setQueryData(partnershipKeys.detail(partnership.id), p);
      void client.invalidateQueries({ queryKey: partnershipKeys.all });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const value = (g: Goal, n: number) => formatOutcome(g.metric, n, locale);

  return (
    <Card
      size="small"
      title={t('partnerships.goals')}
      extra={
        canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setGoal('new')} data-testid="goal-create">
            {t('partnerships.addGoal')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('partnerships.progressHint')}</Typography.Paragraph>
      {partnership.goals.length === 0 ? (
        <Empty description={t('partnerships.noGoals')} />
      ) : (
        <ul className="plain-list goal-list">
          {partnership.goals.map((g) => {
            const kind = g.kindId ? kinds.data?.find((k) => k.id === g.kindId)?.name : null;
            const unit = isMoneyField(g.metric) ? '' : t(unitKey(g.metric));
            return (
              <li key={g.id} className="goal-item" data-testid={`goal-${g.id}`}>
                <div className="goal-item-head">
                  <Typography.Text strong>{g.title}</Typography.Text>
                  <span className="empty-text">
                    {t(`goalMetric.${g.metric}`)}
                    {kind ? ` · ${kind}` : ''}
                  </span>
                  <span className="goal-item-figures" data-testid={`goal-figures-${g.id}`}>
                    {t('goals.progressOf', { progress: value(g, g.progress), target: value(g, g.target), unit })}
                  </span>
                  {canWrite && (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setGoal(g)}
                        aria-label={t('goals.editLabel', { title: g.title })}
                      />
                      <Popconfirm
                        title={t('goals.removeConfirm', { title: g.title })}
                        okText={t('common.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove.mutateAsync(g.id).catch(() => undefined)}
                      >
                        <Button
                          type="link"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('goals.removeLabel', { title: g.title })}
                        />
                      </Popconfirm>
                    </Space>
                  )}
                </div>
                <Progress
                  percent={goalPercent(g)}
                  status={g.progress >= g.target ? 'success' : 'normal'}
                  data-testid={`goal-progress-${g.id}`}
                  data-progress={g.progress}
                  data-target={g.target}
                  aria-label={t('goals.progressLabel', { title: g.title })}
                />
              </li>
            );
          })}
        </ul>
      )}
      <GoalModal partnershipId={partnership.id} target={goal} onClose={() => setGoal(null)} />
    </Card>
  );
}
