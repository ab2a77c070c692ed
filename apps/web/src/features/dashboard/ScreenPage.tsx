import { lazy, Suspense, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { usePageTitle } from '../../app/use-page-title';
import { chinaMonth, dashboardApi } from './dashboard.api';
import { figureName, figureValue, periodMetrics } from './figures';
import './screen.css';

const MonthsChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.MonthsChart })));
const ShareChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.ShareChart })));
const UnitsChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.UnitsChart })));

/** Seconds between refreshes of the wall display; ?refresh= overrides (at least 5). */
const DEFAULT_REFRESH = 30;

function useClock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The big screen (数据大屏): this year's figures of the unit for a 1920×1080 wall display, dark, no console
 * chrome, refreshing itself. It reads the same dashboard endpoint, so it is as current as the rollups.
 */
export default function ScreenPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.screen'));
  const scope = useOrgScope();
  const [params] = useSearchParams();
  const orgId = params.get('orgId') ?? scope.orgId ?? undefined;
  const refresh = Math.max(5, Number(params.get('refresh')) || DEFAULT_REFRESH);
  const to = chinaMonth();
  const q = { orgId, from: `${to.slice(0, 4)}-01`, to };
  const data = useQuery({ queryKey: ['screen', q], queryFn: () => dashboardApi.get(q), refetchInterval: refresh * 1000 });
  const now = useClock();
  const d = data.data;
  const metrics = d ? periodMetrics(d.totals).slice(0, 6) : [];

  return (
    <main className="big-screen" data-testid="big-screen" aria-busy={data.isPending}>
      <header className="big-screen__head">
        <Link to="/dashboard" className="big-screen__back">
          {t('reports.backToConsole')}
        </Link>
        <h1>{d ? t('reports.screenTitle', { name: d.org.name }) : t('reports.screen')}</h1>
        <time dateTime={now.toISOString()}>
          {new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'medium', hour12: false }).format(
            now,
          )}
        </time>
      </header>
      <section className="big-screen__kpis" aria-label={t('reports.keyFigures')}>
        {metrics.map((m) => (
          <div className="kpi" key={m} data-testid={`screen-${m.replace(':', '-')}`}>
            <div className="kpi__value">{formatNumber(figureValue(m, d!.totals[m] ?? 0))}</div>
            <div className="kpi__label">{figureName(t, m)}</div>
          </div>
        ))}
        {d &&
          Object.entries(d.current)
            .filter(([, v]) => v > 0)
            .slice(0, 6)
            .map(([m, v]) => (
              <div className="kpi kpi--current" key={m} data-testid={`screen-current-${m}`}>
                <div className="kpi__value">{formatNumber(v)}</div>
                <div className="kpi__label">{figureName(t, m)}</div>
              </div>
            ))}
      </section>
      <section className="big-screen__grid" aria-hidden="true">
        <div className="panel">
          <h2>{t('reports.byMonth')}</h2>
          <Suspense fallback={null}>
            <MonthsChart
              dark
              height={340}
              points={(d?.months ?? []).map((m) => ({
                month: m.month,
                activities: m.figures.activities ?? 0,
                attendance: m.figures.attendance ?? 0,
              }))}
              labels={{ activities: figureName(t, 'activities'), attendance: figureName(t, 'attendance') }}
            />
          </Suspense>
        </div>
        <div className="panel">
          <h2>{t('reports.byKind')}</h2>
          <Suspense fallback={null}>
            <ShareChart
              dark
              height={340}
              slices={(d?.kinds ?? [])
                .map((k) => ({ key: k.kindId, name: k.name, value: d?.totals[`activities:${k.kindId}`] ?? 0 }))
                .filter((s) => s.value > 0)}
            />
          </Suspense>
        </div>
        <div className="panel">
          <h2>{t('reports.units')}</h2>
          <Suspense fallback={null}>
            <UnitsChart
              dark
              height={340}
              slices={(d?.children ?? [])
                .map((c) => ({ key: c.orgId, name: c.name, value: c.figures.activities ?? 0 }))
                .sort((a, b) => b.value - a.value)}
            />
          </Suspense>
        </div>
        <div className="panel panel--full">
          <h2>{t('reports.goals')}</h2>
          <ul className="goals">
            {(d?.goals ?? []).slice(0, 6).map((g) => {
              const pct = Math.min(100, Math.round((g.progress / Math.max(g.target, 1)) * 100));
              return (
                <li key={`${g.partnershipId}-${g.title}`}>
                  <span className="goals__name">{g.title}</span>
                  <span className="goals__bar">
                    <span style={{ width: `${pct}%` }} />
                  </span>
                  <span className="goals__pct">{`${g.progress} / ${g.target}`}</span>
                </li>
              );
            })}
          </ul>
        </div>
      </section>
      <p className="sr-only" role="status">
        {t('reports.refreshEvery', { seconds: refresh })}
      </p>
    </main>
  );
}
