import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENDING_SOON_DAYS } from './partnerships.api';

/** How long an agreement still runs: highlighted from 30 days before its end. */
export function DaysLeftTag({ daysLeft }: { daysLeft: number }) {
  const { t } = useTranslation();
  if (daysLeft < 0) return <Tag>{t('partnerships.ended')}</Tag>;
  if (daysLeft <= ENDING_SOON_DAYS)
    return (
      <Tag color="warning" data-testid="days-left-soon">
        {daysLeft === 0 ? t('partnerships.endsToday') : t('partnerships.daysLeftN', { count: daysLeft })}
      </Tag>
    );
  return <Tag color="success">{t('partnerships.daysLeftN', { count: daysLeft })}</Tag>;
}
