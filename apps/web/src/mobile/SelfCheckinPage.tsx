import { useCallback, useEffect, useRef, useState } from 'react';
import { CheckCircleFilled, CloseCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, problemText } from '../app/api';
import { usePageTitle } from '../app/use-page-title';
import { ActivitySummary } from './ActivitySummary';
import { LinkButton } from './LinkButton';
import { Notice } from './Notice';
import { isNetwork, isNotFound, publicApi, publicKeys, retryNetworkOnly } from './public.api';
import { storedSignups, type StoredSignup } from './signup-storage';

type Result =
  | { state: 'pending' }
  | { state: 'done'; firstTime: boolean; attendanceCount: number }
  | { state: 'failed'; text: string; network: boolean };

/**
 * What the activity's poster QR code opens at the door: this phone's sign-ups for the activity are
 * checked in at once. A repeat scan says "already checked in"; a dropped connection offers another try
 * (the server counts each person once, however often it is asked).
 */
export default function SelfCheckinPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  usePageTitle(t('public.checkinTitle'));
  const [mine] = useState<StoredSignup[]>(() => storedSignups(token));
  const [results, setResults] = useState<Record<string, Result>>({});
  const activity = useQuery({ queryKey: publicKeys.activity(token), queryFn: () => publicApi.activity(token), retry: retryNetworkOnly });

  const checkIn = useCallback(
    async (s: StoredSignup) => {
      setResults((r) => ({ ...r, [s.code]: { state: 'pending' } }));
      try {
        const res = await publicApi.checkIn(token, s.code);
        setResults((r) => ({ ...r, [s.code]: { state: 'done', firstTime: res.firstTime, attendanceCount: res.attendanceCount } }));
      } catch (e) {
        const text = isNotFound(e) ? t('public.checkinUnknown') : isNetwork(e) ? t('public.offlineCheckin') : problemText(e);
        setResults((r) => ({ ...r, [s.code]: { state: 'failed', text, network: e instanceof ApiError && e.code === 'network' } }));
      }
    },
    [token, t],
  );

  // Once per visit, even when React runs effects twice in development.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    for (const s of mine) void checkIn(s);
  }, [mine, checkIn]);

  return (
    <>
      {mine.length === 0 ? (
        <Notice tone="info" title={t('public.checkinNoCode')} testId="selfcheckin-none">
          <p>{t('public.checkinNoCodeHint')}</p>
          <p>{t('public.checkinNoCodeWalkin')}</p>
          <div style={{ marginTop: 12 }}>
            <LinkButton to={`/a/${token}`} block>
              {t('public.checkinGoSignUp')}
            </LinkButton>
          </div>
        </Notice>
      ) : (
        mine.map((s) => <CheckinResult key={s.code} signup={s} result={results[s.code]} onRetry={() => void checkIn(s)} />)
      )}
      {activity.data && <ActivitySummary activity={activity.data} full={false} />}
    </>
  );
}

function CheckinResult({ signup, result, onRetry }: { signup: StoredSignup; result: Result | undefined; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!result || result.state === 'pending') {
    return (
      <section className="resident-card resident-status info" role="status" data-testid="selfcheckin-result" data-result="pending">
        <div className="resident-status-icon" aria-hidden>
          <LoadingOutlined />
        </div>
        <h1 className="resident-status-text">{t('public.checkingIn')}</h1>
        <p className="resident-status-sub">{signup.name}</p>
      </section>
    );
  }
  if (result.state === 'failed') {
    return (
      <section className="resident-card resident-status error" role="alert" data-testid="selfcheckin-result" data-result="failed">
        <div className="resident-status-icon" aria-hidden>
          <CloseCircleFilled />
        </div>
        <h1 className="resident-status-text">{t('public.checkinFailed')}</h1>
        <p className="resident-status-sub">
          {signup.name}：{result.text}
        </p>
        {result.network && (
          <Button type="primary" size="large" block onClick={onRetry} style={{ marginTop: 16 }} data-testid="selfcheckin-retry">
            {t('common.retry')}
          </Button>
        )}
      </section>
    );
  }
  return (
    <section
      className="resident-card resident-status success"
      role="status"
      data-testid="selfcheckin-result"
      data-result={result.firstTime ? 'checked-in' : 'already'}
    >
      <div className="resident-status-icon" aria-hidden>
        <CheckCircleFilled />
      </div>
      <h1 className="resident-status-text">{result.firstTime ? t('public.checkinDone') : t('public.checkinAlready')}</h1>
      <p className="resident-status-sub">
        {result.firstTime ? t('public.checkinWelcome', { name: signup.name }) : t('public.checkinAlreadySub', { name: signup.name })}
      </p>
    </section>
  );
}
