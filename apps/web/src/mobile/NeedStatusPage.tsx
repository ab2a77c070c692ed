import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { formatDate } from '../app/format';
import { usePageTitle } from '../app/use-page-title';
import { LinkButton } from './LinkButton';
import { Notice } from './Notice';
import { PageLoading } from '../app/PageLoading';
import { publicApi, publicKeys, retryNetworkOnly } from './public.api';
import { ResidentError } from './ResidentError';

const TONES = { open: 'info', matched: 'warning', done: 'success', closed: 'muted' } as const;

/** Where a resident follows their order: received, taken on by a member, done. */
export default function NeedStatusPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const justPosted = (useLocation().state as { justPosted?: boolean } | null)?.justPosted === true;
  usePageTitle(t('need.statusTitle'));
  const need = useQuery({ queryKey: publicKeys.need(code), queryFn: () => publicApi.need(code), retry: retryNetworkOnly });

  if (need.isPending) return <PageLoading />;
  if (need.isError) return <ResidentError error={need.error} notFound={t('need.notFound')} onRetry={() => void need.refetch()} />;
  const n = need.data;
  const project = n.project;
  return (
    <>
      <h1>{t('need.statusTitle')}</h1>
      {justPosted && <Notice tone="success" title={t('need.received')} testId="need-received" />}
      <section className="resident-card" data-testid="need-status" data-status={n.status}>
        <h2>{n.title}</h2>
        <dl className="resident-facts">
          <dt>{t('need.community')}</dt>
          <dd>{n.orgName}</dd>
          <dt>{t('need.postedOn')}</dt>
          <dd>{formatDate(n.createdAt.slice(0, 10))}</dd>
          <dt>{t('need.trackingCode')}</dt>
          <dd>
            <strong className="resident-code-text" data-testid="need-code">
              {n.trackingCode}
            </strong>
          </dd>
        </dl>
      </section>
      <Notice tone={TONES[n.status]} title={t(`need.status.${n.status}`)} testId="need-status-text">
        {project && (
          <p data-testid="need-project">
            {t('need.projectLine', { title: project.title })}
            {project.claimed ? ` ${t('need.claimedYes')}` : ` ${t('need.claimedNo')}`}
            {project.dueOn ? ` ${t('need.dueBy', { date: formatDate(project.dueOn) })}` : ''}
          </p>
        )}
      </Notice>
      <p>{t('need.keepLink')}</p>
      <div className="resident-actions">
        <LinkButton to="/need" block>
          {t('need.another')}
        </LinkButton>
      </div>
    </>
  );
}
