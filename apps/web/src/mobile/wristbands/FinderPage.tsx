import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, problemText } from '../../app/api';
import { PageLoading } from '../../app/PageLoading';
import { usePageTitle } from '../../app/use-page-title';
import { Notice } from '../Notice';
import { currentPosition, finderApi } from './finder.api';
import './finder.css';

/**
 * What a passer-by sees after scanning a yellow wristband. Nothing about the wearer: only that they may need
 * help, and one button that tells their family and the community at once, with the finder's location if allowed.
 */
export default function FinderPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  usePageTitle(t('outreach.finder.title'));
  // One scan per page view: the code is looked up once, not on every focus.
  const band = useQuery({
    queryKey: ['public', 'wristband', code],
    queryFn: () => finderApi.scan(code),
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const [shareLocation, setShareLocation] = useState(true);
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<{ withLocation: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  if (band.isPending) return <PageLoading />;
  // A malformed code is refused by the server (400): for the finder it is just a code that is not registered.
  const malformed = band.isError && band.error instanceof ApiError && band.error.status === 400;
  if (band.isError && !malformed) {
    const limited = band.error instanceof ApiError && band.error.status === 429;
    return (
      <Notice tone="muted" title={limited ? t('outreach.finder.slowDown') : t('outreach.finder.offline')} testId="finder-error">
        <p>{t('outreach.finder.emergency')}</p>
      </Notice>
    );
  }
  if (malformed || !band.data?.active) {
    return (
      <div className="finder-page">
        <h1>{t('outreach.finder.unknownTitle')}</h1>
        <Notice tone="info" title={t('outreach.finder.unknown')} testId="finder-unknown">
          <p>{t('outreach.finder.unknownHint')}</p>
          <p>{t('outreach.finder.emergency')}</p>
        </Notice>
      </div>
    );
  }

  const press = async () => {
    const trimmed = phone.trim();
    if (trimmed && !/^1[3-9]\d{9}$/.test(trimmed)) {
      setPhoneError(t('outreach.finder.phoneFormat'));
      return;
    }
    setPhoneError(null);
    setFailure(null);
    setSending(true);
    try {
      const position = shareLocation ? await currentPosition() : null;
      await finderApi.alert(code, {
        scanId: band.data.scanId ?? undefined,
        ...(position ? { lat: position.lat, lng: position.lng, accuracy: Math.min(100000, position.accuracy) } : {}),
        ...(trimmed ? { callbackPhone: trimmed } : {}),
      });
      setSent({ withLocation: Boolean(position) });
    } catch (e) {
      const field = e instanceof ApiError ? e.details.find((d) => d.path === 'callbackPhone') : undefined;
      if (field) setPhoneError(field.message);
      else setFailure(problemText(e));
    } finally {
      setSending(false);
    }
  };

  if (sent) {
    return (
      <div className="finder-page">
        <h1>{t('outreach.finder.thanks')}</h1>
        <Notice tone="success" title={t('outreach.finder.sent')} testId="finder-sent">
          <p>{sent.withLocation ? t('outreach.finder.sentWithLocation') : t('outreach.finder.sentNoLocation')}</p>
          <p>{t('outreach.finder.stay')}</p>
          <p>{t('outreach.finder.emergency')}</p>
        </Notice>
      </div>
    );
  }

  return (
    <div className="finder-page" data-testid="finder-page">
      <span className="finder-badge">{t('outreach.finder.badge')}</span>
      <h1>{t('outreach.finder.heading')}</h1>
      <p className="finder-lead">{t('outreach.finder.lead')}</p>
      <ol className="finder-steps">
        <li>{t('outreach.finder.step1')}</li>
        <li>{t('outreach.finder.step2')}</li>
        <li>{t('outreach.finder.step3')}</li>
      </ol>
      <Form layout="vertical" onFinish={() => void press()}>
        <Form.Item>
          <Checkbox checked={shareLocation} onChange={(e) => setShareLocation(e.target.checked)} data-testid="finder-location">
            {t('outreach.finder.shareLocation')}
          </Checkbox>
        </Form.Item>
        <Form.Item
          label={t('outreach.finder.callback')}
          extra={t('outreach.finder.callbackHint')}
          validateStatus={phoneError ? 'error' : undefined}
          help={phoneError ?? undefined}
          htmlFor="finder-phone"
        >
          <Input
            id="finder-phone"
            inputMode="tel"
            autoComplete="tel"
            maxLength={11}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            data-testid="finder-phone"
          />
        </Form.Item>
        {failure && <Notice tone="error" title={failure} />}
        <Button htmlType="submit" type="primary" size="large" block loading={sending} className="finder-button" data-testid="finder-notify">
          {t('outreach.finder.notify')}
        </Button>
      </Form>
      <p style={{ marginTop: 24 }}>{t('outreach.finder.emergency')}</p>
    </div>
  );
}
