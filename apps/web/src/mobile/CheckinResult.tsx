import { CheckCircleFilled, CloseCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

export type CheckinState =
  { state: 'pending' } | { state: 'done'; firstTime: boolean } | { state: 'failed'; text: string; network: boolean };

/** How a check-in went, in large type: in progress, done (or done before), or what to do next. */
export function CheckinResult({
  signup,
  result,
  onRetry,
}: {
  signup: { code: string; name: string };
  result: CheckinState | undefined;
  onRetry: () => void;
}) {
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
