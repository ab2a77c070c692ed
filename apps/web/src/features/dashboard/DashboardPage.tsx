import { lazy, Suspense, useMemo, useState } from 'react';
import { ArrowUpOutlined, DesktopOutlined, FileWordOutlined, FilePdfOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Progress, Row, Select, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Dashboard } from '@youshe/shared';
import { PageHeader } from '../../app/PageHeader';
import { errorText } from '../../app/api';
import { formatNumber } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { usePageTitle } from '../../app/use-page-title';
import { activitiesLink, chinaMonth, dashboardApi, dashboardKeys, outcomesLink, type ReportPeriod } from './dashboard.api';
import { CURRENT_LINKS, PERIOD_FILTERED, PERIOD_LINKS, figureName, figureValue, periodMetrics } from './figures';

const MonthsChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.MonthsChart })));
const ShareChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.ShareChart })));

type Child = Dashboard['children'][number];

/** Figures of a unit's subtree for a period, each leading to the units below it and to the records behind it. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('reports.dashboard'));
  const { message } = App.useApp();
  const navigate = useNavigate();
  const scope = useOrgScope();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? scope.orgId ?? undefined;
  const to = params.get('to') ?? chinaMonth();
  const from = params.get('from') ?? `${to.slice(0, 4)}-01`;
  const [period, setPeriod] = useState<ReportPeriod>('month');
  const [busy, setBusy] = useState<string | null>(null);

  const q = { orgId, from, to };
  const data = useQuery({ queryKey: dashboardKeys.one(q), queryFn: () => dashboardApi.get(q), placeholderData: keepPreviousData });
  const d = data.data;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    setParams(next);
  };
  const recordsOf = (id: string | null, kindId?: string) => activitiesLink(id, from, to, kindId);
  const linkOf = (m: string, id: string | null) => {
    if (m === 'activities' || m === 'attendance' || m.startsWith('outcome:')) return recordsOf(id);
    if (PERIOD_FILTERED.has(m)) return outcomesLink(id, from, to);
    return PERIOD_LINKS[m] ?? '#';
  };

  const download = async (format: 'docx' | 'pdf') => {
    setBusy(format);
    try {
      await dashboardApi.downloadReport({ orgId: d?.org.id ?? undefined, period, date: `${to}-01`, format, lang: i18n.language });
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const kindSlices = useMemo(
    () =>
      (d?.kinds ?? [])
        .map((k) => ({ key: k.kindId, name: k.name, value: d?.totals[`activities:${k.kindId}`] ?? 0 }))
        .filter((s) => s.value > 0),
    [d],
  );
  const extraColumns = d
    ? periodMetrics(d.totals)
        .filter((m) => !m.startsWith('outcome:') && m !== 'activities' && m !== 'attendance')
        .slice(0, 3)
    : [];

  return (
    <>
      <PageHeader title={d ? t('reports.dashboardOf', { name: d.org.name }) : t('reports.dashboard')} data-testid="dashboard-title">
        {d?.org.parentId && params.get('orgId') && params.get('orgId') !== scope.orgId && (
          <Button icon={<ArrowUpOutlined />} onClick={() => set({ orgId: d.org.parentId ?? undefined })} data-testid="dashboard-up">
            {t('reports.up')}
          </Button>
        )}
        <Link to="/screen" data-testid="dashboard-screen-link">
          <DesktopOutlined /> {t('reports.screen')}
        </Link>
      </PageHeader>
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <DatePicker.RangePicker
          picker="month"
          allowClear={false}
          value={[dayjs(`${from}-01`), dayjs(`${to}-01`)]}
          onChange={(v) => v?.[0] && v[1] && set({ from: v[0].format('YYYY-MM'), to: v[1].format('YYYY-MM') })}
          aria-label={t('reports.period')}
          data-testid="dashboard-period"
        />
        <Space.Compact>
          <Select<ReportPeriod>
            value={period}
            onChange={setPeriod}
            aria-label={t('reports.reportPeriod')}
            options={(['month', 'quarter', 'year'] as const).map((p) => ({ value: p, label: t(`reports.periods.${p}`) }))}
            style={{ width: 120 }}
            data-testid="report-period"
          />
          <Button icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => void download('docx')} data-testid="report-docx">
            {t('reports.word')}
          </Button>
          <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void download('pdf')} data-testid="report-pdf">
            PDF
          </Button>
        </Space.Compact>
      </div>
      {data.isError && <Alert type="error" showIcon title={errorText(data.error)} style={{ marginBottom: 16 }} />}

      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {d &&
          periodMetrics(d.totals).map((m) => (
            <Col key={m} xs={12} sm={8} lg={6} xl={4}>
              <Link to={linkOf(m, d.org.id)} data-testid={`figure-${m.replace(':', '-')}`} className="figure-card">
                <Card size="small" hoverable>
                  <Statistic title={figureName(t, m)} value={figureValue(m, d.totals[m] ?? 0)} formatter={(v) => formatNumber(Number(v))} />
                </Card>
              </Link>
            </Col>
          ))}
        {d &&
          Object.entries(d.current).map(([m, v]) => (
            <Col key={m} xs={12} sm={8} lg={6} xl={4}>
              <Link to={CURRENT_LINKS[m] ?? '#'} data-testid={`current-${m}`} className="figure-card">
                <Card size="small" hoverable>
                  <Statistic title={figureName(t, m)} value={v} formatter={(x) => formatNumber(Number(x))} />
                </Card>
              </Link>
            </Col>
          ))}
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('reports.byMonth')} size="small">
            <div aria-hidden="true">
              <Suspense fallback={<div style={{ height: 300 }} />}>
                <MonthsChart
                  points={(d?.months ?? []).map((m) => ({
                    month: m.month,
                    activities: m.figures.activities ?? 0,
                    attendance: m.figures.attendance ?? 0,
                  }))}
                  labels={{ activities: figureName(t, 'activities'), attendance: figureName(t, 'attendance') }}
                  onMonth={(month) => d && navigate(activitiesLink(d.org.id, month, month))}
                />
              </Suspense>
            </div>
            <table className="sr-only">
              <caption>{t('reports.byMonth')}</caption>
              <tbody>
                {(d?.months ?? []).map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{m.month}</th>
                    <td>{m.figures.activities ?? 0}</td>
                    <td>{m.figures.attendance ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('reports.byKind')} size="small">
            <div aria-hidden="true">
              <Suspense fallback={<div style={{ height: 300 }} />}>
                <ShareChart slices={kindSlices} onSlice={(kind) => d && navigate(recordsOf(d.org.id, kind))} />
              </Suspense>
            </div>
            <ul className="sr-only">
              {kindSlices.map((s) => (
                <li key={s.key}>
                  <Link to={d ? recordsOf(d.org.id, s.key) : '#'}>{`${s.name} ${s.value}`}</Link>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>

      <Card title={t('reports.units')} size="small" style={{ marginTop: 16 }}>
        <Table<Child>
          rowKey="orgId"
          size="small"
          loading={data.isFetching}
          dataSource={d?.children ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="dashboard-children"
          locale={{ emptyText: t('reports.noUnits') }}
          scroll={{ x: 600 }}
          columns={[
            {
              key: 'name',
              title: t('reports.unit'),
              render: (_v, c) =>
                c.hasChildren ? (
                  <Button type="link" style={{ padding: 0 }} onClick={() => set({ orgId: c.orgId })} data-testid={`drill-${c.orgId}`}>
                    {c.name}
                  </Button>
                ) : (
                  c.name
                ),
            },
            {
              key: 'activities',
              title: figureName(t, 'activities'),
              align: 'right',
              render: (_v, c) => (
                <Link to={recordsOf(c.orgId)} data-testid={`child-activities-${c.orgId}`}>
                  {formatNumber(c.figures.activities ?? 0)}
                </Link>
              ),
            },
            {
              key: 'attendance',
              title: figureName(t, 'attendance'),
              align: 'right',
              render: (_v, c) => formatNumber(c.figures.attendance ?? 0),
            },
            ...extraColumns.map((m) => ({
              key: m,
              title: figureName(t, m),
              align: 'right' as const,
              render: (_v: unknown, c: Child) => formatNumber(figureValue(m, c.figures[m] ?? 0)),
            })),
          ]}
        />
      </Card>

      {d && d.goals.length > 0 && (
        <Card title={t('reports.goals')} size="small" style={{ marginTop: 16 }}>
          <Table
            rowKey={(g) => `${g.partnershipId}-${g.title}`}
            size="small"
            pagination={false}
            dataSource={d.goals}
            columns={[
              {
                key: 'p',
                title: t('reports.partnership'),
                render: (_v, g) => <Link to={`/partnerships/${g.partnershipId}`}>{g.partnershipTitle}</Link>,
              },
              { key: 'g', title: t('reports.goal'), dataIndex: 'title' },
              {
                key: 'progress',
                title: t('reports.progress'),
                width: 220,
                render: (_v, g) => (
                  <Progress
                    percent={Math.min(100, Math.round((g.progress / Math.max(g.target, 1)) * 100))}
                    format={() => `${formatNumber(g.progress)} / ${formatNumber(g.target)}`}
                    aria-label={`${g.title} ${g.progress} / ${g.target}`}
                    size="small"
                  />
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
