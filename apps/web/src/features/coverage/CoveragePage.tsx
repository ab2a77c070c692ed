import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Statistic, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorText } from '../../app/api';
import { formatDate } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { AppointmentsList } from './AppointmentsList';
import { EndDateModal } from './EndDateModal';
import { ZoneFormModal } from './ZoneFormModal';
import { ZonesTab } from './ZonesTab';
import { coverageApi, coverageKeys, type CoverageItem } from './coverage.api';

const TABS = ['outlets', 'zones', 'appointments'] as const;

/** 责任区覆盖: outlets with no party member of their own, whether a member's zone covers each, and assigning one. */
export default function CoveragePage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.coverage'));
  const me = useSignedIn();
  const { orgId } = useOrgScope();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'outlets';
  const [uncoveredOnly, setUncoveredOnly] = useState(false);
  const [assigning, setAssigning] = useState<CoverageItem | null>(null);
  const [ending, setEnding] = useState<CoverageItem | null>(null);
  const coverage = useQuery({
    queryKey: coverageKeys.coverage(orgId, uncoveredOnly),
    queryFn: () => coverageApi.coverage(orgId, uncoveredOnly),
  });
  const c = coverage.data;
  const percent = c && c.outletsWithoutMember > 0 ? Math.floor((c.covered / c.outletsWithoutMember) * 100) : 100;
  const canSeePeople = hasPermission(me, 'person.read');
  // Choosing the member needs the people directory.
  const canAssign = canSeePeople && hasPermission(me, 'place.write');

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
          <Statistic
            title={t('coverage.uncovered')}
            value={c?.uncovered ?? 0}
            loading={coverage.isPending}
            data-testid="coverage-uncovered"
          />
          <div style={{ minWidth: 220, flex: 1 }}>
            <Progress percent={percent} status={c && c.uncovered === 0 ? 'success' : 'normal'} aria-label={t('coverage.percent')} />
          </div>
        </div>
      </Card>
      <Tabs
        destroyOnHidden
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          {
            key: 'outlets',
            label: <span data-testid="coverage-tab-outlets">{t('coverage.outlets')}</span>,
            children: (
              <>
                <div className="filter-bar">
                  <Switch
                    checked={uncoveredOnly}
                    onChange={setUncoveredOnly}
                    aria-label={t('coverage.uncoveredOnly')}
                    data-testid="coverage-uncovered-only"
                  />
                  <span>{t('coverage.uncoveredOnly')}</span>
                </div>
                <Table<CoverageItem>
                  size="small"
                  rowKey="placeId"
                  data-testid="coverage-table"
                  loading={coverage.isFetching}
                  dataSource={c?.items ?? []}
                  pagination={{ pageSize: 50, showSizeChanger: false }}
                  scroll={{ x: 760 }}
                  onRow={(i) =>
                    ({
                      'data-testid': `coverage-row-${i.placeId}`,
                      'data-covered': Boolean(i.coveredBy),
                    }) as React.HTMLAttributes<HTMLElement>
                  }
                  locale={{ emptyText: <span className="empty-text">{t('coverage.empty')}</span> }}
                  columns={[
                    { key: 'place', title: t('coverage.outlet'), dataIndex: 'placeName' },
                    { key: 'org', title: t('coverage.org'), dataIndex: 'orgName' },
                    {
                      key: 'by',
                      title: t('coverage.coveredBy'),
                      render: (_v, i) =>
                        i.coveredBy ? (
                          <>
                            <div>{i.coveredBy}</div>
                            {i.coveredSince && (
                              <div className="empty-text">{t('coverage.coveredSince', { date: formatDate(i.coveredSince) })}</div>
                            )}
                          </>
                        ) : (
                          <Tag color="error">{t('coverage.notCovered')}</Tag>
                        ),
                    },
                    ...(canAssign
                      ? [
                          {
                            key: 'actions',
                            title: t('common.actions'),
                            width: 150,
                            render: (_v: unknown, i: CoverageItem) =>
                              !i.editable ? null : i.zoneId ? (
                                <Button size="small" type="link" onClick={() => setEnding(i)} data-testid={`coverage-end-${i.placeId}`}>
                                  {t('coverage.endZone')}
                                </Button>
                              ) : (
                                <Button
                                  size="small"
                                  type="primary"
                                  ghost
                                  onClick={() => setAssigning(i)}
                                  data-testid={`coverage-assign-${i.placeId}`}
                                >
                                  {t('coverage.assign')}
                                </Button>
                              ),
                          },
                        ]
                      : []),
                  ]}
                />
              </>
            ),
          },
          ...(canSeePeople
            ? [
                {
                  key: 'zones',
                  label: <span data-testid="coverage-tab-zones">{t('coverage.zones')}</span>,
                  children: <ZonesTab orgId={orgId} />,
                },
                {
                  key: 'appointments',
                  label: <span data-testid="coverage-tab-appointments">{t('coverage.appointments')}</span>,
                  children: <AppointmentsList orgId={orgId} hint={t('coverage.appointmentsHint')} />,
                },
              ]
            : []),
        ]}
      />
      <ZoneFormModal outlet={assigning} onClose={() => setAssigning(null)} />
      <EndDateModal
        target={
          ending && {
            title: t('coverage.endZone'),
            description: `${ending.coveredBy ?? ''} · ${ending.placeName}`,
            startsOn: ending.coveredSince ?? '2000-01-01',
          }
        }
        submit={(endsOn) => coverageApi.endZone(ending!.zoneId!, endsOn)}
        onClose={() => setEnding(null)}
        notAfterToday
        testId="coverage-end-form"
      />
    </>
  );
}
