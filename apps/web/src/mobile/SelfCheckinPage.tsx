import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, problemText } from '../app/api';
import { usePageTitle } from '../app/use-page-title';
import { ActivitySummary } from './ActivitySummary';
import { LinkButton } from './LinkButton';
import { CheckinResult, type CheckinState } from './CheckinResult';
import { Notice } from './Notice';
import { PhoneCheckin } from './PhoneCheckin';
import { isNetwork, isNotFound, publicApi, publicKeys, retryNetworkOnly } from './public.api';
import { storedSignups, type StoredSignup } from './signup-storage';

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
  const [results, setResults] = useState<Record<string, CheckinState>>({});
  const activity = useQuery({ queryKey: publicKeys.activity(token), queryFn: () => publicApi.activity(token), retry: retryNetworkOnly });

  const checkIn = useCallback(
    async (s: StoredSignup) => {
      setResults((r) => ({ ...r, [s.code]: { state: 'pending' } }));
      try {
        const res = await publicApi.checkIn(token, s.code);
        setResults((r) => ({ ...r, [s.code]: { state: 'done', firstTime: res.firstTime } }));
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
        <>
          <Notice tone="info" title={t('public.checkinNoCode')} testId="selfcheckin-none">
            <p>{t('public.checkinNoCodeHint')}</p>
            <p>{t('public.checkinNoCodeWalkin')}</p>
          </Notice>
          <PhoneCheckin token={token} />
          <LinkButton to={`/a/${token}`} block>
            {t('public.checkinGoSignUp')}
          </LinkButton>
        </>
      ) : (
        mine.map((s) => <CheckinResult key={s.code} signup={s} result={results[s.code]} onRetry={() => void checkIn(s)} />)
      )}
      {activity.data && <ActivitySummary activity={activity.data} full={false} />}
    </>
  );
}
