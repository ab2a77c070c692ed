import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoading } from '../../app/PageLoading';
import { usePageTitle } from '../../app/use-page-title';
import { stationKeys, stationsApi } from '../../features/stations/stations.api';
import { retryNetworkOnly } from '../public.api';
import { ResidentError } from '../ResidentError';

/** The page behind the contact card's QR code: what the station does, when it is open, whom to call. */
export default function PublicStationPage() {
  const { t } = useTranslation();
  const { placeId = '' } = useParams();
  const station = useQuery({
    queryKey: stationKeys.public(placeId),
    queryFn: () => stationsApi.publicStation(placeId),
    retry: retryNetworkOnly,
    staleTime: 60_000,
  });
  usePageTitle(station.data?.name ?? t('stations.title'));
  if (station.isPending) return <PageLoading />;
  if (station.isError || !station.data) {
    return <ResidentError error={station.error} notFound={t('stations.public.notFound')} onRetry={() => void station.refetch()} />;
  }
  const s = station.data;
  return (
    <div data-testid="public-station">
      <section className="resident-card">
        {s.positionings.map((p) => (
          <span key={p} className="resident-kind" style={{ marginRight: 8 }}>
            {t(`stations.positioning.${p}`)}
          </span>
        ))}
        <h1>{s.name}</h1>
        <dl className="resident-facts">
          {s.openingHours && (
            <>
              <dt>{t('stations.public.hours')}</dt>
              <dd data-testid="station-hours">{s.openingHours}</dd>
            </>
          )}
          {s.address && (
            <>
              <dt>{t('stations.public.address')}</dt>
              <dd>{s.address}</dd>
            </>
          )}
          {s.headName && (
            <>
              <dt>{t('stations.public.head')}</dt>
              <dd>{s.headName}</dd>
            </>
          )}
          {s.communityName && (
            <>
              <dt>{t('stations.public.community')}</dt>
              <dd>{s.communityName}</dd>
            </>
          )}
        </dl>
        {s.contactPhone && (
          <a className="station-call" href={`tel:${s.contactPhone.replace(/-/g, '')}`} data-testid="station-call">
            {t('stations.public.call', { phone: s.contactPhone })}
          </a>
        )}
      </section>
      {s.services.length > 0 && (
        <section className="resident-card" aria-labelledby="station-services">
          <h2 id="station-services">{t('stations.public.services')}</h2>
          <ul className="station-chips" data-testid="station-services">
            {s.services.map((k) => (
              <li key={k}>{t(`stations.service.${k}`)}</li>
            ))}
          </ul>
        </section>
      )}
      <section className="resident-card" aria-labelledby="station-functions">
        <h2 id="station-functions">{t('stations.public.functions')}</h2>
        <div data-testid="station-functions">
          {s.functionGroups.map((g) => (
            <div key={g.groupKey} className="station-group">
              <h3>{t(`stations.group.${g.groupKey}`)}</h3>
              <ul>
                {g.functions.map((f) => (
                  <li key={f.name}>
                    <strong>{f.name}</strong>
                    {f.description && <span>：{f.description}</span>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
