import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/use-page-title';
import { ActivitySummary } from './ActivitySummary';
import { LinkButton } from './LinkButton';
import { Notice } from './Notice';
import { publicApi, publicKeys, retryNetworkOnly, type PublicActivity } from './public.api';
import { ResidentError } from './ResidentError';
import { SignupForm } from './SignupForm';
import { storedSignups } from './signup-storage';

/** An activity's public page: what it is, how many places are left, and the sign-up form. */
export default function PublicActivityPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const activity = useQuery({
    queryKey: publicKeys.activity(token),
    queryFn: () => publicApi.activity(token),
    retry: retryNetworkOnly,
    staleTime: 15_000,
  });
  usePageTitle(activity.data?.title ?? t('public.signupTitle'));
  const mine = storedSignups(token);
  const [another, setAnother] = useState(false);

  if (activity.isPending) return <PageLoading />;
  if (activity.isError || !activity.data) {
    return <ResidentError error={activity.error} notFound={t('public.activityNotFound')} onRetry={() => void activity.refetch()} />;
  }
  const a = activity.data;
  const open = a.status === 'published' || a.status === 'in_progress';
  const full = a.placesLeft === 0;

  return (
    <>
      <ActivitySummary activity={a} />
      {open ? <Places activity={a} /> : <ClosedNotice activity={a} />}
      {mine.length > 0 && (
        <section className="resident-card" aria-labelledby="mine-heading" data-testid="my-signups">
          <h2 id="mine-heading">{t('public.alreadySignedUp')}</h2>
          <ul className="resident-mine">
            {mine.map((s) => (
              <li key={s.code}>
                <span>{s.name}</span>
                <LinkButton to={`/s/${s.code}`} type="primary" data-testid="my-signup-link">
                  {t('public.viewMySignup')}
                </LinkButton>
              </li>
            ))}
          </ul>
          {open && !another && (
            <Button size="large" block onClick={() => setAnother(true)} data-testid="signup-another">
              {t('public.signUpAnother')}
            </Button>
          )}
        </section>
      )}
      {open && (mine.length === 0 || another) && <SignupForm token={token} full={full} />}
    </>
  );
}

function Places({ activity: a }: { activity: PublicActivity }) {
  const { t } = useTranslation();
  if (a.placesLeft === null) {
    return <Notice tone="success" title={t('public.noLimit')} testId="places-left" />;
  }
  if (a.placesLeft > 0) {
    return (
      <div className="resident-card resident-places" data-testid="places-left" role="status">
        <Trans i18nKey="public.placesLeft" values={{ count: a.placesLeft }} components={{ n: <strong /> }} />
        <span className="empty-text" style={{ fontSize: 18, fontWeight: 400, display: 'block' }}>
          {t('public.capacityOf', { count: a.capacity ?? 0 })}
        </span>
      </div>
    );
  }
  return (
    <Notice tone="warning" title={t('public.fullTitle')} testId="waitlist-notice">
      <p>{t('public.fullHint', { count: a.waitlistCount })}</p>
    </Notice>
  );
}

function ClosedNotice({ activity: a }: { activity: PublicActivity }) {
  const { t } = useTranslation();
  const title =
    a.status === 'cancelled' ? t('public.cancelledTitle') : a.status === 'closed' ? t('public.closedTitle') : t('public.notOpenTitle');
  return <Notice tone="muted" title={title} testId="signup-closed" />;
}
