import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/api';
import { Notice } from './Notice';
import { isNetwork, isNotFound } from './public.api';

/** A page that could not load: not there, or no connection (with a way to try again). */
export function ResidentError({ error, notFound, onRetry }: { error: unknown; notFound: string; onRetry: () => void }) {
  const { t } = useTranslation();
  if (isNotFound(error)) {
    return (
      <Notice tone="muted" title={notFound} testId="resident-not-found">
        <p>{t('public.notFoundHint')}</p>
      </Notice>
    );
  }
  return (
    <Notice tone="error" title={isNetwork(error) ? t('public.offline') : errorText(error)} testId="resident-error">
      <p>{t('public.tryAgainHint')}</p>
      <Button type="primary" size="large" block onClick={onRetry} style={{ marginTop: 12 }} data-testid="resident-retry">
        {t('common.retry')}
      </Button>
    </Notice>
  );
}
