import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Progress, Statistic, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api';
import { formatDate } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { coverageApi, coverageKeys, type Appointment, type Coverage, type Zone } from './coverage.api';

type CoverageItem = Coverage['items'][number];

/** 责任区覆盖: outlets with no party member of their own, and whether a member's zone covers each. */
export default function CoveragePage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.coverage'));
  const me = useSignedIn();
  const { orgId } = useOrgScope();
  const [uncoveredOnly, setUncoveredOnly] = useState(false);
  const coverage = useQuery({ queryKey: coverageKeys.coverage(orgId, uncoveredOnly), queryFn: () => coverageApi.coverage(orgId, uncoveredOnly) });
  const c = coverage.data;
  const percent = c && c.outletsWithoutMember > 0 ? Math.floor((c.covered / c.outletsWithoutMember) * 100) : 100;
  const canSeePeople = hasPermission(me, 'person.read');

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 8 }}>
        {t('nav.coverage')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('coverage.intro')}</Typography.Paragraph>
      {coverage.isError && <Alert type="error" showIcon title={errorText(coverage.error)} style={{ marginBottom: 16 }} />}
      <Card size="small" style={{ marginBottom: 16 }} data-testid="coverage-summary">
        <div className="stat-row">
          <Statistic title={t('coverage.withoutMember')} value={c?.outletsWithoutMember ?? 0} loading={coverage.isPending} />
          <Statistic title={t('coverage.covered')} value={c?.covered ?? 0} loading={coverage.isPending} data-testid="coverage-covered" />
          <Statistic title={t('coverage.uncovered')} value={c?.uncovered ?? 0} loading={coverage.isPending} data-testid="coverage-uncovered" />
          <div style={{ minWidth: 220, flex: 1 }}>
            <Progress percent={percent} status={c && c.uncovered === 0 ? 'success' : 'normal'} aria-label={t('coverage.percent')} />
          </div>
        </div>
      </Card>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'outlets',
            label: t('coverage.outlets'),
            children: (
              <>
                <div className="filter-bar">
                  <Switch checked={uncoveredOnly} onChange={setUncoveredOnly} aria-label={t('coverage.uncoveredOnly')} data-testid="coverage-uncovered-only" />
                  <span>{t('coverage.uncoveredOnly')}</span>
                </div>
                <Table<CoverageItem>
                  size="small"
                  rowKey="placeId"
                  data-testid="coverage-table"
                  loading={coverage.isFetching}
                  dataSource={c?.items ?? []}
                  pagination={{ pageSize: 50, showSizeChanger: false }}
                  scroll={{ x: 640 }}
                  locale={{ emptyText: <span className="empty-text">{t('coverage.empty')}</span> }}
                  columns={[
                    { key: 'place', title: t('coverage.outlet'), dataIndex: 'placeName' },
                    { key: 'org', title: t('coverage.org'), dataIndex: 'orgName' },
                    {
                      key: 'by',
                      title: t('coverage.coveredBy'),
                      render: (_v, i) => (i.coveredBy ? i.coveredBy : <Tag color="error">{t('coverage.notCovered')}</Tag>),
                    },
                  ]}
                />
              </>
            ),
          },
          ...(canSeePeople
            ? [
                { key: 'zones', label: t('coverage.zones'), children: <ZonesTable orgId={orgId} /> },
                { key: 'appointments', label: t('coverage.appointments'), children: <AppointmentsTable orgId={orgId} /> },
              ]
            : []),
        ]}
      />
    </>
  );
}

function ZonesTable({ orgId }: { orgId: string | null }) {
  const { t } = useTranslation();
  const zones = useQuery({ queryKey: coverageKeys.zones(orgId), queryFn: () => coverageApi.zones(orgId) });
  return (
    <>
      {zones.isError && <Alert type="error" showIcon title={errorText(zones.error)} style={{ marginBottom: 16 }} />}
      <Table<Zone>
        size="small"
        rowKey="id"
        data-testid="zones-table"
        loading={zones.isFetching}
        dataSource={zones.data?.items ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 760 }}
        locale={{ emptyText: <span className="empty-text">{t('coverage.noZones')}</span> }}
        columns={[
          { key: 'person', title: t('coverage.member'), dataIndex: 'personName', width: 120 },
          { key: 'place', title: t('coverage.outlet'), dataIndex: 'placeName', width: 200 },
          { key: 'roles', title: t('coverage.roles'), render: (_v, z) => z.roles.map((r) => <Tag key={r}>{t(`zoneRole.${r}`)}</Tag>) },
          { key: 'since', title: t('coverage.since'), width: 120, render: (_v, z) => formatDate(z.startsOn) },
        ]}
      />
    </>
  );
}

function AppointmentsTable({ orgId }: { orgId: string | null }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: coverageKeys.appointments(orgId), queryFn: () => coverageApi.appointments(orgId) });
  return (
    <>
      <Typography.Paragraph type="secondary">{t('coverage.appointmentsHint')}</Typography.Paragraph>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<Appointment>
        size="small"
        rowKey="id"
        data-testid="appointments-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 720 }}
        locale={{ emptyText: <span className="empty-text">{t('coverage.noAppointments')}</span> }}
        columns={[
          { key: 'person', title: t('coverage.person'), dataIndex: 'personName', width: 120 },
          { key: 'org', title: t('coverage.hostOrg'), dataIndex: 'orgName', width: 220 },
          { key: 'post', title: t('coverage.post'), dataIndex: 'post', width: 160 },
          {
            key: 'period',
            title: t('coverage.period'),
            render: (_v, a) => `${formatDate(a.startsOn)} – ${a.endsOn ? formatDate(a.endsOn) : t('coverage.ongoing')}`,
          },
        ]}
      />
    </>
  );
}
