import { useEffect } from 'react';
import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled, GiftFilled } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, QRCode } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Signup } from '@youshe/shared';
import { problemText } from '../app/api';
import { formatDateTimeShort } from '../app/format';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/use-page-title';
import { ActivitySummary } from './ActivitySummary';
import { LinkButton } from './LinkButton';
import { Notice } from './Notice';
import { isNetwork, publicApi, publicKeys, retryNetworkOnly } from './public.api';
import { ResidentError } from './ResidentError';
import { forgetSignup, rememberSignup } from './signup-storage';

const LIVE = ['confirmed', 'waitlisted', 'offered'];

/** My sign-up: its status in big words, the offer to take up, my check-in code, and cancelling. */
export default function MySignupPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const signup = useQuery({
    queryKey: publicKeys.signup(code),
    queryFn: () => publicApi.signup(code),
    retry: retryNetworkOnly,
    // Someone waiting learns of a freed place without reloading.
    refetchInterval: (q) => (q.state.data?.status === 'waitlisted' || q.state.data?.status === 'offered' ? 30_000 : false),
  });
  const s = signup.data;
  const activity = useQuery({
    queryKey: publicKeys.activity(s?.activityToken ?? ''),
    queryFn: () => publicApi.activity(s!.activityToken),
    enabled: Boolean(s),
    retry: retryNetworkOnly,
  });
  usePageTitle(t('public.mySignupTitle'));

  // This phone now knows the code, however the page was reached (a shared link, a bookmark).
  useEffect(() => {
    if (!s) return;
    if (LIVE.includes(s.status)) rememberSignup(s.activityToken, { code: s.code, name: s.name });
    else forgetSignup(s.activityToken, s.code);
  }, [s]);

  const update = (next: Signup) => {
    client.setQueryData(publicKeys.signup(code), next);
    void client.invalidateQueries({ queryKey: publicKeys.activity(next.activityToken) });
  };
  const failed = (e: unknown) => void message.error(isNetwork(e) ? t('public.offlineAction') : problemText(e), 6);
  const accept = useMutation({ mutationFn: () => publicApi.accept(code), onSuccess: update, onError: failed });
  const cancel = useMutation({ mutationFn: () => publicApi.cancel(code), onSuccess: update, onError: failed });

  if (signup.isPending) return <PageLoading />;
  if (signup.isError || !s) {
    return <ResidentError error={signup.error} notFound={t('public.signupNotFound')} onRetry={() => void signup.refetch()} />;
  }

  const confirmCancel = () =>
    modal.confirm({
      title: t('public.cancelConfirmTitle'),
      content: s.status === 'confirmed' ? t('public.cancelConfirmPlace') : t('public.cancelConfirmWaiting'),
      okText: t('public.cancelYes'),
      okButtonProps: { danger: true, size: 'large' },
      cancelText: t('public.cancelNo'),
      cancelButtonProps: { size: 'large' },
      onOk: () => cancel.mutateAsync().catch(() => undefined),
    });

  return (
    <div data-testid="my-signup" data-status={s.status}>
      <Status signup={s} />
      {s.status === 'offered' && (
        <div className="resident-card">
          <Button type="primary" size="large" block loading={accept.isPending} onClick={() => accept.mutate()} data-testid="signup-accept">
            {t('public.accept')}
          </Button>
        </div>
      )}
      {s.status === 'confirmed' && <CheckinCode signup={s} />}
      {activity.data && <ActivitySummary activity={activity.data} full={false} />}
      {activity.data?.status === 'cancelled' && <Notice tone="muted" title={t('public.cancelledTitle')} />}
      <div className="resident-actions">
        {LIVE.includes(s.status) && !s.checkedIn && (
          <Button danger size="large" block loading={cancel.isPending} onClick={confirmCancel} data-testid="signup-cancel">
            {t('public.cancel')}
          </Button>
        )}
        <LinkButton to={`/a/${s.activityToken}`} block data-testid="back-to-activity">
          {LIVE.includes(s.status) ? t('public.backToActivity') : t('public.signUpAgain')}
        </LinkButton>
      </div>
    </div>
  );
}

function Status({ signup: s }: { signup: Signup }) {
  const { t } = useTranslation();
  const [tone, icon, text, sub] = ((): [string, React.ReactNode, string, string] => {
    switch (s.status) {
      case 'confirmed':
        return s.checkedIn
          ? ['success', <CheckCircleFilled key="i" />, t('public.status.checkedIn'), t('public.status.checkedInSub', { name: s.name })]
          : ['success', <CheckCircleFilled key="i" />, t('public.status.confirmed'), t('public.status.confirmedSub', { name: s.name })];
      case 'waitlisted':
        return [
          'warning',
          <ClockCircleFilled key="i" />,
          t('public.status.waitlisted'),
          t('public.status.waitlistedSub', { position: s.waitlistPosition ?? '—' }),
        ];
      case 'offered':
        return [
          'info',
          <GiftFilled key="i" />,
          t('public.status.offered'),
          t('public.status.offeredSub', { time: formatDateTimeShort(s.offerExpiresAt) }),
        ];
      case 'cancelled':
        return ['muted', <CloseCircleFilled key="i" />, t('public.status.cancelled'), t('public.status.cancelledSub')];
      default:
        return ['muted', <CloseCircleFilled key="i" />, t('public.status.expired'), t('public.status.expiredSub')];
    }
  })();
  return (
    <section
      className={`resident-card resident-status ${tone}`}
      role="status"
      aria-live="polite"
      data-testid="signup-status"
      data-status={s.status}
    >
      <div className="resident-status-icon" aria-hidden>
        {icon}
      </div>
      <h1 className="resident-status-text">{text}</h1>
      {s.status === 'waitlisted' && s.waitlistPosition !== null && (
        <p className="resident-status-sub resident-status-position" data-testid="waitlist-position" data-position={s.waitlistPosition}>
          {sub}
        </p>
      )}
      {s.status !== 'waitlisted' && <p className="resident-status-sub">{sub}</p>}
      {s.status === 'waitlisted' && <p className="resident-status-sub">{t('public.status.waitlistedHow')}</p>}
    </section>
  );
}

/** My check-in code: staff scan the QR code or type the characters below it. */
function CheckinCode({ signup: s }: { signup: Signup }) {
  const { t } = useTranslation();
  return (
    <section className="resident-card resident-code" aria-labelledby="code-heading">
      <h2 id="code-heading">{s.checkedIn ? t('public.codeHeadingDone') : t('public.codeHeading')}</h2>
      <QRCode
        value={s.code}
        size={232}
        errorLevel="M"
        bordered={false}
        role="img"
        aria-label={t('public.codeQr')}
        data-testid="signup-qr"
      />
      <div className="resident-code-text" data-testid="signup-code">
        {s.code}
      </div>
      <p style={{ margin: 0 }}>{t('public.codeHint')}</p>
    </section>
  );
}
