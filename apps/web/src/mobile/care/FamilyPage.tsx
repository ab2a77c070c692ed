import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTimeShort } from '../../app/format';
import { PageLoading } from '../../app/PageLoading';
import { usePageTitle } from '../../app/use-page-title';
import { Notice } from '../Notice';
import { retryNetworkOnly } from '../public.api';
import { ResidentError } from '../ResidentError';
import { carePhoneApi, carePhoneKeys } from './care-phone.api';

const TONE = { none: 'success', watch: 'warning', needs_help: 'warning', urgent: 'error' } as const;

/** The family's private page (from the link in every report): recent visits, no sign-in, nothing they did not choose to see. */
export function FamilyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const page = useQuery({ queryKey: carePhoneKeys.family(token), queryFn: () => carePhoneApi.family(token), retry: retryNetworkOnly });
  usePageTitle(t('care.familyTitle', { name: page.data?.recipientName ?? '' }));
  if (page.isPending) return <PageLoading />;
  if (page.isError) return <ResidentError error={page.error} notFound={t('care.familyNotFound')} onRetry={() => void page.refetch()} />;
  const p = page.data;
  return (
    <>
      <h1>{t('care.familyTitle', { name: p.recipientName })}</h1>
      <p>{t('care.familyIntro', { contact: p.contactName })}</p>
      {p.visits.length === 0 && <Notice tone="muted" title={t('care.familyNone')} />}
      {p.visits.map((v) => (
        <section key={v.visitedAt} className="resident-card" data-testid="family-visit">
          <h2>{formatDateTimeShort(v.visitedAt)}</h2>
          <dl className="resident-facts">
            <dt>{t('care.presence')}</dt>
            <dd>
              {t(`care.presenceOptions.${v.presence}`)}
              {v.volunteerName ? ` · ${v.volunteerName}` : ''}
            </dd>
            {v.helpGiven.length > 0 && (
              <>
                <dt>{t('care.help')}</dt>
                <dd>{v.helpGiven.map((h) => t(`care.helpKinds.${h}`)).join('、')}</dd>
              </>
            )}
            {v.answers && (
              <>
                <dt>{t('care.checklist')}</dt>
                <dd>
                  {Object.entries(v.answers)
                    .map(([k, a]) => `${t(`care.items.${k}`)} ${a === 'ok' ? t('care.ok') : t('care.concernMark')}`)
                    .join('，')}
                </dd>
              </>
            )}
          </dl>
          <Notice tone={TONE[v.concern]} title={t(`care.concernLevels.${v.concern}`)} />
        </section>
      ))}
    </>
  );
}
