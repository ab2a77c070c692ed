import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { serviceMode, type ServiceKind } from '@youshe/shared';
import { errorText } from '../../app/api';
import { PageLoading } from '../../app/PageLoading';
import { usePageTitle } from '../../app/use-page-title';
import { clientId, stationKeys, stationsApi } from '../../features/stations/stations.api';
import { LinkButton } from '../LinkButton';
import { Notice } from '../Notice';
import { DeskRecords } from './DeskRecords';
import './stations.css';

/**
 * The counter clerk's page: one tap per person served, counted at once on screen and settled by the
 * server (which adds, so two clerks tapping together both count); a record per person below.
 */
export default function StationDeskPage() {
  const { t } = useTranslation();
  usePageTitle(t('stations.deskPage.title'));
  const mine = useQuery({ queryKey: stationKeys.list(null, true), queryFn: () => stationsApi.list(null, true) });
  const loggable = (mine.data?.items ?? []).filter((s) => s.canLog);
  const [chosen, setChosen] = useState<string | null>(null);
  const placeId = chosen ?? loggable[0]?.placeId ?? null;

  if (mine.isPending) return <PageLoading />;
  if (mine.isError) return <Notice tone="error" title={errorText(mine.error)} />;
  if (!placeId) {
    return (
      <Notice tone="muted" title={t('stations.deskPage.noStation')} testId="desk-no-station">
        <LinkButton to="/">{t('stations.deskPage.back')}</LinkButton>
      </Notice>
    );
  }
  return (
    <>
      <h1>{t('stations.deskPage.title')}</h1>
      {loggable.length > 1 && (
        <label style={{ display: 'block', marginBottom: 12 }}>
          <span style={{ display: 'block', fontWeight: 700 }}>{t('stations.deskPage.pick')}</span>
          <Select
            style={{ width: '100%' }}
            value={placeId}
            onChange={setChosen}
            options={loggable.map((s) => ({ value: s.placeId, label: s.name }))}
            data-testid="desk-station"
          />
        </label>
      )}
      <Desk placeId={placeId} />
    </>
  );
}

function Desk({ placeId }: { placeId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const station = useQuery({ queryKey: stationKeys.one(placeId), queryFn: () => stationsApi.get(placeId) });
  const log = useQuery({ queryKey: stationKeys.log(placeId), queryFn: () => stationsApi.log(placeId) });
  // Counts on screen move at the tap; the server's answer then sets them to what it holds.
  const [counts, setCounts] = useState<Partial<Record<ServiceKind, number>>>({});
  useEffect(() => {
    if (log.data) setCounts(Object.fromEntries(log.data.tallies.map((x) => [x.kind, x.count])));
  }, [log.data]);

  if (station.isPending || log.isPending) return <PageLoading />;
  if (station.isError) return <Notice tone="error" title={errorText(station.error)} />;
  const s = station.data;
  const tallyKinds = s.services.map((x) => x.kind).filter((k) => serviceMode(k) === 'tally');

  const tap = async (kind: ServiceKind, delta: 1 | -1) => {
    setCounts((c) => ({ ...c, [kind]: Math.max(0, (c[kind] ?? 0) + delta) }));
    try {
      const res = await stationsApi.tap(placeId, kind, delta, clientId());
      setCounts((c) => ({ ...c, [kind]: Math.max(res.count, c[kind] ?? 0) }));
    } catch (e) {
      setCounts((c) => ({ ...c, [kind]: Math.max(0, (c[kind] ?? 0) - delta) }));
      void message.error(errorText(e));
    } finally {
      void client.invalidateQueries({ queryKey: stationKeys.list(null, true) });
    }
  };

  return (
    <>
      <section className="resident-card" aria-labelledby="desk-tally">
        <h2 id="desk-tally">{s.name}</h2>
        <p style={{ marginTop: 0 }}>{t('stations.deskPage.tapHint')}</p>
        <div className="tally-grid">
          {tallyKinds.map((kind) => (
            <button key={kind} type="button" className="tally-button" onClick={() => void tap(kind, 1)} data-testid={`tally-${kind}`}>
              <span>{t(`stations.service.${kind}`)}</span>
              <span className="tally-count" data-testid={`tally-count-${kind}`} aria-live="polite">
                {counts[kind] ?? 0}
              </span>
            </button>
          ))}
        </div>
      </section>
      <DeskRecords placeId={placeId} kinds={s.services.map((x) => x.kind).filter((k) => serviceMode(k) !== 'tally')} />
    </>
  );
}
